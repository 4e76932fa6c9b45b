using LstmCourse.Charts;

namespace LstmCourse.Tests.Charts;

public class PathBuilderTests
{
    private static readonly Box Plot = new(0, 0, 100, 100);

    [Fact]
    public void A_segment_crossing_the_border_is_cut_at_the_border()
    {
        var (a, b) = PathBuilder.Clip((50, 50), (50, -50), Plot)!.Value;

        Assert.Equal((50.0, 50.0), a);
        Assert.Equal((50.0, 0.0), b);
    }

    [Fact]
    public void A_segment_wholly_outside_is_dropped()
    {
        Assert.Null(PathBuilder.Clip((-10, -10), (-5, 200), Plot));
    }

    [Fact]
    public void A_missing_point_starts_a_new_subpath_and_a_lone_point_is_returned_as_a_dot()
    {
        (double X, double Y)?[] points = [(0, 0), (10, 10), null, (20, 20), null, (30, 30), (40, 40)];

        var (d, isolated) = PathBuilder.Build(points, Plot);

        Assert.Equal("M0,0 L10,10 M30,30 L40,40", d);
        Assert.Equal([(20.0, 20.0)], isolated);
    }

    [Fact]
    public void Thinning_keeps_first_lowest_highest_and_last_of_each_pixel_column()
    {
        var run = new List<(double X, double Y)> { (0.1, 5), (0.2, 9), (0.3, 1), (0.4, 4), (0.5, 6), (1.2, 3) };

        var kept = PathBuilder.Thin(run);

        Assert.Equal([(0.1, 5.0), (0.2, 9.0), (0.3, 1.0), (0.5, 6.0), (1.2, 3.0)], kept);
    }
}

using LstmCourse.Charts;
using static LstmCourse.Tests.Charts.SvgQuery;

namespace LstmCourse.Tests.Charts;

public class ScatterChartTests
{
    private static readonly (double X, double Y)[] Xor = [(0, 0), (0, 1), (1, 0), (1, 1), (0.1, 0.9), (0.9, 0.1)];
    private static readonly int[] Labels = [0, 1, 1, 0, 1, 1];

    [Fact]
    public void Add_classes_makes_one_series_per_label_with_names_in_the_legend()
    {
        var chart = new ScatterChart("XOR", "x1", "x2").AddClasses(Xor, Labels, "same", "different");
        var svg = Parse(chart);

        Assert.Equal(["same", "different"], svg.LegendLabels());
        Assert.Equal(2, svg.ByClass("series").First().ByClass("point").Count());
        Assert.Equal(4, svg.ByClass("series").Last().ByClass("point").Count());
        Assert.Equal("x1", svg.One("x-label").Value);
    }

    [Fact]
    public void Every_point_maps_inside_the_plot_area_with_nice_ticks()
    {
        var svg = Parse(new ScatterChart("t").AddClasses(Xor, Labels));
        var plot = svg.PlotArea();

        Assert.All(svg.ByClass("point"), p =>
        {
            var (x, y) = p.Name.LocalName == "circle" ? (p.Num("cx"), p.Num("cy")) : (p.Num("x") + p.Num("width") / 2, p.Num("y") + p.Num("height") / 2);
            Assert.InRange(x, plot.Left, plot.Right);
            Assert.InRange(y, plot.Top, plot.Bottom);
        });
        Assert.True(AreNice(svg.TickValues("x-ticks")));
        Assert.True(AreNice(svg.TickValues("y-ticks")));
    }

    [Fact]
    public void Class_regions_fill_the_plot_row_by_row_in_light_class_colours()
    {
        var svg = Parse(new ScatterChart("t").AddClasses(Xor, Labels).WithClassRegions((x, y) => x > 0.5 ? 1 : 0, resolution: 10));
        var regions = svg.One("regions").Elements(Ns + "rect").ToArray();
        var plot = svg.PlotArea();
        var rows = regions.GroupBy(r => r.Num("y")).ToArray();

        Assert.Equal(10, rows.Length);
        Assert.All(rows, row => Assert.Equal(2, row.Count()));                 // runs of one colour are merged: class 0 | class 1
        Assert.All(rows, row => Assert.InRange(Math.Abs(row.Sum(r => r.Num("width")) - (plot.Right - plot.Left)), 0, 1));
        Assert.Equal([Rgb(0), Rgb(1)], rows[0].Select(r => (string)r.Attribute("fill")!));
    }

    private static string Rgb(int k) => LstmCourse.Charts.Rgb.Mix(LstmCourse.Charts.Rgb.White, LstmCourse.Charts.Rgb.Parse(Palette.Color(k)), 0.28).Hex;

    [Fact]
    public void Probability_regions_are_white_at_one_half_and_take_the_class_colour_towards_zero_and_one()
    {
        var chart = new ScatterChart("t") { XRange = (0, 1), YRange = (0, 1) }.AddClasses(Xor, Labels).WithProbabilityRegions((x, _) => x, resolution: 2);
        var fills = Parse(chart).One("regions").Elements(Ns + "rect").Select(r => (string)r.Attribute("fill")!).ToArray();   // cells at x = 0.25, 0.75

        Assert.Equal(4, fills.Length);
        Assert.Equal(fills[0], fills[2]);
        Assert.Equal(fills[1], fills[3]);
        Assert.NotEqual(fills[0], fills[1]);
        Assert.DoesNotContain("#ffffff", fills);
        var even = Parse(new ScatterChart("t").Add("a", [0.0], [0.0]).WithProbabilityRegions((_, _) => 0.5, 2)).One("regions").Elements(Ns + "rect");
        Assert.Equal(["#ffffff"], even.Select(r => (string)r.Attribute("fill")!).Distinct());
    }

    [Fact]
    public void Stretched_probability_regions_give_the_plots_largest_deviation_the_full_colour()
    {
        string Fill(bool stretch, Func<double, double, double> p) => (string)Parse(new ScatterChart("t") { XRange = (0, 1), YRange = (0, 1) }
            .AddClasses(Xor, Labels).WithProbabilityRegions(p, resolution: 2, stretch: stretch)).One("regions").Elements(Ns + "rect").Last().Attribute("fill")!;
        string Full(int k) => LstmCourse.Charts.Rgb.Mix(LstmCourse.Charts.Rgb.White, LstmCourse.Charts.Rgb.Parse(Palette.Color(k)), 0.5).Hex;

        Assert.Equal(Full(1), Fill(false, (_, _) => 1.0));                              // P = 1: full colour without stretching
        Assert.NotEqual(Full(1), Fill(false, (x, _) => 0.5 + 0.01 * x));                // P ≈ 0.5: almost white
        Assert.Equal(Full(1), Fill(true, (x, _) => 0.5 + 0.01 * x));                    // stretched: the most certain cell is full
        Assert.Equal(Full(0), Fill(true, (x, _) => 0.49 - 0.01 * x));                   // and keeps its side of 0.5
    }

    [Fact]
    public void A_negative_class_from_the_region_function_is_an_error_naming_the_point()
    {
        var chart = new ScatterChart("t").AddClasses(Xor, Labels).WithClassRegions((_, _) => -1, resolution: 2);

        Assert.Contains("returned -1", Assert.Throws<ArgumentException>(() => chart.ToSvg()).Message);
    }

    [Fact]
    public void Labels_must_match_points_and_name_every_class()
    {
        Assert.Contains("6 points but 2 labels", Assert.Throws<ArgumentException>(() => new ScatterChart("t").AddClasses(Xor, [0, 1])).Message);
        Assert.Contains("2 classes but 1 class names", Assert.Throws<ArgumentException>(() => new ScatterChart("t").AddClasses(Xor, Labels, "only")).Message);
        Assert.Contains("'a' has 2 x values but 1 y values", Assert.Throws<ArgumentException>(() => new ScatterChart("t").Add("a", [1.0, 2.0], [1.0])).Message);
    }

    [Fact]
    public void Non_finite_points_are_skipped_and_counted_and_no_points_says_no_data()
    {
        var svg = Parse(new ScatterChart("t").Add("a", [0.0, double.NaN, 1.0], [0.0, 1.0, 1.0]));

        Assert.Equal(2, svg.ByClass("point").Count());
        Assert.Equal(["a (1 non-finite skipped)"], svg.LegendLabels());
        Assert.Equal("no data", Parse(new ScatterChart("empty")).One("no-data").Value);
    }
}

using LstmCourse.Charts;

namespace LstmCourse.Tests.Charts;

public class ColorScaleTests
{
    [Fact]
    public void Viridis_runs_from_dark_purple_to_yellow_through_teal()
    {
        Assert.Equal("#440154", ColorScale.Viridis.ColorAt(0));
        Assert.Equal("#21918c", ColorScale.Viridis.ColorAt(0.5));
        Assert.Equal("#fde725", ColorScale.Viridis.ColorAt(1));
    }

    [Fact]
    public void Viridis_gets_lighter_all_the_way_so_it_reads_in_grey()
    {
        var luminance = Enumerable.Range(0, 65).Select(k => ColorScale.Viridis.RgbAt(k / 64.0).Luminance).ToArray();

        Assert.All(luminance.Zip(luminance.Skip(1)), p => Assert.True(p.Second > p.First));
    }

    [Fact]
    public void Blue_white_red_is_blue_below_white_in_the_middle_and_red_above()
    {
        var scale = ColorScale.BlueWhiteRed;

        Assert.True(scale.IsDiverging);
        Assert.Equal("#2166ac", scale.ColorAt(0));
        Assert.Equal("#f7f7f7", scale.ColorAt(0.5));
        Assert.Equal("#b2182b", scale.ColorAt(1));
    }

    [Fact]
    public void Positions_outside_zero_to_one_take_the_end_colours_and_NaN_is_an_error()
    {
        Assert.Equal(ColorScale.Viridis.ColorAt(0), ColorScale.Viridis.ColorAt(-5));
        Assert.Equal(ColorScale.Viridis.ColorAt(1), ColorScale.Viridis.ColorAt(7));
        Assert.Throws<ArgumentException>(() => ColorScale.Viridis.ColorAt(double.NaN));
    }

    [Fact]
    public void The_palette_has_eight_distinct_colours_and_cycles()
    {
        Assert.Equal(8, Palette.Colors.Distinct().Count());
        Assert.Equal("#0072b2", Palette.Color(0));
        Assert.Equal(Palette.Color(1), Palette.Color(9));
    }
}

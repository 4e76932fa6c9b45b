using LstmCourse.Charts;

namespace LstmCourse.Tests.Charts;

public class AxisTests
{
    [Theory]
    [InlineData(1.0, 5, 0.2)]
    [InlineData(10.0, 5, 2.0)]
    [InlineData(7.0, 5, 1.0)]
    [InlineData(0.003, 3, 0.001)]
    [InlineData(12345.0, 6, 2000.0)]
    public void Steps_are_one_two_or_five_times_a_power_of_ten(double range, int target, double step)
    {
        Assert.Equal(step, Axis.NiceStep(range, target), 12);
    }

    [Theory]
    [InlineData(0.13, 4.27)]
    [InlineData(-3.3, 17.9)]
    [InlineData(1e-6, 3e-6)]
    [InlineData(9995.0, 10021.0)]
    [InlineData(-1.0, -0.2)]
    public void Automatic_linear_ticks_are_clean_multiples_of_the_step_and_cover_the_range(double lo, double hi)
    {
        var axis = Axis.Linear(lo, hi, 5, fixedRange: false);
        var ticks = axis.Ticks.Select(t => t.Value).ToArray();

        Assert.True(SvgQuery.AreNice(ticks), string.Join(", ", ticks));
        Assert.True(ticks[0] <= lo && ticks[^1] >= hi);
        Assert.Equal((ticks[0], ticks[^1]), (axis.Min, axis.Max));
        Assert.All(ticks, t => Assert.Equal(t, double.Parse(t.ToString("G12"))));
    }

    [Fact]
    public void A_fixed_linear_range_is_kept_exactly_with_ticks_inside()
    {
        var axis = Axis.Linear(-0.35, 0.41, 4, fixedRange: true);

        Assert.Equal((-0.35, 0.41), (axis.Min, axis.Max));
        Assert.Equal([-0.2, 0, 0.2, 0.4], axis.Ticks.Select(t => t.Value));
    }

    [Fact]
    public void A_log_axis_over_many_decades_labels_powers_of_ten_only()
    {
        var axis = Axis.Log(3e-9, 1.0, 5, fixedRange: false);

        Assert.Equal((2e-9, 1.0), (axis.Min, axis.Max));
        Assert.All(axis.Ticks, t => Assert.True(t.Major));
        Assert.All(axis.Ticks, t => Assert.Equal(Math.Round(Math.Log10(t.Value)), Math.Log10(t.Value), 12));
        Assert.Contains(axis.Ticks, t => t.Value == 1.0);
    }

    [Fact]
    public void A_log_axis_widens_to_one_two_five_steps_around_the_data()
    {
        var axis = Axis.Log(1.3, 4.2, 5, fixedRange: false);

        Assert.Equal((1.0, 5.0), (axis.Min, axis.Max));
        Assert.Equal(["1", "2", "5"], axis.Ticks.Select(t => t.Label));
    }

    [Fact]
    public void A_constant_log_value_gets_a_step_on_each_side()
    {
        var axis = Axis.Log(2, 2, 5, fixedRange: false);

        Assert.Equal((1.0, 5.0), (axis.Min, axis.Max));
    }

    [Fact]
    public void Fractions_are_zero_at_the_minimum_and_one_at_the_maximum()
    {
        var log = Axis.Log(0.01, 100, 5, fixedRange: true);
        var linear = Axis.Linear(-2, 6, 4, fixedRange: true);

        Assert.Equal([0, 0.5, 1], new[] { 0.01, 1, 100 }.Select(v => Math.Round(log.Fraction(v), 12)));
        Assert.Equal([0, 0.25, 1], new[] { -2.0, 0, 6 }.Select(linear.Fraction));
    }

    [Fact]
    public void Bands_put_each_category_at_the_centre_of_its_band()
    {
        var axis = Axis.Bands(["RNN", "LSTM"]);

        Assert.Equal([0.5, 1.5], axis.Ticks.Select(t => t.Value));
        Assert.Equal((0.0, 2.0), (axis.Min, axis.Max));
    }

    [Theory]
    [InlineData(-7)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(22)]
    public void Powers_of_ten_are_exact(int k)
    {
        Assert.Equal(double.Parse($"1e{k}"), Axis.Pow10(k));
    }
}

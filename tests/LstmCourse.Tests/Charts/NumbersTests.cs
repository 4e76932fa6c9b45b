using LstmCourse.Charts;

namespace LstmCourse.Tests.Charts;

public class NumbersTests
{
    [Theory]
    [InlineData(1.52347, "1.523")]
    [InlineData(0.01, "0.01")]
    [InlineData(3.0, "3")]
    [InlineData(12345.6, "12346")]
    [InlineData(-0.000123456, "-0.0001235")]
    [InlineData(1.5e-5, "1.5e-5")]
    [InlineData(2e20, "2e20")]
    [InlineData(0.0, "0")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.NegativeInfinity, "-∞")]
    public void Short_keeps_four_significant_digits(double v, string expected)
    {
        Assert.Equal(expected, Numbers.Short(v));
    }

    [Theory]
    [InlineData(0.4, 0.2, 1.0, "0.4")]
    [InlineData(15000.0, 5000.0, 20000.0, "15k")]
    [InlineData(2500.0, 500.0, 12000.0, "2.5k")]
    [InlineData(3e6, 1e6, 5e6, "3M")]
    [InlineData(4e-5, 2e-5, 1e-4, "4e-5")]
    [InlineData(1e-17, 0.1, 1.0, "0")]
    [InlineData(250.0, 50.0, 300.0, "250")]
    public void Tick_labels_show_as_many_decimals_as_the_step_needs(double v, double step, double maxAbs, string expected)
    {
        Assert.Equal(expected, Numbers.Tick(v, step, maxAbs));
    }

    [Theory]
    [InlineData(-2, "0.01")]
    [InlineData(0, "1")]
    [InlineData(3, "1000")]
    [InlineData(4, "1e4")]
    [InlineData(-9, "1e-9")]
    public void Decades_read_as_plain_numbers_near_one_and_as_powers_further_out(int k, string expected)
    {
        Assert.Equal(expected, Numbers.Decade(k));
    }

    [Theory]
    [InlineData(-0.001, "0")]
    [InlineData(12.346, "12.35")]
    [InlineData(-3.1, "-3.1")]
    public void Coordinates_have_two_decimals_at_most_and_never_minus_zero(double v, string expected)
    {
        Assert.Equal(expected, Numbers.Coord(v));
    }
}

using LstmCourse.Weather;

namespace LstmCourse.Tests.Weather;

public class WeatherSimulationTests
{
    private static readonly DateOnly Start = new(2014, 1, 1);
    private static readonly IReadOnlyList<SimulatedDay> ThreeYears = WeatherSimulation.Run(7, Start, 1096);

    [Fact]
    public void The_same_seed_gives_the_same_days() =>
        Assert.Equal(WeatherSimulation.Run(7, Start, 60), WeatherSimulation.Run(7, Start, 60));

    [Fact]
    public void A_longer_run_begins_with_the_shorter_one() =>
        Assert.Equal(WeatherSimulation.Run(7, Start, 30), WeatherSimulation.Run(7, Start, 90).Take(30));

    [Fact]
    public void Another_seed_gives_other_weather() =>
        Assert.NotEqual(WeatherSimulation.Run(7, Start, 30).Select(d => d.Day.Temperature), WeatherSimulation.Run(8, Start, 30).Select(d => d.Day.Temperature));

    [Fact]
    public void July_is_about_44_F_warmer_than_January()
    {
        double july = ThreeYears.Where(d => d.Date.Month == 7).Average(d => d.Day.Temperature);
        double january = ThreeYears.Where(d => d.Date.Month == 1).Average(d => d.Day.Temperature);
        Assert.InRange(july - january, 36, 50);                             // normals differ by 43 F; three years of weather ±7
    }

    [Fact]
    public void Consecutive_days_correlate()
    {
        double[] a = ThreeYears.Select(d => d.Day.Temperature - d.NormalHigh).ToArray();
        double mean = a.Average();
        double lag0 = a.Sum(v => (v - mean) * (v - mean));
        double lag1 = a.Skip(1).Select((v, i) => (v - mean) * (a[i] - mean)).Sum();
        Assert.InRange(lag1 / lag0, 0.5, 0.95);                              // AR(1) with φ = 0.75, plus fronts
    }

    [Fact]
    public void Every_night_is_at_least_4_F_colder_than_the_days_on_either_side()
    {
        for (int t = 0; t + 1 < ThreeYears.Count; t++)
        {
            var d = ThreeYears[t];
            Assert.True(d.Night.Temperature <= Math.Min(d.Day.Temperature, ThreeYears[t + 1].Day.Temperature) - 4 + 1e-9, $"{d.Date}");
        }
    }

    [Fact]
    public void Precipitation_is_likely_on_a_quarter_to_a_half_of_days()
    {
        double wet = ThreeYears.Count(d => d.Day.Precipitation >= 0.5 || d.Night.Precipitation >= 0.5) / (double)ThreeYears.Count;
        Assert.InRange(wet, 0.25, 0.5);                                      // Charleston, WV: measurable rain on ~40% of days
    }

    [Fact]
    public void Thunder_needs_warm_air()
    {
        Assert.Contains(ThreeYears, d => d.Day.Thunder);
        Assert.All(ThreeYears.Where(d => d.Day.Thunder), d => Assert.True(d.Day.Temperature > 65, $"{d.Date}: thunder at {d.Day.Temperature:F0} F"));
    }

    [Fact]
    public void Days_must_be_positive() =>
        Assert.Contains("days", Assert.Throws<ArgumentException>(() => WeatherSimulation.Run(1, Start, 0)).Message);
}

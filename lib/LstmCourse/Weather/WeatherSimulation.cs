using LstmCourse.Numerics;

namespace LstmCourse.Weather;

/// <summary>A simple seasonal weather simulation for the Ohio Valley, one day and one night at a time, so that
/// consecutive days and neighbouring zones correlate the way real forecasts do.</summary>
/// <remarks>
/// <code>
/// winter(date) = (1 + cos(2π (dayOfYear − 20) / 365.25)) / 2            1 in mid-January, 0 in mid-July
/// normal high  = 86 − 44 winter,   normal low = 65 − 41 winter          (Charleston, WV)
/// anomaly      a_t = 0.75 a_{t−1} + σ √(1 − 0.75²) ε_t,  σ = 4 + 4 winter   an AR(1) with stationary sd σ
/// high = normal high + a + warm sector + 6 (0.5 − cloud);   low = normal low + a + 5 (cloud − 0.5)
/// </code>
/// Storm systems start on 24% of eligible days and last 1 to 3 days: south-west winds, clouds and rain (or snow when
/// cold) in a warm sector, then a cold front drops the anomaly by 3 + 7 winter degrees and brings gusty north-west
/// winds and mountain snow showers. One or two dry days follow. Summer afternoons without a system may bring
/// scattered thunderstorms; calm clear nights, valley fog. A night's low stays 4 F below the highs on either side.
/// </remarks>
public static class WeatherSimulation
{
    private const int WarmUpDays = 60;
    private const double Persistence = 0.75;

    /// <summary>1 in mid-January, 0 in mid-July.</summary>
    public static double Winterness(DateOnly date) => (1 + Math.Cos(2 * Math.PI * (date.DayOfYear - 20) / 365.25)) / 2;

    public static double NormalHigh(DateOnly date) => 86 - 44 * Winterness(date);

    public static double NormalLow(DateOnly date) => 65 - 41 * Winterness(date);

    /// <summary>Simulates <paramref name="days"/> days from <paramref name="start"/> (after 60 unseen warm-up days).
    /// The same seed and start give the same days, and a longer run begins with the shorter one.</summary>
    public static IReadOnlyList<SimulatedDay> Run(int seed, DateOnly start, int days)
    {
        if (days <= 0) throw new ArgumentException($"days must be positive, got {days}.", nameof(days));
        var rng = new Rng(SeedMix.Of(seed, 0x51u));
        int total = WarmUpDays + days;
        var dayHalves = new HalfDayWeather[total];
        var nightHalves = new HalfDayWeather[total];
        double anomaly = 0, cloud = 0.5;
        int systemLeft = 0, systemLength = 0, dryDaysLeft = 0, daysSinceSystem = 99;
        double intensity = 0;
        bool lateOnset = false, showery = false;
        for (int t = 0; t < total; t++)
        {
            var date = start.AddDays(t - WarmUpDays);
            double winter = Winterness(date);
            double sigma = 4 + 4 * winter;
            anomaly = Persistence * anomaly + sigma * Math.Sqrt(1 - Persistence * Persistence) * rng.NextGaussian();
            if (systemLeft == 0 && dryDaysLeft == 0 && rng.NextDouble() < 0.24)
            {
                systemLength = systemLeft = 1 + rng.NextInt(3);
                intensity = 0.55 + 0.45 * rng.NextDouble();
                lateOnset = rng.NextDouble() < 0.5;
                showery = rng.NextDouble() < 0.25 + 0.5 * (1 - winter);
            }
            (dayHalves[t], nightHalves[t]) = systemLeft > 0
                ? StormDay(rng, date, ref anomaly, winter, intensity, showery, startsLate: systemLeft == systemLength && lateOnset, last: systemLeft == 1)
                : FairDay(rng, date, anomaly, winter, ref cloud, afterFront: daysSinceSystem == 0);
            if (systemLeft > 0)
            {
                daysSinceSystem = -1;
                if (--systemLeft == 0) dryDaysLeft = 1 + rng.NextInt(2);
            }
            else if (dryDaysLeft > 0) dryDaysLeft--;
            daysSinceSystem++;
        }
        var result = new SimulatedDay[days];
        for (int t = WarmUpDays; t < total; t++)
        {
            double nextHigh = t + 1 < total ? dayHalves[t + 1].Temperature : double.PositiveInfinity;
            double low = Math.Min(nightHalves[t].Temperature, Math.Min(dayHalves[t].Temperature, nextHigh) - 4);
            var day = dayHalves[t] with { Fog = nightHalves[t - 1].Fog };   // the night's fog lingers into the morning
            result[t - WarmUpDays] = new SimulatedDay(start.AddDays(t - WarmUpDays), day, nightHalves[t] with { Temperature = low });
        }
        return result;
    }

    private static (HalfDayWeather day, HalfDayWeather night) StormDay(
        Rng rng, DateOnly date, ref double anomaly, double winter, double intensity, bool showery, bool startsLate, bool last)
    {
        const double warmSector = 3;
        double dayChance = startsLate ? 0.5 * intensity : intensity * (0.85 + 0.15 * rng.NextDouble());
        double dayCloud = startsLate ? 0.7 + 0.1 * rng.NextDouble() : 0.9 + 0.1 * rng.NextDouble();
        double high = NormalHigh(date) + anomaly + warmSector - 3 * intensity;
        bool thunder = showery && high > 65;
        double daySpeed = 8 + 8 * rng.NextDouble();
        var day = new HalfDayWeather(high, dayChance, startsLate ? PrecipitationTiming.Late : PrecipitationTiming.Whole,
            showery, thunder, Upslope: false, dayCloud, WindFrom: 4 + rng.NextInt(2), daySpeed, Gust(rng, daySpeed), Fog: false);
        if (last) anomaly -= 3 + 7 * winter;                                    // the cold front passes this evening
        double nightChance = last ? 0.35 * intensity : intensity * (0.85 + 0.15 * rng.NextDouble());
        double nightCloud = last ? 0.6 : 0.95;
        double low = NormalLow(date) + anomaly + (last ? 0 : warmSector) + 5 * (nightCloud - 0.5);
        double nightSpeed = last ? 8 + 8 * rng.NextDouble() : 5 + 6 * rng.NextDouble();
        var night = new HalfDayWeather(low, nightChance, last ? PrecipitationTiming.Early : PrecipitationTiming.Whole,
            showery || last, thunder && !last, Upslope: last, nightCloud,
            WindFrom: last ? 6 + rng.NextInt(2) : 4 + rng.NextInt(2), nightSpeed, last ? Gust(rng, nightSpeed) : 0, Fog: false);
        return (day, night);
    }

    private static (HalfDayWeather day, HalfDayWeather night) FairDay(
        Rng rng, DateOnly date, double anomaly, double winter, ref double cloud, bool afterFront)
    {
        cloud = Math.Clamp(0.5 * cloud + 0.5 * rng.NextDouble() * (0.6 + 0.6 * winter), 0, 1);
        double dayCloud = afterFront ? 0.3 + 0.3 * rng.NextDouble() : cloud;
        double high = NormalHigh(date) + anomaly + 6 * (0.5 - dayCloud);
        double chance = 0, nightChance = 0;
        bool convective = false;
        if (afterFront)
            chance = 0.1 * winter;                                               // lingering upslope snow showers
        else if (high > 78 && rng.NextDouble() < 0.5)
        {
            convective = true;
            chance = 0.2 + 0.35 * rng.NextDouble();
            nightChance = 0.5 * chance;
            dayCloud = Math.Max(dayCloud, 0.35);
        }
        int[] usualDirections = [4, 5, 5, 6, 6, 7, 0, 3];
        double daySpeed = afterFront ? 8 + 7 * rng.NextDouble() : 2 + 8 * rng.NextDouble();
        int dayFrom = afterFront ? 6 + rng.NextInt(2) : usualDirections[rng.NextInt(usualDirections.Length)];
        var day = new HalfDayWeather(high, chance, convective ? PrecipitationTiming.Late : PrecipitationTiming.Whole,
            Showery: true, Thunder: convective, Upslope: afterFront, dayCloud, dayFrom, daySpeed,
            afterFront ? Gust(rng, daySpeed) : 0, Fog: false);
        double nightCloud = Math.Clamp(cloud + 0.2 * (rng.NextDouble() - 0.5), 0, 1);
        double nightSpeed = 0.5 * daySpeed + 2 * rng.NextDouble();
        double low = NormalLow(date) + anomaly + 5 * (nightCloud - 0.5);
        bool fog = nightCloud < 0.45 && nightSpeed < 5 && winter < 0.75 && rng.NextDouble() < 0.55;
        var night = new HalfDayWeather(low, nightChance, PrecipitationTiming.Early, Showery: true, Thunder: convective,
            Upslope: false, nightCloud, dayFrom, nightSpeed, 0, fog);
        return (day, night);
    }

    private static double Gust(Rng rng, double speed) => speed > 12 ? speed + 8 + 6 * rng.NextDouble() : 0;
}

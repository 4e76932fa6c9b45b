using LstmCourse.Numerics;

namespace LstmCourse.Weather;

/// <summary>What falls from the sky, as a forecast words it.</summary>
internal enum PrecipitationKind { None, Rain, Showers, Thunderstorms, RainAndSnow, Snow, SnowShowers }

/// <summary>A zone's forecast of one half-day, in the whole numbers and categories the text prints.</summary>
internal readonly record struct HalfDayForecast(
    int Temperature, int Chance, PrecipitationKind Kind, PrecipitationTiming Timing, double Cloud,
    int WindFrom, int WindMph, int GustMph, bool Fog, double SnowInches)
{
    /// <summary>Forecasts one half-day of <paramref name="truthDay"/> for <paramref name="zone"/>, issued
    /// <paramref name="leadDays"/> days ahead. Errors grow with lead time and far periods lean toward climatology:
    /// <code>
    /// k = 1 for lead ≤ 2 days, then max(0.5, 1 − 0.15 (lead − 2))
    /// temperature = normal + k (zone truth − normal) + (0.7 + 0.4 lead) ε         ε shared by every zone of the issuance
    /// chance      = k p + (1 − k) 0.2 + (0.04 + 0.02 lead) ε, under 15% → none, else rounded to 10s, 20..100
    /// </code></summary>
    public static HalfDayForecast Of(
        int seed, long issuance, SimulatedDay truthDay, bool night, int leadDays, ForecastZone zone, int zoneIndex)
    {
        var truth = night ? truthDay.Night : truthDay.Day;
        long half = 2L * truthDay.Date.DayNumber + (night ? 1 : 0);
        var zoneRng = new Rng(SeedMix.Of(seed, 0x20e, zoneIndex, half));        // the zone's own weather: same in every issuance
        var errorRng = new Rng(SeedMix.Of(seed, 0xe22, issuance, half));        // the forecaster's error: same in every zone
        double k = leadDays <= 2 ? 1 : Math.Max(0.5, 1 - 0.15 * (leadDays - 2));

        double normal = (night ? truthDay.NormalLow : truthDay.NormalHigh) + zone.TemperatureOffset;
        double zoneTruth = truth.Temperature + zone.TemperatureOffset + 1.2 * zoneRng.NextGaussian();
        int temperature = (int)Math.Round(normal + k * (zoneTruth - normal) + (0.7 + 0.4 * leadDays) * errorRng.NextGaussian());

        double p = truth.Precipitation;
        if (p > 0.05) p += 0.5 * zone.PrecipitationOffset + 0.05 * zoneRng.NextGaussian();
        if (truth.Upslope) p += 3 * zone.PrecipitationOffset;                   // showers on the western slopes
        double forecastP = k * Math.Clamp(p, 0, 1) + (1 - k) * 0.2 + (0.04 + 0.02 * leadDays) * errorRng.NextGaussian();
        int chance = forecastP < 0.15 ? 0 : Math.Clamp((int)Math.Round(forecastP * 10) * 10, 20, 100);
        if (leadDays >= 3) chance = Math.Min(chance, leadDays >= 5 ? 50 : 60);

        var kind = chance == 0 ? PrecipitationKind.None : KindOf(temperature, night, truth);
        double cloud = Math.Clamp(truth.Cloud + 0.1 * errorRng.NextGaussian(), 0, 1);
        if (chance >= 30) cloud = Math.Max(cloud, truth.Thunder ? 0.4 : 0.6);

        double windFactor = 1 + 0.15 * (zone.ElevationFeet - 600) / 1000.0;
        int wind = (int)Math.Max(0, Math.Round(truth.WindMph * windFactor + 1.5 * zoneRng.NextGaussian()));
        int gust = truth.GustMph > 0 ? (int)Math.Round(truth.GustMph * windFactor) : 0;
        double snow = kind is PrecipitationKind.Snow or PrecipitationKind.SnowShowers or PrecipitationKind.RainAndSnow
            ? chance / 100.0 * (truth.Showery ? 1.2 : 3) * (1 + (zone.ElevationFeet - 600) / 3000.0)
              * (kind == PrecipitationKind.RainAndSnow ? 0.3 : 1) * (0.6 + 0.8 * zoneRng.NextDouble())
            : 0;
        return new HalfDayForecast(temperature, chance, kind, truth.Timing, cloud, truth.WindFrom, wind, gust, truth.Fog, snow);
    }

    private static PrecipitationKind KindOf(int temperature, bool night, HalfDayWeather truth)
    {
        int snowBelow = night ? 28 : 32, mixBelow = night ? 32 : 36;
        if (temperature <= snowBelow) return truth.Showery ? PrecipitationKind.SnowShowers : PrecipitationKind.Snow;
        if (temperature <= mixBelow) return PrecipitationKind.RainAndSnow;
        if (truth.Thunder && temperature >= (night ? 58 : 65)) return PrecipitationKind.Thunderstorms;
        return truth.Showery ? PrecipitationKind.Showers : PrecipitationKind.Rain;
    }
}

namespace LstmCourse.Weather;

/// <summary>When in a half-day precipitation falls: all through it, in its first half, or in its second half.</summary>
public enum PrecipitationTiming { Whole, Early, Late }

/// <summary>The regional weather of one half-day: the daytime (7 AM to 7 PM) or the night after it.</summary>
/// <param name="Temperature">Degrees F: the high for a daytime, the low for a night.</param>
/// <param name="Precipitation">Chance (0..1) that precipitation falls somewhere in a zone.</param>
/// <param name="Timing">When the precipitation falls.</param>
/// <param name="Showery">Convective showers rather than steady precipitation.</param>
/// <param name="Thunder">Thunderstorms are possible (warm air and showers).</param>
/// <param name="Upslope">Cold north-west flow behind a front: showers on the western slopes of the mountains only.</param>
/// <param name="Cloud">Sky cover, 0 (clear) to 1 (overcast).</param>
/// <param name="WindFrom">Direction the wind blows from, as an octant: 0 = N, 1 = NE, ..., 7 = NW.</param>
/// <param name="WindMph">Sustained wind speed.</param>
/// <param name="GustMph">Gust speed, or 0 when not gusty.</param>
/// <param name="Fog">Valley fog forms (calm, clear, damp nights; the morning after).</param>
public readonly record struct HalfDayWeather(
    double Temperature, double Precipitation, PrecipitationTiming Timing, bool Showery, bool Thunder, bool Upslope,
    double Cloud, int WindFrom, double WindMph, double GustMph, bool Fog);

/// <summary>One simulated day: its daytime and the night that follows it.</summary>
public sealed record SimulatedDay(DateOnly Date, HalfDayWeather Day, HalfDayWeather Night)
{
    /// <summary>Normal high of the date (F), for Charleston, WV.</summary>
    public double NormalHigh => WeatherSimulation.NormalHigh(Date);

    /// <summary>Normal low of the night after the date (F).</summary>
    public double NormalLow => WeatherSimulation.NormalLow(Date);
}

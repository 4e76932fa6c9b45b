namespace LstmCourse.Weather;

/// <summary>A forecast zone (mostly one county): its UGC code, name, cities and the climate offsets the simulation applies.</summary>
/// <param name="State">Two-letter state, e.g. <c>WV</c>.</param>
/// <param name="Number">Zone number, printed as three digits after <c>Z</c>: <c>WVZ006</c>.</param>
/// <param name="Name">The zone's name as printed on the name line, e.g. <c>CABELL</c>.</param>
/// <param name="Cities">Cities listed after <c>INCLUDING THE CITIES OF...</c>.</param>
/// <param name="ElevationFeet">Typical elevation of the populated valleys; higher zones are colder and snowier.</param>
public sealed record ForecastZone(string State, int Number, string Name, IReadOnlyList<string> Cities, int ElevationFeet)
{
    /// <summary>The zone's UGC code, e.g. <c>WVZ006</c>.</summary>
    public string Code => $"{State}Z{Number:000}";

    /// <summary>Degrees F added to this zone's temperatures: −3.5 F per 1000 ft above 600 ft (the Ohio Valley floor).</summary>
    public double TemperatureOffset => -3.5 * (ElevationFeet - 600) / 1000.0;

    /// <summary>Added to the regional chance of precipitation: mountains catch more showers (upslope flow).</summary>
    public double PrecipitationOffset => 0.06 * Math.Max(0, ElevationFeet - 1000) / 1000.0;

    public override string ToString() => $"{Code} {Name}";
}

namespace LstmCourse.Weather;

/// <summary>Every knob of the committed weather corpus; <see cref="Default"/> is the one in datasets/weather.</summary>
public sealed record WeatherCorpusOptions
{
    public int Seed { get; init; } = 2016;
    public DateOnly StartDate { get; init; } = new(2014, 1, 1);
    public int Days { get; init; } = 1096;                          // 2014-01-01 to 2016-12-31, three full years
    public int ZonesPerIssuance { get; init; } = 1;                 // rotating through the 20 zones: ~2 MB in all
    public double ValidationFraction { get; init; } = 0.1;          // the last 10% of the days, never a random sample

    /// <summary>The committed corpus.</summary>
    public static WeatherCorpusOptions Default => new();

    /// <summary>Twenty days, for tests and smoke runs.</summary>
    public static WeatherCorpusOptions Tiny => new() { Days = 20 };

    /// <summary>Days in the validation file: round(Days × ValidationFraction), at least 1 and leaving at least 1 for training.</summary>
    public int ValidationDays => Math.Clamp((int)Math.Round(Days * ValidationFraction), 1, Math.Max(1, Days - 1));

    /// <summary>Products issued on or after this date go to the validation file.</summary>
    public DateOnly ValidationStart => StartDate.AddDays(Days - ValidationDays);

    /// <summary>Throws when a knob is out of range, naming it and the accepted values.</summary>
    public void Validate()
    {
        if (Days < 2) throw new ArgumentException($"Days must be at least 2 (one for training, one for validation), got {Days}.", nameof(Days));
        if (!(ValidationFraction > 0 && ValidationFraction < 1))
            throw new ArgumentException($"ValidationFraction must be between 0 and 1 (exclusive), got {ValidationFraction}.", nameof(ValidationFraction));
        if (ZonesPerIssuance < 1 || ZonesPerIssuance > ForecastZones.All.Count)
            throw new ArgumentException($"ZonesPerIssuance must be 1..{ForecastZones.All.Count}, got {ZonesPerIssuance}.", nameof(ZonesPerIssuance));
    }
}

namespace LstmCourse.Weather;

/// <summary>One period of a zone forecast: its heading, the numbers its text states, and the text.</summary>
/// <param name="Name">The heading: <c>TONIGHT</c>, <c>SATURDAY</c>, <c>SATURDAY NIGHT</c>, ...</param>
/// <param name="Date">The calendar day the period belongs to (a night belongs to the evening it starts).</param>
/// <param name="Low">The low the text states (a night's, or in the day-only tail the night before the day), or null.</param>
/// <param name="High">The high the text states, or null.</param>
/// <param name="PrecipitationChance">Chance of precipitation in percent, 0 when the text mentions none.</param>
/// <param name="Text">The period as printed, wrapped, starting with the dot: <c>.TONIGHT...MOSTLY CLOUDY. ...</c></param>
public sealed record ForecastPeriod(PeriodName Name, DateOnly Date, int? Low, int? High, int PrecipitationChance, string Text);

/// <summary>One zone forecast product: the text and the truth it was written from.</summary>
/// <param name="Zone">The zone forecast for.</param>
/// <param name="Issued">Local (Eastern) wall-clock time of issuance.</param>
/// <param name="ExpiresUtc">The expiry printed on the zone line (ddhhmm, UTC).</param>
/// <param name="Periods">The periods in order.</param>
/// <param name="Text">The whole product, lines joined by "\n", ending with the <c>$$</c> line and its "\n".</param>
public sealed record ForecastProduct(ForecastZone Zone, DateTime Issued, DateTime ExpiresUtc, IReadOnlyList<ForecastPeriod> Periods, string Text)
{
    /// <summary><c>EST</c> or <c>EDT</c>, as printed on the issuance line.</summary>
    public string TimeZone => EasternTime.Abbreviation(Issued);

    public override string ToString() => Text;
}

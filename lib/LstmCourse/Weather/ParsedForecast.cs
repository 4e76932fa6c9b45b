namespace LstmCourse.Weather;

/// <summary>A period as read back from text: its heading, the heading's meaning (null if not a known heading) and
/// its sentences (the text split at ". ", without the final dots).</summary>
public sealed record ParsedPeriod(string Heading, PeriodName? Name, IReadOnlyList<string> Sentences);

/// <summary>A product whose structure parsed: zone line, name line(s), optional cities, issuance, periods, <c>$$</c>.</summary>
/// <param name="ZoneLine">The first line, e.g. <c>WVZ006-171000-</c>.</param>
/// <param name="Names">The zone name lines without their trailing '-'.</param>
/// <param name="Issued">Local time and date of the issuance line.</param>
/// <param name="WrittenWeekday">The weekday the issuance line states (SUN..SAT), right or wrong.</param>
/// <param name="Periods">The periods in text order.</param>
public sealed record ParsedForecast(
    string ZoneLine, IReadOnlyList<string> Names, DateTime Issued, string WrittenWeekday, IReadOnlyList<ParsedPeriod> Periods);

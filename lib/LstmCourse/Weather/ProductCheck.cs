namespace LstmCourse.Weather;

/// <summary>The verdict on one product candidate. The four content measures are null when the product did not parse.</summary>
/// <param name="Index">Position among the candidates, from 0.</param>
/// <param name="FirstLine">Line number (from 1) where the candidate starts in the validated text.</param>
/// <param name="Parsed">Header, at least one period and the <c>$$</c> terminator are all there and well formed.</param>
/// <param name="PeriodOrder">The first period fits the issuance time and each period may follow the one before.</param>
/// <param name="WeekdaysConsistent">The header's weekday matches its date and the first weekday period is the next day.</param>
/// <param name="LowsBelowHighs">Every low is below the high stated just before and just after it.</param>
/// <param name="NumbersInRange">Temperatures in −30..115 F, percentages in 0..100, wind speeds in 0..80 mph.</param>
/// <param name="Problems">One line per failed check, saying what was wrong.</param>
/// <param name="Forecast">What was read, when the candidate parsed.</param>
public sealed record ProductCheck(
    int Index, int FirstLine, bool Parsed, bool? PeriodOrder, bool? WeekdaysConsistent, bool? LowsBelowHighs,
    bool? NumbersInRange, IReadOnlyList<string> Problems, ParsedForecast? Forecast)
{
    /// <summary>Parsed and passes every measure.</summary>
    public bool AllPass => Parsed && PeriodOrder == true && WeekdaysConsistent == true && LowsBelowHighs == true && NumbersInRange == true;
}

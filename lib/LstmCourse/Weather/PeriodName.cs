namespace LstmCourse.Weather;

/// <summary>What a period heading names: a relative period (TODAY, THIS AFTERNOON, TONIGHT), a weekday, or its night.</summary>
public enum PeriodKind { Today, ThisAfternoon, Tonight, Day, Night }

/// <summary>A parsed period heading such as <c>TONIGHT</c>, <c>SATURDAY</c> or <c>SATURDAY NIGHT</c>.</summary>
/// <remarks>
/// The order rules shared by the generator and the validator:
/// <code>
/// first period:    TODAY (issued before noon), THIS AFTERNOON (10 AM to 4 PM), TONIGHT (from 2 PM)
/// TODAY, THIS AFTERNOON → TONIGHT → a weekday W → W NIGHT → W+1 → ...
/// W → W+1 (the night skipped) starts the day-only tail of the extended forecast: no NIGHT after that
/// </code>
/// </remarks>
public readonly record struct PeriodName(PeriodKind Kind, DayOfWeek Weekday = DayOfWeek.Sunday)
{
    public static PeriodName Today => new(PeriodKind.Today);
    public static PeriodName ThisAfternoon => new(PeriodKind.ThisAfternoon);
    public static PeriodName Tonight => new(PeriodKind.Tonight);
    public static PeriodName DayOf(DayOfWeek d) => new(PeriodKind.Day, d);
    public static PeriodName NightOf(DayOfWeek d) => new(PeriodKind.Night, d);

    /// <summary>True for periods named by a weekday (<c>SATURDAY</c>, <c>SATURDAY NIGHT</c>).</summary>
    public bool HasWeekday => Kind is PeriodKind.Day or PeriodKind.Night;

    /// <summary>True for night periods (<c>TONIGHT</c>, <c>SATURDAY NIGHT</c>).</summary>
    public bool IsNight => Kind is PeriodKind.Tonight or PeriodKind.Night;

    /// <summary>The heading as printed between the leading dot and the three dots.</summary>
    public override string ToString() => Kind switch
    {
        PeriodKind.Today => "TODAY",
        PeriodKind.ThisAfternoon => "THIS AFTERNOON",
        PeriodKind.Tonight => "TONIGHT",
        PeriodKind.Day => WeekdayName(Weekday),
        _ => WeekdayName(Weekday) + " NIGHT",
    };

    /// <summary>Reads a heading; false for anything else (a misspelled day, a heading the generator never writes).</summary>
    public static bool TryParse(string text, out PeriodName name)
    {
        name = default;
        switch (text)
        {
            case "TODAY": name = Today; return true;
            case "THIS AFTERNOON": name = ThisAfternoon; return true;
            case "TONIGHT": name = Tonight; return true;
        }
        bool night = text.EndsWith(" NIGHT", StringComparison.Ordinal);
        string day = night ? text[..^" NIGHT".Length] : text;
        for (var d = DayOfWeek.Sunday; d <= DayOfWeek.Saturday; d++)
            if (day == WeekdayName(d)) { name = night ? NightOf(d) : DayOf(d); return true; }
        return false;
    }

    /// <summary>The first period of a product issued at <paramref name="issued"/> (local time): TODAY before 10 AM,
    /// THIS AFTERNOON before 2 PM, TONIGHT after.</summary>
    public static PeriodName FirstFor(TimeOnly issued) =>
        issued.Hour < 10 ? Today : issued.Hour < 14 ? ThisAfternoon : Tonight;

    /// <summary>True when this can be the first period of a product issued at <paramref name="issued"/>.</summary>
    public bool CanStartAt(TimeOnly issued) => Kind switch
    {
        PeriodKind.Today => issued.Hour < 12,
        PeriodKind.ThisAfternoon => issued.Hour is >= 10 and < 16,
        PeriodKind.Tonight => issued.Hour >= 14,
        _ => false,
    };

    /// <summary>True when <paramref name="next"/> may follow this period; <paramref name="inTail"/> says a night was
    /// already skipped (the day-only tail), where another NIGHT is out of order.</summary>
    public bool CanBeFollowedBy(PeriodName next, bool inTail) => Kind switch
    {
        PeriodKind.Today or PeriodKind.ThisAfternoon => next.Kind == PeriodKind.Tonight,
        PeriodKind.Tonight => next.Kind == PeriodKind.Day,
        PeriodKind.Night => next.Kind == PeriodKind.Day && next.Weekday == NextDay(Weekday),
        _ => (next.Kind == PeriodKind.Night && next.Weekday == Weekday && !inTail)
             || (next.Kind == PeriodKind.Day && next.Weekday == NextDay(Weekday)),
    };

    /// <summary>True when <paramref name="next"/> follows this day period directly, skipping its night.</summary>
    public bool SkipsNightTo(PeriodName next) =>
        Kind == PeriodKind.Day && next.Kind == PeriodKind.Day && next.Weekday == NextDay(Weekday);

    private static DayOfWeek NextDay(DayOfWeek d) => (DayOfWeek)(((int)d + 1) % 7);

    private static string WeekdayName(DayOfWeek d) => d.ToString().ToUpperInvariant();
}

namespace LstmCourse.Weather;

/// <summary>US Eastern time computed from the federal daylight-saving rules, so every machine prints the same EST/EDT.</summary>
/// <remarks>
/// <code>
/// 2007 on:    EDT from the second Sunday of March, 2 AM, to the first Sunday of November, 2 AM
/// 1987-2006:  EDT from the first Sunday of April, 2 AM, to the last Sunday of October, 2 AM
/// UTC = local + 5 h (EST) or + 4 h (EDT)
/// </code>
/// The operating system's time-zone database is not used: it differs between Windows and Linux images.
/// </remarks>
public static class EasternTime
{
    /// <summary>True when the wall-clock time <paramref name="local"/> falls in daylight time.</summary>
    public static bool IsDaylightTime(DateTime local)
    {
        int year = local.Year;
        if (year < 1987)
            throw new ArgumentOutOfRangeException(nameof(local), local, "EasternTime knows the daylight-saving rules from 1987 on; use a later date.");
        DateTime start = year >= 2007 ? NthSunday(year, 3, 2) : NthSunday(year, 4, 1);
        DateTime end = year >= 2007 ? NthSunday(year, 11, 1) : LastSunday(year, 10);
        return local >= start.AddHours(2) && local < end.AddHours(2);
    }

    /// <summary><c>EDT</c> or <c>EST</c>.</summary>
    public static string Abbreviation(DateTime local) => IsDaylightTime(local) ? "EDT" : "EST";

    /// <summary>The UTC time of the wall-clock time <paramref name="local"/>.</summary>
    public static DateTime ToUtc(DateTime local) =>
        DateTime.SpecifyKind(local.AddHours(IsDaylightTime(local) ? 4 : 5), DateTimeKind.Utc);

    private static DateTime NthSunday(int year, int month, int n)
    {
        var first = new DateTime(year, month, 1);
        int toSunday = ((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(toSunday + 7 * (n - 1));
    }

    private static DateTime LastSunday(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}

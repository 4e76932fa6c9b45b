using System.Globalization;
using System.Text;

namespace LstmCourse.Weather;

/// <summary>The fixed layout of a zone forecast product: header lines, 66-column wrapping, the <c>$$</c> terminator.</summary>
/// <remarks>
/// <code>
/// WVZ006-171000-                         zone code - expiry ddhhmm (UTC) -
/// CABELL-                                zone name -
/// INCLUDING THE CITIES OF...HUNTINGTON
/// 932 PM EST FRI DEC 16 2016             issuance, local time
///                                        blank
/// .TONIGHT...MOSTLY CLOUDY. ...          periods, wrapped at 66 columns
///                                        blank
/// $$
/// </code>
/// </remarks>
public static class ProductText
{
    /// <summary>Lines are wrapped to at most this many characters (a longer word gets a line to itself).</summary>
    public const int Width = 66;

    /// <summary>JAN..DEC, as the issuance line abbreviates months.</summary>
    public static IReadOnlyList<string> Months { get; } = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>SUN..SAT, indexed by <see cref="DayOfWeek"/>.</summary>
    public static IReadOnlyList<string> Weekdays { get; } = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>The issuance line: <c>932 PM EST FRI DEC 16 2016</c>.</summary>
    public static string IssuanceLine(DateTime local)
    {
        int hour12 = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        string half = local.Hour < 12 ? "AM" : "PM";
        return string.Create(CultureInfo.InvariantCulture,
            $"{hour12}{local.Minute:00} {half} {EasternTime.Abbreviation(local)} {Weekdays[(int)local.DayOfWeek]} {Months[local.Month - 1]} {local.Day} {local.Year}");
    }

    /// <summary>Header lines through the issuance line and the blank line after it.</summary>
    public static string Header(ForecastZone zone, DateTime issuedLocal, DateTime expiresUtc)
    {
        var sb = new StringBuilder();
        sb.Append(zone.Code).Append('-').Append(expiresUtc.ToString("ddHHmm", CultureInfo.InvariantCulture)).Append("-\n");
        sb.Append(zone.Name).Append("-\n");
        if (zone.Cities.Count > 0)
            foreach (string line in Wrap("INCLUDING THE CITIES OF..." + string.Join("...", zone.Cities), "..."))
                sb.Append(line).Append('\n');
        sb.Append(IssuanceLine(issuedLocal)).Append("\n\n");
        return sb.ToString();
    }

    /// <summary>A period as printed: <c>.NAME...</c> then its sentences, each ending with a period, wrapped.</summary>
    public static string Period(string name, IEnumerable<string> sentences)
    {
        string text = $".{name}..." + string.Join(" ", sentences.Select(s => s + "."));
        return string.Join("\n", Wrap(text, " ")) + "\n";
    }

    /// <summary>The closing lines: a blank line and <c>$$</c>.</summary>
    public const string Terminator = "\n$$\n";

    /// <summary>Greedy wrapping at <see cref="Width"/>, breaking only at <paramref name="separator"/>s
    /// (a space is dropped at the break, a "..." stays at the end of the line).</summary>
    public static IEnumerable<string> Wrap(string text, string separator)
    {
        string[] pieces = text.Split(separator);
        var line = new StringBuilder(pieces[0]);
        bool keep = separator != " ";
        for (int k = 1; k < pieces.Length; k++)
        {
            int trailing = keep && k < pieces.Length - 1 ? separator.Length : 0;
            if (line.Length + separator.Length + pieces[k].Length + trailing <= Width) { line.Append(separator).Append(pieces[k]); continue; }
            if (keep) line.Append(separator);
            yield return line.ToString();
            line.Clear().Append(pieces[k]);
        }
        yield return line.ToString();
    }
}

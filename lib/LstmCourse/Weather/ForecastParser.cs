using System.Globalization;
using System.Text.RegularExpressions;

namespace LstmCourse.Weather;

/// <summary>Cuts text into product candidates and reads each one's structure, tolerating anything a half-trained
/// model can write: no exceptions, only a reason why a candidate does not parse.</summary>
/// <remarks>
/// A candidate ends at a <c>$$</c> line, or just before a zone line (<c>WVZ006-171000-</c>) that starts a new one.
/// Blank-only stretches are not candidates. CR before LF is ignored.
/// </remarks>
public static partial class ForecastParser
{
    [GeneratedRegex(@"^[A-Z]{2}Z\d{3}([->]\d{3})*-(\d{2})(\d{2})(\d{2})-$", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneLinePattern();

    [GeneratedRegex(@"^(\d{1,2})(\d{2}) (AM|PM) (EST|EDT) ([A-Z]{3}) ([A-Z]{3}) (\d{1,2}) (\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex IssuancePattern();

    [GeneratedRegex(@"^\.([A-Z][A-Z ]*)\.\.\.(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingPattern();

    /// <summary>The product candidates of <paramref name="text"/>: their first line number (from 1) and lines.</summary>
    public static IReadOnlyList<(int FirstLine, IReadOnlyList<string> Lines)> Split(string text)
    {
        var candidates = new List<(int, IReadOnlyList<string>)>();
        var current = new List<string>();
        int first = 0;                                              // line number of the first non-blank line, 0 while none
        void Flush()
        {
            if (first > 0) candidates.Add((first, current));
            current = [];
            first = 0;
        }
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            bool blank = line.Trim().Length == 0;
            if (!blank && first > 0 && IsZoneLine(line)) Flush();
            if (!blank && first == 0) first = i + 1;
            current.Add(line);
            if (line.Trim() == "$$") Flush();
        }
        Flush();
        return candidates;
    }

    /// <summary>True for a zone line: state, Z, zone number(s), expiry ddhhmm, e.g. <c>WVZ006-171000-</c>.</summary>
    public static bool IsZoneLine(string line) => ZoneLinePattern().IsMatch(line);

    /// <summary>Reads one candidate; on failure <paramref name="problem"/> says what is missing or malformed.</summary>
    public static ParsedForecast? Parse(IReadOnlyList<string> lines, out string? problem)
    {
        int i = 0;
        while (i < lines.Count && lines[i].Trim().Length == 0) i++;
        if (i == lines.Count) { problem = "empty"; return null; }
        var zone = ZoneLinePattern().Match(lines[i]);
        if (!zone.Success) { problem = $"no zone line like 'WVZ006-171000-' at the start (found '{Clip(lines[i])}')"; return null; }
        if (!ValidDdhhmm(zone)) { problem = $"zone line '{lines[i]}' has an expiry that is not a day, hour and minute (ddhhmm)"; return null; }
        string zoneLine = lines[i++];

        var names = new List<string>();
        while (i < lines.Count && lines[i].Length > 1 && lines[i].EndsWith('-') && !lines[i].StartsWith("INCLUDING", StringComparison.Ordinal))
            names.Add(lines[i++][..^1]);
        if (names.Count == 0) { problem = "no zone name line ending with '-' after the zone line"; return null; }

        int cityLine = 0;
        Match issuance;
        while (true)
        {
            if (i == lines.Count || lines[i].Trim().Length == 0 || lines[i].StartsWith('.') || lines[i].Trim() == "$$")
            { problem = "no issuance line like '932 PM EST FRI DEC 16 2016' after the zone name"; return null; }
            issuance = IssuancePattern().Match(lines[i]);
            if (issuance.Success) break;
            if (cityLine++ == 0 && !lines[i].StartsWith("INCLUDING THE CITIES OF...", StringComparison.Ordinal))
            { problem = $"unexpected header line '{Clip(lines[i])}' (expected INCLUDING THE CITIES OF... or the issuance line)"; return null; }
            i++;
        }
        if (!TryIssuance(issuance, out DateTime issued, out problem)) return null;
        string weekday = issuance.Groups[5].Value;
        i++;

        var periods = new List<ParsedPeriod>();
        string? heading = null;
        var body = new List<string>();
        void Close()
        {
            if (heading is null) return;
            PeriodName? name = PeriodName.TryParse(heading, out var n) ? n : null;
            periods.Add(new ParsedPeriod(heading, name, Sentences(string.Join(" ", body))));
            body.Clear();
        }
        bool terminated = false;
        for (; i < lines.Count; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0) continue;
            if (line == "$$") { terminated = true; break; }
            if (line.StartsWith('.'))
            {
                var h = HeadingPattern().Match(line);
                if (!h.Success) { problem = $"malformed period heading '{Clip(line)}' (expected .NAME...)"; return null; }
                Close();
                heading = h.Groups[1].Value.TrimEnd();
                body.Add(h.Groups[2].Value);
                continue;
            }
            if (heading is null) { problem = $"text before the first period: '{Clip(line)}'"; return null; }
            body.Add(line);
        }
        Close();
        if (periods.Count == 0) { problem = "no periods (lines like .TONIGHT...)"; return null; }
        if (!terminated) { problem = "no $$ line at the end"; return null; }
        if (lines.Skip(i + 1).Any(l => l.Trim().Length > 0)) { problem = "text after the $$ line"; return null; }
        problem = null;
        return new ParsedForecast(zoneLine, names, issued, weekday, periods);
    }

    /// <summary>Splits period text into sentences at ". " and drops the final dot.</summary>
    public static IReadOnlyList<string> Sentences(string text) =>
        text.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.TrimEnd('.')).Where(s => s.Length > 0).ToArray();

    private static bool ValidDdhhmm(Match zone)
    {
        int dd = int.Parse(zone.Groups[2].Value, CultureInfo.InvariantCulture);
        int hh = int.Parse(zone.Groups[3].Value, CultureInfo.InvariantCulture);
        int mm = int.Parse(zone.Groups[4].Value, CultureInfo.InvariantCulture);
        return dd is >= 1 and <= 31 && hh <= 23 && mm <= 59;
    }

    private static bool TryIssuance(Match m, out DateTime issued, out string? problem)
    {
        issued = default;
        int hour = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        int minute = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        int month = IndexOf(ProductText.Months, m.Groups[6].Value) + 1;
        int day = int.Parse(m.Groups[7].Value, CultureInfo.InvariantCulture);
        int year = int.Parse(m.Groups[8].Value, CultureInfo.InvariantCulture);
        problem = (hour, minute, month, IndexOf(ProductText.Weekdays, m.Groups[5].Value)) switch
        {
            ( < 1 or > 12, _, _, _) => $"issuance hour {hour} is not 1..12",
            (_, > 59, _, _) => $"issuance minute {minute} is not 0..59",
            (_, _, 0, _) => $"'{m.Groups[6].Value}' is not a month (JAN..DEC)",
            (_, _, _, < 0) => $"'{m.Groups[5].Value}' is not a weekday (SUN..SAT)",
            _ => year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month) ? $"{m.Groups[6].Value} {day} {year} is not a date" : null,
        };
        if (problem is not null) return false;
        int hour24 = hour % 12 + (m.Groups[3].Value == "PM" ? 12 : 0);
        issued = new DateTime(year, month, day, hour24, minute, 0);
        return true;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int k = 0; k < names.Count; k++) if (names[k] == name) return k;
        return -1;
    }

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "...";
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace LstmCourse.Weather;

/// <summary>Scores forecast text, real or sampled from a model, on five measures: the product parses, periods come
/// in a valid order, weekdays agree with the issuance date, lows stay below highs, numbers are in range.</summary>
/// <remarks>
/// <code>
/// period order:   first period fits the issuance time; TODAY → TONIGHT → SATURDAY → SATURDAY NIGHT → SUNDAY ...;
///                 a skipped night starts the day-only tail (no NIGHT after it)
/// weekdays:       the header's weekday is its date's; the first weekday period is the day after the issuance date
/// lows ≤ highs:   each LOWS statement means less than the HIGHS statement just before and just after it
///                 (MID 40S means 45, LOWER 40S 41.5, UPPER 40S 48, AROUND 30 means 30; unreadable phrases are skipped)
/// numbers:        temperatures −30..115 F (and no number above 115 in a HIGHS or LOWS sentence),
///                 n PERCENT 0..100, numbers in sentences with MPH 0..80
/// </code>
/// Never throws on odd input: garbage is an unparsed candidate, empty text has none.
/// Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public static partial class ForecastValidator
{
    public const double MinTemperature = -30, MaxTemperature = 115, MaxWindMph = 80;

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"(\d+) PERCENT", RegexOptions.CultureInvariant)]
    private static partial Regex Percent();

    /// <summary>Validates every product candidate in <paramref name="text"/>.</summary>
    public static ForecastReport Validate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var checks = new List<ProductCheck>();
        foreach (var (firstLine, lines) in ForecastParser.Split(text))
            checks.Add(Check(checks.Count, firstLine, lines));
        return new ForecastReport(checks);
    }

    private static ProductCheck Check(int index, int firstLine, IReadOnlyList<string> lines)
    {
        var forecast = ForecastParser.Parse(lines, out string? problem);
        if (forecast is null) return new ProductCheck(index, firstLine, false, null, null, null, null, [problem!], null);
        var problems = new List<string>();
        bool order = PeriodOrder(forecast, problems);
        bool weekdays = Weekdays(forecast, problems);
        bool lows = LowsBelowHighs(forecast, problems);
        bool numbers = NumbersInRange(forecast, problems);
        return new ProductCheck(index, firstLine, true, order, weekdays, lows, numbers, problems, forecast);
    }

    private static bool PeriodOrder(ParsedForecast f, List<string> problems)
    {
        var unknown = f.Periods.FirstOrDefault(p => p.Name is null);
        if (unknown is not null) { problems.Add($"unknown period heading '{unknown.Heading}'"); return false; }
        var names = f.Periods.Select(p => p.Name!.Value).ToArray();
        var issued = TimeOnly.FromDateTime(f.Issued);
        if (!names[0].CanStartAt(issued))
        {
            problems.Add($"first period {names[0]} does not fit an issuance at {issued.ToString("h:mm tt", CultureInfo.InvariantCulture)}");
            return false;
        }
        bool tail = false;
        for (int k = 1; k < names.Length; k++)
        {
            if (!names[k - 1].CanBeFollowedBy(names[k], tail)) { problems.Add($"{names[k]} cannot follow {names[k - 1]}"); return false; }
            tail |= names[k - 1].SkipsNightTo(names[k]);
        }
        return true;
    }

    private static bool Weekdays(ParsedForecast f, List<string> problems)
    {
        string actual = ProductText.Weekdays[(int)f.Issued.DayOfWeek];
        if (f.WrittenWeekday != actual)
        {
            problems.Add($"header says {f.WrittenWeekday} but {f.Issued.ToString("MMM d yyyy", CultureInfo.InvariantCulture).ToUpperInvariant()} is a {actual}");
            return false;
        }
        var first = f.Periods.Select(p => p.Name).FirstOrDefault(n => n is { HasWeekday: true });
        var expected = f.Issued.AddDays(1).DayOfWeek;
        if (first is PeriodName n && n.Weekday != expected)
        {
            problems.Add($"first weekday period is {n} but the day after the issuance is {expected.ToString().ToUpperInvariant()}");
            return false;
        }
        return true;
    }

    private static bool LowsBelowHighs(ParsedForecast f, List<string> problems)
    {
        var statements = Temperatures(f).ToList();
        bool ok = true;
        for (int s = 0; s < statements.Count; s++)
        {
            if (!statements[s].IsLow) continue;
            int before = statements.FindLastIndex(s, t => !t.IsLow);
            int after = statements.FindIndex(s, t => !t.IsLow);
            foreach (int h in new[] { before, after })
                if (h >= 0 && statements[s].Value >= statements[h].Value)
                {
                    problems.Add($"{statements[s].Text} ({statements[s].Period}) is not below {statements[h].Text} ({statements[h].Period})");
                    ok = false;
                }
        }
        return ok;
    }

    private static bool NumbersInRange(ParsedForecast f, List<string> problems)
    {
        bool ok = true;
        void Require(bool inRange, string what, ParsedPeriod p)
        {
            if (inRange) return;
            problems.Add($"{what} out of range in {p.Heading}");
            ok = false;
        }
        foreach (var t in Temperatures(f))
            Require(t.Value is >= MinTemperature and <= MaxTemperature, t.Text, f.Periods.First(p => p.Heading == t.Period));
        foreach (var p in f.Periods)
            foreach (string sentence in p.Sentences)
            {
                foreach (Match m in Percent().Matches(sentence))
                    Require(Value(m.Groups[1].Value) <= 100, m.Value, p);
                if (sentence.Contains("MPH", StringComparison.Ordinal))
                    foreach (Match m in Number().Matches(sentence))
                        Require(Value(m.Value) <= MaxWindMph, m.Value + " MPH", p);
                if (sentence.StartsWith("HIGHS ", StringComparison.Ordinal) || sentence.StartsWith("LOWS ", StringComparison.Ordinal))
                    foreach (Match m in Number().Matches(sentence))                  // also in phrases that do not read as a temperature
                        Require(Value(m.Value) <= MaxTemperature, sentence, p);
            }
        return ok;
    }

    /// <summary>The LOWS and HIGHS statements whose phrase reads as a temperature, in text order.</summary>
    private static IEnumerable<(bool IsLow, double Value, string Text, string Period)> Temperatures(ParsedForecast f)
    {
        foreach (var p in f.Periods)
            foreach (string s in p.Sentences)
            {
                bool low = s.StartsWith("LOWS ", StringComparison.Ordinal);
                if (!low && !s.StartsWith("HIGHS ", StringComparison.Ordinal)) continue;
                if (TemperaturePhrase.TryParse(s[(low ? 5 : 6)..], out double value)) yield return (low, value, s, p.Heading);
            }
    }

    private static double Value(string digits) =>
        double.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
}

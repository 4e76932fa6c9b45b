using LstmCourse.Weather;

namespace LstmCourse.Tests.Weather;

public class ForecastGeneratorTests
{
    private static readonly DateOnly Start = new(2015, 1, 1);
    private static readonly IReadOnlyList<ForecastProduct> Year = ForecastGenerator.Generate(11, Start, 365, zonesPerIssuance: 1).ToList();
    private static readonly IReadOnlyList<ForecastProduct> AllZones = ForecastGenerator.Generate(11, Start, 10).ToList();

    [Fact]
    public void The_same_seed_gives_the_same_products() =>
        Assert.Equal(ForecastGenerator.Generate(3, Start, 5).Select(p => p.Text), ForecastGenerator.Generate(3, Start, 5).Select(p => p.Text));

    [Fact]
    public void A_product_does_not_depend_on_which_other_zones_are_written()
    {
        var thinned = ForecastGenerator.Generate(11, Start, 10, zonesPerIssuance: 3).ToList();
        Assert.Equal(60, thinned.Count);
        foreach (var p in thinned)
            Assert.Equal(AllZones.Single(q => q.Issued == p.Issued && q.Zone == p.Zone).Text, p.Text);
    }

    [Fact]
    public void Every_zone_is_written_at_each_of_two_issuances_a_day()
    {
        Assert.Equal(10 * 2 * ForecastZones.All.Count, AllZones.Count);
        foreach (var issuance in AllZones.GroupBy(p => p.Issued))
            Assert.Equal(ForecastZones.All.Select(z => z.Code), issuance.Select(p => p.Zone.Code));
        Assert.All(AllZones.GroupBy(p => DateOnly.FromDateTime(p.Issued)), day => Assert.Equal(2, day.Select(p => p.Issued).Distinct().Count()));
    }

    [Fact]
    public void Issuances_are_around_4_AM_and_4_PM_with_occasional_updates()
    {
        var times = Year.Select(p => p.Issued.Hour).ToList();
        Assert.All(times, h => Assert.Contains(h, new[] { 3, 4, 10, 11, 15, 16, 20, 21, 22 }));
        double updates = times.Count(h => h is 10 or 11 or >= 20) / (double)times.Count;
        Assert.InRange(updates, 0.07, 0.17);                                  // UpdateProbability 0.12, 730 draws
    }

    [Fact]
    public void The_header_has_the_zone_line_name_cities_issuance_and_a_blank_line()
    {
        foreach (var p in AllZones.Take(40))
        {
            string[] lines = p.Text.Split('\n');
            Assert.Equal($"{p.Zone.Code}-{p.ExpiresUtc:ddHHmm}-", lines[0]);
            Assert.Equal($"{p.Zone.Name}-", lines[1]);
            Assert.StartsWith("INCLUDING THE CITIES OF..." + p.Zone.Cities[0], lines[2]);
            int issuance = Array.IndexOf(lines, ProductText.IssuanceLine(p.Issued));
            Assert.InRange(issuance, 3, 4);
            Assert.Equal("", lines[issuance + 1]);
            Assert.StartsWith(".", lines[issuance + 2]);
            Assert.EndsWith("\n\n$$\n", p.Text);
            Assert.True(p.ExpiresUtc > EasternTime.ToUtc(p.Issued), $"{p.Zone} {p.Issued}: expires {p.ExpiresUtc} before issuance");
        }
    }

    [Fact]
    public void Text_is_uppercase_ascii_wrapped_at_66_columns()
    {
        foreach (var p in Year)
        {
            Assert.All(p.Text.Split('\n'), line => Assert.True(line.Length <= ProductText.Width, $"'{line}' is {line.Length} long"));
            Assert.DoesNotContain(p.Text, c => char.IsLower(c) || c > 127 || c == '\r');
        }
    }

    [Fact]
    public void Periods_cover_seven_days_with_weekdays_that_match_their_dates()
    {
        foreach (var p in Year)
        {
            var issueDate = DateOnly.FromDateTime(p.Issued);
            Assert.Equal(p.Issued.Hour < 12 ? 10 : 9, p.Periods.Count);
            Assert.Equal(issueDate, p.Periods[0].Date);
            Assert.Equal(issueDate.AddDays(ForecastGenerator.ForecastDays - 1), p.Periods[^1].Date);
            Assert.All(p.Periods.Where(q => q.Name.HasWeekday), q => Assert.Equal(q.Date.DayOfWeek, q.Name.Weekday));
            Assert.Equal(PeriodName.FirstFor(TimeOnly.FromDateTime(p.Issued)), p.Periods[0].Name);
        }
    }

    [Fact]
    public void The_text_states_the_structured_truth()
    {
        foreach (var p in Year.Take(200))
        {
            var parsed = ForecastParser.Parse(p.Text.Split('\n'), out string? problem);
            Assert.True(parsed is not null, problem);
            Assert.Equal(p.Periods.Select(q => q.Name.ToString()), parsed.Periods.Select(q => q.Heading));
            for (int k = 0; k < p.Periods.Count; k++)
            {
                var truth = p.Periods[k];
                var sentences = parsed.Periods[k].Sentences;
                Assert.Equal(Stated(sentences, "LOWS ", truth.Low), truth.Low is not null);
                Assert.Equal(Stated(sentences, "HIGHS ", truth.High), truth.High is not null);
                bool mentionsPrecipitation = truth.Text.Contains("CHANCE") || truth.Text.Contains("LIKELY");
                Assert.True(mentionsPrecipitation == (truth.PrecipitationChance > 0), truth.Text);
            }
        }
    }

    private static bool Stated(IReadOnlyList<string> sentences, string prefix, int? value)
    {
        var statement = sentences.SingleOrDefault(s => s.StartsWith(prefix, StringComparison.Ordinal));
        if (statement is null) return false;
        Assert.True(TemperaturePhrase.TryParse(statement[prefix.Length..], out double meaning), statement);
        Assert.True(value is not null && Math.Abs(meaning - value.Value) <= 2, $"'{statement}' for {value}");
        return true;
    }

    [Fact]
    public void Snow_falls_in_winter_and_thunderstorms_in_the_warm_season()
    {
        Assert.Contains(Year, p => p.Text.Contains("SNOW ACCUMULATION"));
        Assert.Contains(Year, p => p.Text.Contains("THUNDERSTORMS"));
        static bool Says(ForecastProduct p, string word) => p.Periods.Any(q => q.Text.Contains(word));   // not the header: SNOWSHOE
        Assert.DoesNotContain(Year, p => p.Issued.Month is 6 or 7 or 8 && Says(p, "SNOW"));
        Assert.DoesNotContain(Year, p => p.Issued.Month is 12 or 1 or 2 && Says(p, "THUNDERSTORMS"));
    }

    [Fact]
    public void Neighbouring_zones_correlate_and_the_mountains_are_colder()
    {
        double High(string zone, DateTime issued) => AllZones.Single(p => p.Zone.Name == zone && p.Issued == issued).Periods.First(q => q.High is not null).High!.Value;
        var issuances = AllZones.Select(p => p.Issued).Distinct().ToList();
        Assert.All(issuances, t => Assert.InRange(High("KANAWHA", t) - High("CABELL", t), -6, 6));
        Assert.True(issuances.Average(t => High("CABELL", t) - High("POCAHONTAS", t)) >= 4, "2700 ft Pocahontas should be ~7 F colder than Cabell");
    }

    [Theory]
    [InlineData(0, null, "days")]
    [InlineData(5, 0, "zonesPerIssuance")]
    [InlineData(5, 21, "zonesPerIssuance")]
    public void Bad_arguments_are_refused_by_name(int days, int? zonesPerIssuance, string name)
    {
        var e = Assert.Throws<ArgumentException>(() => ForecastGenerator.Generate(1, Start, days, zonesPerIssuance));
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void Dates_before_1987_are_refused() =>
        Assert.Contains("1987", Assert.Throws<ArgumentException>(() => ForecastGenerator.Generate(1, new DateOnly(1980, 1, 1), 5)).Message);
}

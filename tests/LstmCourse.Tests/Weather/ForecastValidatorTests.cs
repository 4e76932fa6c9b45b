using System.Text;
using System.Text.RegularExpressions;
using LstmCourse.Numerics;
using LstmCourse.Weather;

namespace LstmCourse.Tests.Weather;

public class ForecastValidatorTests
{
    /// <summary>A hand-written product in the shape of the Charleston, WV zone forecasts.</summary>
    private const string Good = """
        WVZ006-171000-
        CABELL-
        INCLUDING THE CITIES OF...HUNTINGTON
        932 PM EST FRI DEC 16 2016

        .TONIGHT...MOSTLY CLOUDY. A 40 PERCENT CHANCE OF RAIN AFTER
        MIDNIGHT. LOWS IN THE MID 30S. SOUTHWEST WINDS 5 TO 10 MPH.
        .SATURDAY...RAIN LIKELY. HIGHS IN THE UPPER 40S. SOUTH WINDS
        10 TO 15 MPH. CHANCE OF RAIN 70 PERCENT.
        .SATURDAY NIGHT...RAIN. LOWS AROUND 40. SOUTHWEST WINDS 10 TO
        15 MPH WITH GUSTS UP TO 25 MPH. CHANCE OF RAIN 90 PERCENT.
        .SUNDAY...MOSTLY CLOUDY WITH A 30 PERCENT CHANCE OF SHOWERS. HIGHS
        IN THE LOWER 50S. WEST WINDS 5 TO 10 MPH.
        .SUNDAY NIGHT...PARTLY CLOUDY. LOWS IN THE UPPER 20S. LIGHT AND
        VARIABLE WINDS.
        .MONDAY...SUNNY. HIGHS IN THE MID 40S.
        .TUESDAY...PARTLY SUNNY. LOWS IN THE UPPER 20S. HIGHS AROUND 50.
        .WEDNESDAY...MOSTLY CLOUDY WITH A 40 PERCENT CHANCE OF RAIN. LOWS
        IN THE MID 30S. HIGHS IN THE LOWER 50S.
        .THURSDAY...PARTLY SUNNY. LOWS IN THE MID 30S. HIGHS IN THE LOWER
        50S.

        $$

        """;

    private static ProductCheck Single(string text)
    {
        var report = ForecastValidator.Validate(text);
        Assert.Equal(1, report.ProductCount);
        return report.Products[0];
    }

    private static void AssertFlags(string text, bool order = true, bool weekdays = true, bool lows = true, bool numbers = true)
    {
        var check = Single(text);
        Assert.True(check.Parsed, string.Join("; ", check.Problems));
        Assert.Equal((order, weekdays, lows, numbers), (check.PeriodOrder!.Value, check.WeekdaysConsistent!.Value, check.LowsBelowHighs!.Value, check.NumbersInRange!.Value));
        Assert.Equal(!(order && weekdays && lows && numbers), check.Problems.Count > 0);
    }

    private static void AssertUnparsed(string text, string problem)
    {
        var check = Single(text);
        Assert.False(check.Parsed);
        Assert.Null(check.PeriodOrder);
        Assert.Contains(problem, Assert.Single(check.Problems));
    }

    [Fact]
    public void A_good_product_passes_every_measure()
    {
        AssertFlags(Good);
        var forecast = Single(Good).Forecast!;
        Assert.Equal(new DateTime(2016, 12, 16, 21, 32, 0), forecast.Issued);
        Assert.Equal(9, forecast.Periods.Count);
        Assert.Equal("LOWS IN THE MID 30S", forecast.Periods[^2].Sentences[1]);
    }

    [Fact]
    public void A_wrong_weekday_in_the_header_fails_only_weekdays() =>
        AssertFlags(Good.Replace("FRI DEC 16", "SAT DEC 16"), weekdays: false);

    [Fact]
    public void Period_weekdays_shifted_by_a_day_fail_only_weekdays()
    {
        string[] days = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"];
        string shifted = Regex.Replace(Good, string.Join("|", days), m => days[(Array.IndexOf(days, m.Value) + 1) % 7]);
        Assert.Contains(".SUNDAY NIGHT...RAIN", shifted);
        AssertFlags(shifted, weekdays: false);
    }

    [Fact]
    public void Swapped_periods_fail_only_period_order()
    {
        string day = ".SATURDAY...RAIN LIKELY. HIGHS IN THE UPPER 40S. SOUTH WINDS\n10 TO 15 MPH. CHANCE OF RAIN 70 PERCENT.\n";
        string night = ".SATURDAY NIGHT...RAIN. LOWS AROUND 40. SOUTHWEST WINDS 10 TO\n15 MPH WITH GUSTS UP TO 25 MPH. CHANCE OF RAIN 90 PERCENT.\n";
        Assert.Contains(day + night, Good);
        AssertFlags(Good.Replace(day + night, night + day), order: false);
    }

    [Fact]
    public void Tonight_first_in_a_morning_product_fails_only_period_order() =>
        AssertFlags(Good.Replace("932 PM EST", "932 AM EST"), order: false);

    [Fact]
    public void A_misspelled_heading_fails_only_period_order() =>
        AssertFlags(Good.Replace(".SATURDAY...", ".SATERDAY..."), order: false);

    [Fact]
    public void A_night_after_the_day_only_tail_began_fails_only_period_order() =>
        AssertFlags(Good.Replace(".WEDNESDAY...MOSTLY CLOUDY", ".TUESDAY NIGHT...MOSTLY CLOUDY").Replace("LOWS\nIN THE MID 30S. HIGHS IN THE LOWER 50S.", "LOWS\nIN THE MID 30S."), order: false);

    [Fact]
    public void A_low_above_the_neighbouring_high_fails_only_lows_below_highs()
    {
        var check = Single(Good.Replace("LOWS AROUND 40", "LOWS AROUND 60"));
        AssertFlags(Good.Replace("LOWS AROUND 40", "LOWS AROUND 60"), lows: false);
        Assert.Equal(
            ["LOWS AROUND 60 (SATURDAY NIGHT) is not below HIGHS IN THE UPPER 40S (SATURDAY)",
             "LOWS AROUND 60 (SATURDAY NIGHT) is not below HIGHS IN THE LOWER 50S (SUNDAY)"], check.Problems);
    }

    [Fact]
    public void A_tail_low_above_its_own_high_fails_only_lows_below_highs() =>
        AssertFlags(Good.Replace("LOWS IN THE UPPER 20S. HIGHS AROUND 50", "LOWS IN THE UPPER 50S. HIGHS AROUND 50"), lows: false);

    [Theory]
    [InlineData("HIGHS IN THE UPPER 40S", "HIGHS IN THE UPPER 140S")]
    [InlineData("HIGHS IN THE UPPER 40S", "HIGHS IN THE MUD 400S")]
    [InlineData("LOWS IN THE UPPER 20S. LIGHT", "LOWS AROUND 40 BELOW. LIGHT")]
    [InlineData("CHANCE OF RAIN 70 PERCENT", "CHANCE OF RAIN 170 PERCENT")]
    [InlineData("GUSTS UP TO 25 MPH", "GUSTS UP TO 95 MPH")]
    public void A_number_out_of_range_fails_only_numbers_in_range(string from, string to)
    {
        Assert.Contains(from, Good);
        AssertFlags(Good.Replace(from, to), numbers: false);
    }

    [Fact]
    public void A_missing_terminator_does_not_parse() => AssertUnparsed(Good.Replace("$$", ""), "no $$");

    [Fact]
    public void A_truncated_header_does_not_parse() => AssertUnparsed(Good.Replace("932 PM EST FRI DEC 16 2016\n", ""), "no issuance line");

    [Fact]
    public void A_missing_zone_line_does_not_parse() => AssertUnparsed(Good.Replace("WVZ006-171000-\n", ""), "no zone line");

    [Fact]
    public void An_impossible_date_does_not_parse() => AssertUnparsed(Good.Replace("DEC 16", "FEB 30"), "not a date");

    [Fact]
    public void A_product_without_periods_does_not_parse()
    {
        int firstPeriod = Good.IndexOf(".TONIGHT", StringComparison.Ordinal);
        AssertUnparsed(Good[..firstPeriod] + "$$\n", "no periods");
    }

    [Fact]
    public void Garbage_does_not_parse() => AssertUnparsed("THE QUICK BROWN FOX 123 ... JUMPS\n.OVER THE $$ DOG\n", "no zone line");

    [Fact]
    public void Empty_and_blank_text_has_no_products()
    {
        foreach (string text in new[] { "", "\n\n", "   \n\t\n" })
        {
            var report = ForecastValidator.Validate(text);
            Assert.Equal(0, report.ProductCount);
            Assert.Equal(0, report.ParsedFraction);
            Assert.Equal(0, report.PeriodOrderFraction);
        }
    }

    [Fact]
    public void Binary_junk_gives_unparsed_products_and_no_exception()
    {
        var rng = new Rng(5);
        for (int trial = 0; trial < 20; trial++)
        {
            var bytes = Enumerable.Range(0, 5000).Select(_ => (byte)rng.NextInt(256)).ToArray();
            var report = ForecastValidator.Validate(Encoding.Latin1.GetString(bytes));
            Assert.True(report.ProductCount > 0);
            Assert.Equal(0, report.ParsedCount);
        }
    }

    [Fact]
    public void Shuffled_lines_of_real_products_never_throw()
    {
        var rng = new Rng(9);
        string[] lines = (Good + Good.Replace("932 PM", "415 AM").Replace(".TONIGHT", ".TODAY")).Split('\n');
        for (int trial = 0; trial < 200; trial++)
        {
            var sample = Enumerable.Range(0, 40).Select(_ => lines[rng.NextInt(lines.Length)]);
            var report = ForecastValidator.Validate(string.Join("\n", sample));
            Assert.InRange(report.ParsedFraction, 0, 1);
        }
    }

    [Fact]
    public void Several_products_are_scored_one_by_one_with_their_line_numbers()
    {
        string broken = Good.Replace("LOWS AROUND 40", "LOWS AROUND 60");
        var report = ForecastValidator.Validate(Good + "\n" + broken + "\n" + Good.Replace("$$", ""));
        Assert.Equal(3, report.ProductCount);
        Assert.Equal(2, report.ParsedCount);
        Assert.Equal(2 / 3.0, report.ParsedFraction, 12);
        Assert.Equal(1.0, report.PeriodOrderFraction);
        Assert.Equal(0.5, report.LowsBelowHighsFraction);
        int linesPerProduct = Good.Split('\n').Length;                     // the product's lines plus the blank separator
        Assert.Equal(new[] { 1, linesPerProduct + 1, 2 * linesPerProduct + 1 }, report.Products.Select(p => p.FirstLine));
    }

    [Fact]
    public void A_product_missing_its_terminator_does_not_swallow_the_next_one()
    {
        var report = ForecastValidator.Validate(Good.Replace("$$", "") + Good);
        Assert.Equal(2, report.ProductCount);
        Assert.False(report.Products[0].Parsed);
        Assert.True(report.Products[1].AllPass);
    }

    [Fact]
    public void A_sample_starting_mid_product_costs_only_that_fragment()
    {
        string fragment = Good[Good.IndexOf(".SUNDAY NIGHT", StringComparison.Ordinal)..];
        var report = ForecastValidator.Validate(fragment + Good);
        Assert.Equal(2, report.ProductCount);
        Assert.False(report.Products[0].Parsed);
        Assert.True(report.Products[1].AllPass);
    }

    [Fact]
    public void Windows_line_endings_are_accepted() => AssertFlags(Good.Replace("\n", "\r\n"));

    [Fact]
    public void Every_generated_product_passes_every_measure()
    {
        var products = ForecastGenerator.Generate(42, new DateOnly(2019, 1, 1), 366, zonesPerIssuance: 2).ToList();
        var report = ForecastValidator.Validate(string.Join("\n", products.Select(p => p.Text)));
        Assert.Equal(products.Count, report.ProductCount);
        var failures = report.Products.Where(p => !p.AllPass).Select(p => string.Join("; ", p.Problems)).Take(3);
        Assert.True(report.Products.All(p => p.AllPass), string.Join("\n", failures));
    }
}

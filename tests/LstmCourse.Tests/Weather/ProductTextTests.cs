using LstmCourse.Weather;

namespace LstmCourse.Tests.Weather;

public class ProductTextTests
{
    [Fact]
    public void The_issuance_line_reads_like_a_real_one() =>
        Assert.Equal("932 PM EST FRI DEC 16 2016", ProductText.IssuanceLine(new DateTime(2016, 12, 16, 21, 32, 0)));

    [Theory]
    [InlineData(0, 15, "1215 AM")]
    [InlineData(12, 5, "1205 PM")]
    [InlineData(4, 0, "400 AM")]
    public void Hours_are_printed_on_a_twelve_hour_clock(int hour, int minute, string expected) =>
        Assert.StartsWith(expected + " ", ProductText.IssuanceLine(new DateTime(2016, 7, 4, hour, minute, 0)));

    [Fact]
    public void Periods_wrap_at_66_columns_without_losing_a_word()
    {
        string[] sentences = ["MOSTLY CLOUDY", "A 40 PERCENT CHANCE OF RAIN AFTER MIDNIGHT", "LOWS IN THE MID 30S", "SOUTHWEST WINDS 5 TO 10 MPH"];
        string text = ProductText.Period("TONIGHT", sentences);
        string[] lines = text.TrimEnd('\n').Split('\n');
        Assert.All(lines, l => Assert.True(l.Length <= ProductText.Width, $"'{l}' has {l.Length} characters"));
        Assert.Equal(".TONIGHT...MOSTLY CLOUDY. " + string.Join(". ", sentences[1..]) + ".", string.Join(" ", lines));
        Assert.Equal(".TONIGHT...MOSTLY CLOUDY. A 40 PERCENT CHANCE OF RAIN AFTER", lines[0]);
    }

    [Fact]
    public void A_long_city_list_breaks_after_the_three_dots()
    {
        var zone = ForecastZones.All.Single(z => z.Name == "KANAWHA");
        string header = ProductText.Header(zone, new DateTime(2016, 12, 16, 4, 0, 0), new DateTime(2016, 12, 16, 22, 0, 0));
        string[] lines = header.Split('\n');
        Assert.Equal("WVZ016-162200-", lines[0]);
        Assert.Equal("KANAWHA-", lines[1]);
        Assert.Equal("INCLUDING THE CITIES OF...CHARLESTON...SOUTH CHARLESTON...", lines[2]);
        Assert.Equal("ST. ALBANS", lines[3]);
        Assert.Equal("400 AM EST FRI DEC 16 2016", lines[4]);
        Assert.Equal("", lines[5]);
    }
}

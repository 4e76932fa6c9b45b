using LstmCourse.Weather;

namespace LstmCourse.Tests.Weather;

public class EasternTimeTests
{
    [Theory]
    [InlineData(2016, 3, 13, 1, 59, "EST")]   // second Sunday of March 2016, just before 2 AM
    [InlineData(2016, 3, 13, 3, 0, "EDT")]
    [InlineData(2016, 11, 6, 0, 30, "EDT")]   // first Sunday of November 2016
    [InlineData(2016, 11, 6, 2, 0, "EST")]
    [InlineData(2016, 12, 16, 21, 32, "EST")]
    [InlineData(2015, 7, 4, 16, 0, "EDT")]
    [InlineData(2006, 4, 2, 3, 0, "EDT")]     // old rule: first Sunday of April
    [InlineData(2006, 3, 20, 12, 0, "EST")]
    [InlineData(2006, 10, 29, 3, 0, "EST")]   // old rule: last Sunday of October
    public void Abbreviation_follows_the_federal_daylight_saving_rules(int y, int mo, int d, int h, int mi, string expected) =>
        Assert.Equal(expected, EasternTime.Abbreviation(new DateTime(y, mo, d, h, mi, 0)));

    [Fact]
    public void Utc_is_five_hours_ahead_in_winter_and_four_in_summer()
    {
        Assert.Equal(new DateTime(2016, 12, 17, 2, 32, 0), EasternTime.ToUtc(new DateTime(2016, 12, 16, 21, 32, 0)));
        Assert.Equal(new DateTime(2015, 7, 4, 20, 0, 0), EasternTime.ToUtc(new DateTime(2015, 7, 4, 16, 0, 0)));
    }

    [Fact]
    public void Dates_before_1987_are_refused_with_the_supported_range()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => EasternTime.Abbreviation(new DateTime(1980, 6, 1)));
        Assert.Contains("1987", e.Message);
    }
}

using LstmCourse.Weather;

namespace LstmCourse.Tests.Weather;

public class PeriodNameTests
{
    [Theory]
    [InlineData("TODAY")]
    [InlineData("THIS AFTERNOON")]
    [InlineData("TONIGHT")]
    [InlineData("SATURDAY")]
    [InlineData("SATURDAY NIGHT")]
    [InlineData("WEDNESDAY NIGHT")]
    public void Headings_round_trip(string heading)
    {
        Assert.True(PeriodName.TryParse(heading, out var name));
        Assert.Equal(heading, name.ToString());
    }

    [Theory]
    [InlineData("SATERDAY")]
    [InlineData("NIGHT")]
    [InlineData("TONIGHT NIGHT")]
    [InlineData("saturday")]
    [InlineData("")]
    public void Other_headings_are_unknown(string heading) => Assert.False(PeriodName.TryParse(heading, out _));

    [Theory]
    [InlineData(4, 15, "TODAY")]
    [InlineData(11, 5, "THIS AFTERNOON")]
    [InlineData(15, 40, "TONIGHT")]
    [InlineData(21, 32, "TONIGHT")]
    public void The_first_period_depends_on_the_issuance_time(int hour, int minute, string expected)
    {
        var time = new TimeOnly(hour, minute);
        Assert.Equal(expected, PeriodName.FirstFor(time).ToString());
        Assert.True(PeriodName.FirstFor(time).CanStartAt(time));
    }

    [Fact]
    public void Tonight_cannot_start_a_morning_product_and_today_cannot_start_an_evening_one()
    {
        Assert.False(PeriodName.Tonight.CanStartAt(new TimeOnly(4, 0)));
        Assert.False(PeriodName.Today.CanStartAt(new TimeOnly(16, 0)));
        Assert.False(PeriodName.DayOf(DayOfWeek.Saturday).CanStartAt(new TimeOnly(16, 0)));
    }

    [Fact]
    public void Days_and_nights_alternate_and_a_skipped_night_ends_the_nights()
    {
        var sat = PeriodName.DayOf(DayOfWeek.Saturday);
        var satNight = PeriodName.NightOf(DayOfWeek.Saturday);
        var sun = PeriodName.DayOf(DayOfWeek.Sunday);
        var sunNight = PeriodName.NightOf(DayOfWeek.Sunday);
        Assert.True(PeriodName.Today.CanBeFollowedBy(PeriodName.Tonight, inTail: false));
        Assert.True(PeriodName.Tonight.CanBeFollowedBy(sat, inTail: false));
        Assert.True(sat.CanBeFollowedBy(satNight, inTail: false));
        Assert.True(satNight.CanBeFollowedBy(sun, inTail: false));
        Assert.True(sat.CanBeFollowedBy(sun, inTail: false));
        Assert.True(sat.SkipsNightTo(sun));
        Assert.False(sat.CanBeFollowedBy(satNight, inTail: true));
        Assert.False(satNight.CanBeFollowedBy(sunNight, inTail: false));
        Assert.False(satNight.CanBeFollowedBy(sat, inTail: false));
        Assert.False(sun.CanBeFollowedBy(sat, inTail: false));
        Assert.False(PeriodName.Tonight.CanBeFollowedBy(satNight, inTail: false));
        Assert.True(PeriodName.DayOf(DayOfWeek.Saturday).CanBeFollowedBy(PeriodName.DayOf(DayOfWeek.Sunday), inTail: true));
    }
}

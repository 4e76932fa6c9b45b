using LstmCourse.Weather;

namespace LstmCourse.Tests.Weather;

public class TemperaturePhraseTests
{
    [Theory]
    [InlineData(45, "IN THE MID 40S")]
    [InlineData(42, "IN THE LOWER 40S")]
    [InlineData(48, "IN THE UPPER 40S")]
    [InlineData(30, "AROUND 30")]
    [InlineData(31, "AROUND 30")]
    [InlineData(29, "AROUND 30")]
    [InlineData(87, "IN THE UPPER 80S")]
    [InlineData(13, "IN THE LOWER TEENS")]
    [InlineData(16, "IN THE MID TEENS")]
    [InlineData(5, "AROUND 5")]
    [InlineData(0, "AROUND ZERO")]
    [InlineData(-6, "AROUND 5 BELOW")]
    [InlineData(-9, "AROUND 10 BELOW")]
    [InlineData(102, "IN THE LOWER 100S")]
    public void Temperatures_are_worded_as_NWS_forecasts_word_them(int fahrenheit, string expected) =>
        Assert.Equal(expected, TemperaturePhrase.Format(fahrenheit));

    [Fact]
    public void Near_replaces_around() => Assert.Equal("NEAR 60", TemperaturePhrase.Format(60, near: true));

    [Theory]
    [InlineData("IN THE MID 40S", 45)]
    [InlineData("IN THE LOWER 40S", 41.5)]
    [InlineData("IN THE UPPER 40S", 48)]
    [InlineData("IN THE 40S", 44.5)]
    [InlineData("AROUND 30", 30)]
    [InlineData("NEAR 60", 60)]
    [InlineData("IN THE UPPER TEENS", 18)]
    [InlineData("NEAR ZERO", 0)]
    [InlineData("AROUND 5 BELOW", -5)]
    [InlineData("IN THE MID 400S", 405)]
    public void Phrases_read_back_as_the_temperature_they_mean(string phrase, double expected)
    {
        Assert.True(TemperaturePhrase.TryParse(phrase, out double value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("IN THE MUD 40S")]
    [InlineData("AROUND")]
    [InlineData("IN THE MID 45S")]
    [InlineData("AROUND THIRTY")]
    [InlineData("")]
    [InlineData("IN THE MID 40S TONIGHT")]
    public void Other_phrases_do_not_parse(string phrase) => Assert.False(TemperaturePhrase.TryParse(phrase, out _));

    [Fact]
    public void Every_formatted_temperature_reads_back_within_two_degrees()
    {
        for (int t = -30; t <= 115; t++)
        {
            Assert.True(TemperaturePhrase.TryParse(TemperaturePhrase.Format(t), out double value), $"{t}: {TemperaturePhrase.Format(t)}");
            Assert.True(Math.Abs(value - t) <= 2, $"{t} F is worded '{TemperaturePhrase.Format(t)}', which means {value}");
        }
    }

    [Fact]
    public void The_meaning_of_a_phrase_never_decreases_as_the_temperature_rises()
    {
        double previous = double.NegativeInfinity;
        for (int t = -30; t <= 115; t++)
        {
            TemperaturePhrase.TryParse(TemperaturePhrase.Format(t), out double value);
            Assert.True(value >= previous, $"{t} F means {value}, below the {previous} of {t - 1} F");
            previous = value;
        }
    }
}

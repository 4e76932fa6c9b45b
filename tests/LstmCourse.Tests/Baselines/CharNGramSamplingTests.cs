using LstmCourse.Baselines;
using LstmCourse.Numerics;
using LstmCourse.Sampling;

namespace LstmCourse.Tests.Baselines;

public class CharNGramSamplingTests
{
    private static readonly CharNGram Model = CharNGram.Train("the cat sat on the mat. the hat sat on the cat.\n", order: 3);

    [Fact]
    public void Draws_follow_the_models_probabilities()
    {
        const string prime = "th";
        int draws = 20_000;
        var rng = new Rng(7);
        var counts = new Dictionary<char, int>();
        for (int i = 0; i < draws; i++)
        {
            char c = Model.SampleUntil("\n", 1, rng, prime, new SamplingOptions(1.0))[0];
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }
        foreach (char c in Model.Vocabulary)
        {
            double p = Model.Probability(c, prime), sd = Math.Sqrt(p * (1 - p) / draws);
            Assert.True(Math.Abs(counts.GetValueOrDefault(c) / (double)draws - p) <= 5 * sd + 1e-9, $"'{c}': drawn {counts.GetValueOrDefault(c)} times, P = {p:F4}");
        }
    }

    [Fact]
    public void Greedy_takes_the_most_probable_character_and_a_stop_ends_the_text()
    {
        string text = Model.SampleUntil(".", 200, null, "the c", SamplingOptions.Argmax);
        string context = "the c";
        foreach (char c in text)
        {
            var p = Model.Distribution(context);
            Assert.Equal(Model.Vocabulary[Array.IndexOf(p, p.Max())], c);
            context += c;
        }
        Assert.True(text.EndsWith('.') || text.Length == 200);
        Assert.Equal(1, text.Count(c => c == '.') + (text.EndsWith('.') ? 0 : 1));
    }

    [Fact]
    public void The_same_rng_state_gives_the_same_text_and_the_prime_is_not_repeated()
    {
        string a = Model.SampleUntil("\n", 80, new Rng(3), "the", new SamplingOptions(0.8));
        string b = Model.SampleUntil("\n", 80, new Rng(3), "the", new SamplingOptions(0.8));
        Assert.Equal(a, b);
        Assert.True(a.Length <= 80);
        Assert.All(a, c => Assert.Contains(c, Model.Vocabulary));
        Assert.Equal("", Model.SampleUntil("\n", 0, new Rng(3), "the"));
    }

    [Fact]
    public void A_stop_the_model_cannot_write_and_a_negative_length_are_rejected()
    {
        Assert.Contains("never writes", Assert.Throws<ArgumentException>(() => Model.SampleUntil("$$", 10, new Rng(1))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.SampleUntil("\n", -1, new Rng(1)));
        Assert.Throws<ArgumentNullException>(() => Model.SampleUntil("\n", 10, null, "the", new SamplingOptions(1.0)));   // a temperature needs an rng
    }
}

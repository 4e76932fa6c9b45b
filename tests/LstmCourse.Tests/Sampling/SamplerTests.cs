using LstmCourse.Fast;
using LstmCourse.Numerics;
using LstmCourse.Sampling;
using LstmCourse.Text;

namespace LstmCourse.Tests.Sampling;

public class SamplerTests
{
    private static readonly Vocabulary Vocabulary = Vocabulary.FromText("abcdefgh \n");

    /// <summary>An untrained model with weights large enough that its logits differ clearly from step to step.</summary>
    private static Sampler NewSampler()
    {
        var model = new CharLstm(Vocabulary.Size, hiddenSize: 8, layers: 2, seed: 5);
        foreach (var p in model.Parameters)
            for (int i = 0; i < p.Count; i++) p.Value[i] *= 6;
        return new Sampler(model, Vocabulary);
    }

    [Fact]
    public void The_same_rng_seed_gives_the_same_text_and_another_seed_another()
    {
        var sampler = NewSampler();
        string a = sampler.Sample(200, new Rng(1), "ab");
        Assert.Equal(200, a.Length);
        Assert.Equal(a, sampler.Sample(200, new Rng(1), "ab"));
        Assert.NotEqual(a, sampler.Sample(200, new Rng(2), "ab"));
    }

    [Fact]
    public void Greedy_sampling_feeds_the_prime_then_takes_the_argmax_at_every_step()
    {
        var sampler = NewSampler();
        var model = sampler.Model;
        var state = model.NewInferenceState();
        var z = new float[Vocabulary.Size];
        foreach (char c in "bad ") model.Step(Vocabulary.IdOf(c), state, z);
        var expected = "";
        for (int k = 0; k < 30; k++)
        {
            int next = 0;
            for (int j = 1; j < z.Length; j++) if (z[j] > z[next]) next = j;
            expected += Vocabulary[next];
            model.Step(next, state, z);
        }
        Assert.Equal(expected, sampler.Sample(30, rng: null, "bad ", SamplingOptions.Argmax));
        Assert.Equal(expected, sampler.Sample(30, new Rng(9), "bad ", new SamplingOptions(TopK: 1)));
        Assert.NotEqual(expected, sampler.Sample(30, null, "ba", SamplingOptions.Argmax));   // the prime matters
    }

    [Fact]
    public void Top_k_draws_only_among_the_k_largest_logits_in_softmax_proportion()
    {
        float[] z = [0.5f, 2f, -1f, 1f, 1.5f];
        var rng = new Rng(3);
        var counts = new int[z.Length];
        const int draws = 20_000;
        for (int d = 0; d < draws; d++) counts[Sampler.Pick(z, new SamplingOptions(TopK: 2), rng)]++;
        Assert.Equal(0, counts[0] + counts[2] + counts[3]);
        double p1 = Math.Exp(2) / (Math.Exp(2) + Math.Exp(1.5));                              // softmax over {2, 1.5}
        Assert.InRange((double)counts[1] / draws, p1 - 0.015, p1 + 0.015);                   // ±4.5σ at 20,000 draws
    }

    [Fact]
    public void Temperature_draws_in_proportion_to_softmax_of_z_over_tau()
    {
        float[] z = [1f, 0f, -1f];
        var rng = new Rng(4);
        var counts = new int[3];
        const int draws = 20_000;
        for (int d = 0; d < draws; d++) counts[Sampler.Pick(z, new SamplingOptions(Temperature: 2), rng)]++;
        double sum = Math.Exp(0.5) + 1 + Math.Exp(-0.5);
        double[] p = [Math.Exp(0.5) / sum, 1 / sum, Math.Exp(-0.5) / sum];
        for (int k = 0; k < 3; k++) Assert.InRange((double)counts[k] / draws, p[k] - 0.015, p[k] + 0.015);
    }

    [Fact]
    public void Ties_for_the_largest_logit_go_to_the_first_in_greedy_and_top_k()
    {
        Assert.Equal(1, Sampler.ArgMax([0f, 3f, 3f]));
        var rng = new Rng(1);
        for (int d = 0; d < 200; d++) Assert.Equal(1, Sampler.Pick([0f, 3f, 3f, 3f], new SamplingOptions(TopK: 1), rng));
    }

    [Theory]
    [InlineData(0.0, null, "Temperature is 0")]
    [InlineData(-1.0, null, "Temperature is -1")]
    [InlineData(1.0, 0, "TopK is 0")]
    public void A_temperature_not_above_zero_or_a_top_k_below_one_is_explained(double temperature, int? topK, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => NewSampler().Sample(5, new Rng(1), "a", new SamplingOptions(temperature, topK)));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Characters_of_the_prime_outside_the_vocabulary_are_listed()
    {
        var e = Assert.Throws<UnknownCharactersException>(() => NewSampler().Sample(5, new Rng(1), "bad Zoë"));
        Assert.StartsWith("prime contains 3 characters not in the vocabulary", e.Message);
        Assert.Equal("Zoë".EnumerateRunes(), e.Characters);
    }

    [Fact]
    public void Temperature_sampling_without_an_rng_is_explained()
    {
        Assert.Contains("needs an Rng", Assert.Throws<ArgumentNullException>(() => NewSampler().Sample(5, null, "a")).Message);
    }

    [Fact]
    public void Sample_lines_gives_the_count_each_starting_with_the_prime_and_without_newlines()
    {
        var sampler = NewSampler();
        var lines = sampler.SampleLines(12, new Rng(7), "a", maxLineLength: 15);
        Assert.Equal(12, lines.Count);
        Assert.All(lines, line =>
        {
            Assert.StartsWith("a", line);
            Assert.DoesNotContain('\n', line);
            Assert.InRange(line.Length, 1, 16);
        });
        Assert.Equal(lines, sampler.SampleLines(12, new Rng(7), "a", maxLineLength: 15));
    }

    [Fact]
    public void Sample_until_is_the_same_draw_cut_right_after_the_first_stop()
    {
        var sampler = NewSampler();
        string full = sampler.Sample(400, new Rng(3), "ab");
        int at = full.IndexOf("a", StringComparison.Ordinal);
        Assert.True(at >= 0, "the sample never writes the stop; pick another seed for this test");
        Assert.Equal(full[..(at + 1)], sampler.SampleUntil("a", 400, new Rng(3), "ab"));       // the "a" of the prime does not count
        Assert.Equal(full[..Math.Min(at + 1, 4)], sampler.SampleUntil("a", 4, new Rng(3), "ab"));
    }

    [Fact]
    public void Sample_until_a_stop_never_written_gives_max_length_characters()
    {
        var sampler = NewSampler();
        string full = sampler.Sample(300, new Rng(5), "h");
        string stop = "hhhhhhhhhh";
        Assert.DoesNotContain(stop, full);
        Assert.Equal(full, sampler.SampleUntil(stop, 300, new Rng(5), "h"));
    }

    [Fact]
    public void A_stop_the_model_cannot_write_is_refused()
    {
        var e = Assert.Throws<UnknownCharactersException>(() => NewSampler().SampleUntil("$$", 50, new Rng(1), "a"));
        Assert.StartsWith("stop contains", e.Message);
    }

    [Fact]
    public void A_vocabulary_of_another_size_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new Sampler(new CharLstm(5, 4), Vocabulary));
        Assert.Contains("predicts 5 characters but the vocabulary has 10", e.Message);
    }

    [Theory]
    [InlineData(0.8)]
    [InlineData(4.0)]
    public void Samples_of_a_model_of_text_outside_the_basic_multilingual_plane_are_always_valid_text(double temperature)
    {
        var vocabulary = Vocabulary.FromText("a😀𠀀\n🌧é");
        var model = new CharLstm(vocabulary.Size, hiddenSize: 8, layers: 1, seed: 3);
        var sampler = new Sampler(model, vocabulary);
        string text = sampler.Sample(20_000, new Rng(1), "😀", new SamplingOptions(temperature));
        Assert.Equal(20_000, text.EnumerateRunes().Count());                     // 20 000 characters, not code units
        Assert.True(text.Length > 20_000, "the emoji and the ideograph take two code units each");
        for (int k = 0; k < text.Length; k++)
            if (char.IsSurrogate(text[k]))
            {
                Assert.True(char.IsHighSurrogate(text[k]) && k + 1 < text.Length && char.IsLowSurrogate(text[k + 1]), $"a lone surrogate at {k}");
                k++;
            }
        Assert.Equal(text, vocabulary.Decode(vocabulary.Encode(text)));
        Assert.All(sampler.SampleLines(50, new Rng(2), "🌧", new SamplingOptions(temperature)), line => Assert.Equal(line, vocabulary.Decode(vocabulary.Encode(line))));
    }
}

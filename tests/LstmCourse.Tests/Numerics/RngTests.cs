using LstmCourse.Numerics;

namespace LstmCourse.Tests.Numerics;

public class RngTests
{
    private static ulong[] Draw(Rng rng, int n) => Enumerable.Range(0, n).Select(_ => rng.NextUInt64()).ToArray();

    [Fact]
    public void Seeding_expands_the_seed_with_SplitMix64()
    {
        // SplitMix64's published first outputs from state 0 (Vigna's reference splitmix64.c): xoshiro's seed words.
        Assert.Equal([0xE220A8397B1DCDAFUL, 0x6E789E6AA1B965F4UL, 0x06C45D188009454FUL, 0xF88BB8A8724C81ECUL], new Rng(0UL).GetState());
    }

    [Fact]
    public void Generates_the_xoshiro256starstar_reference_stream()
    {
        // Outputs of Vigna's reference xoshiro256starstar.c from the state {1, 2, 3, 4} (checked against a Python transcription).
        var rng = new Rng(0);
        rng.SetState([1, 2, 3, 4]);
        Assert.Equal([11520UL, 0UL, 1509978240UL, 1215971899390074240UL], Draw(rng, 4));
    }

    [Fact]
    public void The_same_seed_gives_the_same_stream_and_different_seeds_differ()
    {
        Assert.Equal(Draw(new Rng(42), 1000), Draw(new Rng(42), 1000));
        Assert.Equal(Draw(new Rng(42), 100), Draw(new Rng(42UL), 100));
        Assert.NotEqual(Draw(new Rng(42), 4), Draw(new Rng(43), 4));
        Assert.NotEqual(Draw(new Rng(-1), 4), Draw(new Rng(1), 4));
    }

    [Fact]
    public void GetState_then_SetState_replays_the_stream_exactly()
    {
        var rng = new Rng(7);
        Draw(rng, 37);
        var saved = rng.GetState();
        var doubles = Enumerable.Range(0, 50).Select(_ => rng.NextDouble()).ToArray();
        var gaussians = Enumerable.Range(0, 50).Select(_ => rng.NextGaussian()).ToArray();
        var ints = Enumerable.Range(0, 50).Select(_ => rng.NextInt(17)).ToArray();

        var other = new Rng(999);
        other.SetState(saved);
        Assert.Equal(saved, other.GetState());
        Assert.Equal(doubles, Enumerable.Range(0, 50).Select(_ => other.NextDouble()));
        Assert.Equal(gaussians, Enumerable.Range(0, 50).Select(_ => other.NextGaussian()));
        Assert.Equal(ints, Enumerable.Range(0, 50).Select(_ => other.NextInt(17)));
        Assert.Equal(rng.GetState(), other.GetState());
    }

    [Fact]
    public void GetState_returns_a_copy()
    {
        var rng = new Rng(3);
        var state = rng.GetState();
        var expected = Draw(new Rng(3), 3);
        state[0] ^= 1;
        Assert.Equal(expected, Draw(rng, 3));
    }

    [Fact]
    public void Draws_fall_in_their_ranges_and_are_roughly_uniform()
    {
        var rng = new Rng(11);
        const int n = 60_000, bins = 6;
        var counts = new int[bins];
        for (int k = 0; k < n; k++)
        {
            double d = rng.NextDouble();
            Assert.InRange(d, 0.0, Math.BitDecrement(1.0));
            float f = rng.NextFloat();
            Assert.InRange(f, 0f, MathF.BitDecrement(1f));
            counts[rng.NextInt(bins)]++;
        }
        double expected = (double)n / bins, sigma = Math.Sqrt(n * (1.0 / bins) * (1 - 1.0 / bins));
        Assert.All(counts, c => Assert.InRange(c, expected - 5 * sigma, expected + 5 * sigma));
        var g = Enumerable.Range(0, n).Select(_ => rng.NextGaussian()).ToArray();
        double mean = g.Average(), variance = g.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        Assert.InRange(mean, -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
        Assert.InRange(variance, 1 - 5 * Math.Sqrt(2.0 / n), 1 + 5 * Math.Sqrt(2.0 / n));
    }

    [Fact]
    public void Bad_arguments_are_rejected_naming_them()
    {
        var rng = new Rng(1);
        var ex = Assert.Throws<ArgumentException>(() => rng.NextInt(0));
        Assert.Contains("n must be positive, got 0", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => rng.SetState([1, 2, 3]));
        Assert.Equal("state", ex.ParamName);
        Assert.Contains("state has 3 words, expected 4", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => rng.SetState([0, 0, 0, 0]));
        Assert.Contains("all zeros", ex.Message);
    }
}

using LstmCourse.Tasks;

namespace LstmCourse.Tests.Tasks;

public class ArchitectureExamplesTests
{
    private static int[] Tokens(double[][] xs) => xs.Select(x => Array.IndexOf(x, 1.0)).ToArray();

    [Fact]
    public void The_five_patterns_come_in_the_order_of_the_slide()
    {
        Assert.Equal(["one-to-one", "one-to-many", "many-to-one", "many-to-many (encoder-decoder)", "synchronised many-to-many"],
            ArchitectureExamples.All(1).Select(e => e.Pattern));
    }

    [Fact]
    public void Every_target_follows_from_its_input()
    {
        foreach (var e in ArchitectureExamples.OneToOne(1).Train)
            Assert.Equal((e.Xs[0][0] >= 0 ? 0 : 1) + (e.Xs[0][1] >= 0 ? 0 : 2), e.Labels![0]);
        foreach (var e in ArchitectureExamples.OneToMany(1).Train)
            Assert.Equal(Tokens(e.Xs)[0], e.Labels!.Aggregate(0, (n, bit) => 2 * n + bit));
        foreach (var e in ArchitectureExamples.ManyToOne(1).Train)
        {
            var w = Tokens(e.Xs);
            Assert.Equal(w.Count(k => k < 2) > w.Count(k => k is 2 or 3) ? 1 : 0, e.Labels![^1]);
            Assert.All(e.Labels[..^1], y => Assert.Equal(-1, y));
        }
        foreach (var e in ArchitectureExamples.EncoderDecoder(1).Train)
            Assert.Equal(Tokens(e.Xs)[..4].Reverse().ToArray(), e.Labels![4..]);
        foreach (var e in ArchitectureExamples.Synchronised(1).Train)
        {
            var bits = Tokens(e.Xs);
            for (int t = 0; t < bits.Length; t++) Assert.Equal(bits[..(t + 1)].Sum() % 2, e.Labels![t]);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_data()
    {
        Assert.Equal(ArchitectureExamples.ManyToOne(3).Train.Select(e => e.Steps), ArchitectureExamples.ManyToOne(3).Train.Select(e => e.Steps));
        Assert.NotEqual(ArchitectureExamples.ManyToOne(3).Train.Select(e => e.Steps), ArchitectureExamples.ManyToOne(4).Train.Select(e => e.Steps));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Reading_then_writing_and_labelling_every_step_beat_chance(int which)
    {
        var example = ArchitectureExamples.All(2017)[which];
        var result = (example with { Config = example.Config with { Epochs = example.Config.Epochs / 2 } }).Run();
        Assert.True(result.StepAccuracy >= 0.9, $"{example.Pattern}: {result.StepAccuracy:P1} (chance {example.Chance:P0})");
    }
}

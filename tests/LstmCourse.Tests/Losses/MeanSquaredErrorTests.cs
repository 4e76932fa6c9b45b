using LstmCourse.Diagnostics;
using LstmCourse.Losses;
using LstmCourse.Numerics;
using LstmCourse.Tests.Support;
using Xunit.Abstractions;

namespace LstmCourse.Tests.Losses;

public class MeanSquaredErrorTests(ITestOutputHelper output)
{
    [Fact]
    public void Loss_is_half_the_squared_error_and_the_gradient_is_the_error()
    {
        double[] yHat = [1.5, -2.0, 0.25], y = [1.0, 1.0, 0.25];
        var d = new double[3];
        Assert.Equal(0.5 * (0.25 + 9.0), MeanSquaredError.LossAndGradient(yHat, y, d));
        Assert.Equal([0.5, -3.0, 0.0], d);
        MeanSquaredError.LossAndGradient(yHat, y, d, 0.5);
        Assert.Equal([0.25, -1.5, 0.0], d);
    }

    [Fact]
    public void Sequence_gradient_matches_centered_differences_of_the_mean_loss()
    {
        var rng = new Rng(2);
        var yHats = Enumerable.Range(0, 4).Select(t => TestData.Wrap($"yHat[{t}]", TestData.Vector(rng, 3))).ToArray();
        double[]?[] ys = [TestData.Vector(rng, 3), null, TestData.Vector(rng, 3), TestData.Vector(rng, 3)];
        double[][] Current() => yHats.Select(w => w.Value.Data).ToArray();
        var report = GradientCheck.Run(yHats, () => MeanSquaredError.SequenceLossAndGradients(Current(), ys).loss, () =>
        {
            var (_, d) = MeanSquaredError.SequenceLossAndGradients(Current(), ys);
            Assert.Null(d[1]);
            for (int t = 0; t < 4; t++) TestData.SetGrad(yHats[t], d[t] ?? new double[3]);
        });
        GradientAssert.Passes(report, output);
    }

    [Fact]
    public void Mismatched_lengths_and_counts_are_rejected_naming_sizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => MeanSquaredError.LossAndGradient(new double[3], new double[2], new double[3]));
        Assert.Equal("y", ex.ParamName);
        Assert.Contains("target has length 2, prediction has 3", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => MeanSquaredError.LossAndGradient(new double[3], new double[3], new double[4]));
        Assert.Contains("dyHat has length 4, expected 3", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => MeanSquaredError.SequenceLossAndGradients([new double[1]], [null, null]));
        Assert.Contains("there are 1 predictions but 2 targets", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => MeanSquaredError.SequenceLossAndGradients([new double[1]], [null]));
        Assert.Contains("no step has a target", ex.Message);
    }
}

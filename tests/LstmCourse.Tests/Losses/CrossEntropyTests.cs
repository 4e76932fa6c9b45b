using LstmCourse.Diagnostics;
using LstmCourse.Losses;
using LstmCourse.Numerics;
using LstmCourse.Tests.Support;
using Xunit.Abstractions;

namespace LstmCourse.Tests.Losses;

public class CrossEntropyTests(ITestOutputHelper output)
{
    [Fact]
    public void Gradient_is_p_minus_onehot()
    {
        double[] z = [0.3, -1.2, 2.5, 0.0];
        var dz = new double[4];
        CrossEntropy.LossAndGradient(z, 2, dz);
        var p = Softmax.Apply(z);
        for (int k = 0; k < 4; k++) Assert.Equal(p[k] - (k == 2 ? 1 : 0), dz[k]);
        Assert.Equal(0.0, dz.Sum(), 1e-15);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Gradient_matches_centered_differences_of_the_loss(int y)
    {
        var z = TestData.Wrap("z", TestData.Vector(new Rng(y), 5, 3.0));
        var report = GradientCheck.Run([z], () => CrossEntropy.Loss(z.Value.Data, y),
            () => CrossEntropy.LossAndGradient(z.Value.Data, y, z.Grad.Data));
        GradientAssert.Passes(report, output);
    }

    [Fact]
    public void Loss_stays_exact_at_extreme_logits_where_the_probability_underflows()
    {
        double[] z = [1000.0, -1000.0];
        var dz = new double[2];
        Assert.Equal(2000.0, CrossEntropy.LossAndGradient(z, 1, dz));
        Assert.Equal([1.0, -1.0], dz);
        Assert.Equal(2000.0, CrossEntropy.Loss(z, 1));
        Assert.Equal(0.0, CrossEntropy.LossAndGradient(z, 0, dz));
        Assert.Equal([0.0, 0.0], dz);
    }

    [Fact]
    public void Scale_multiplies_the_gradient_not_the_loss()
    {
        double[] z = [0.2, 0.9, -0.4];
        var d1 = new double[3];
        var dHalf = new double[3];
        double l1 = CrossEntropy.LossAndGradient(z, 1, d1);
        Assert.Equal(l1, CrossEntropy.LossAndGradient(z, 1, dHalf, 0.5));
        Assert.Equal(d1.Select(v => v * 0.5), dHalf);
    }

    [Fact]
    public void Sequence_loss_is_the_mean_over_steps_with_a_target_and_its_gradient_is_scaled_to_match()
    {
        var rng = new Rng(4);
        var zs = TestData.Sequence(rng, 5, 3);
        int[] ys = [2, -1, 0, -1, 1];
        var (loss, dzs) = CrossEntropy.SequenceLossAndGradients(zs, ys);
        double expected = (CrossEntropy.Loss(zs[0], 2) + CrossEntropy.Loss(zs[2], 0) + CrossEntropy.Loss(zs[4], 1)) / 3;
        Assert.Equal(expected, loss, 1e-15);
        Assert.Null(dzs[1]);
        Assert.Null(dzs[3]);
        var full = new double[3];
        CrossEntropy.LossAndGradient(zs[4], 1, full);
        Assert.Equal(full.Select(v => v * (1.0 / 3)), dzs[4]!);

        var wrapped = zs.Select((z, t) => TestData.Wrap($"z[{t}]", z)).ToArray();
        var report = GradientCheck.Run(wrapped,
            () => CrossEntropy.SequenceLossAndGradients(wrapped.Select(w => w.Value.Data).ToArray(), ys).loss,
            () =>
            {
                var (_, d) = CrossEntropy.SequenceLossAndGradients(wrapped.Select(w => w.Value.Data).ToArray(), ys);
                for (int t = 0; t < 5; t++) TestData.SetGrad(wrapped[t], d[t] ?? new double[3]);
            });
        GradientAssert.Passes(report, output);
    }

    [Fact]
    public void Targets_outside_the_classes_and_mismatched_counts_are_rejected_naming_sizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => CrossEntropy.LossAndGradient(new double[3], 3, new double[3]));
        Assert.Equal("y", ex.ParamName);
        Assert.Contains("target 3 is outside the 3 classes (0..2)", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => CrossEntropy.Loss(new double[4], -2));
        Assert.Contains("target -2 is outside the 4 classes (0..3)", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => CrossEntropy.LossAndGradient(new double[3], 1, new double[2]));
        Assert.Contains("p has length 2, expected 3", ex.Message);
        var zs = new[] { new double[3], new double[3] };
        ex = Assert.Throws<ArgumentException>(() => CrossEntropy.SequenceLossAndGradients(zs, [0]));
        Assert.Equal("ys", ex.ParamName);
        Assert.Contains("there are 2 steps of logits but 1 targets", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => CrossEntropy.SequenceLossAndGradients(zs, [0, 7]));
        Assert.Contains("ys[1] is 7, outside the 3 classes (0..2)", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => CrossEntropy.SequenceLossAndGradients(zs, [-1, -1]));
        Assert.Contains("no step has a target", ex.Message);
    }
}

using LstmCourse.Diagnostics;
using LstmCourse.Models;
using LstmCourse.Numerics;

namespace LstmCourse.Tests.Models;

public class SequenceModelGradientTests
{
    private static (double[][] xs, int[] ys) Data(int T, int D, int V, int seed)
    {
        var rng = new Rng(seed);
        var xs = Enumerable.Range(0, T).Select(_ => Enumerable.Range(0, D).Select(_ => rng.NextGaussian()).ToArray()).ToArray();
        var ys = Enumerable.Range(0, T).Select(_ => rng.NextInt(V)).ToArray();
        return (xs, ys);
    }

    [Theory]
    [InlineData(true, 1, 5, 3, 4, 4)]
    [InlineData(true, 2, 6, 3, 5, 7)]
    [InlineData(false, 1, 5, 3, 4, 4)]
    [InlineData(false, 2, 6, 3, 5, 7)]
    [InlineData(true, 1, 1, 1, 1, 2)]
    public void Analytic_gradients_match_centered_differences(bool lstm, int layers, int T, int D, int H, int V)
    {
        var model = lstm ? SequenceModel.Lstm(D, H, V, layers, seed: 3) : SequenceModel.Rnn(D, H, V, layers, seed: 3);
        var (xs, ys) = Data(T, D, V, 11);
        var report = GradientCheck.Run(model.Parameters.All, () => model.Loss(xs, ys),
            () => { model.Parameters.ZeroGrad(); model.LossAndGradients(xs, ys); });
        report.ThrowIfAbove(1e-6);
        Assert.True(report.WorstRelativeError < 1e-6, report.ToString());
    }
}

using LstmCourse.Cells;
using LstmCourse.Diagnostics;
using LstmCourse.Losses;
using LstmCourse.Models;
using LstmCourse.Numerics;
using LstmCourse.Parameters;
using LstmCourse.Tests.Support;
using Xunit.Abstractions;

namespace LstmCourse.Tests.Models;

public class SequenceModelGradientTests(ITestOutputHelper output)
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
    [InlineData(true, 2, 1, 1, 1, 2)]
    [InlineData(false, 2, 1, 1, 1, 2)]
    public void Analytic_gradients_match_centered_differences(bool lstm, int layers, int T, int D, int H, int V)
    {
        var model = lstm ? SequenceModel.Lstm(D, H, V, layers, seed: 3) : SequenceModel.Rnn(D, H, V, layers, seed: 3);
        var (xs, ys) = Data(T, D, V, 11);
        var report = GradientCheck.Run(model.Parameters.All, () => model.Loss(xs, ys),
            () => { model.Parameters.ZeroGrad(); model.LossAndGradients(xs, ys); });
        GradientAssert.Passes(report, output);
        Assert.Equal(model.Parameters.TotalCount, report.Rows.Sum(r => r.Checked));
    }

    /// <summary>dL/dx_t, dL/dh0 and dL/dc0 of every layer (perturbed numerically through the wrapper), through the read-out,
    /// the cross-entropy and every layer; one step without a target.</summary>
    [Theory]
    [InlineData(true, 1, 5, 3, 4, 4)]
    [InlineData(true, 2, 6, 3, 5, 7)]
    [InlineData(false, 1, 5, 3, 4, 4)]
    [InlineData(false, 2, 6, 3, 5, 7)]
    [InlineData(true, 2, 1, 1, 1, 3)]
    public void Gradients_wrt_inputs_and_initial_states_match_centered_differences(bool lstm, int layers, int T, int D, int H, int V)
    {
        var model = lstm ? SequenceModel.Lstm(D, H, V, layers, seed: 5) : SequenceModel.Rnn(D, H, V, layers, seed: 5);
        var (rawXs, ys) = Data(T, D, V, 12);
        if (T > 1) ys[1] = -1;
        var rng = new Rng(13);
        var xs = rawXs.Select((x, t) => TestData.Wrap($"x[{t}]", x)).ToArray();
        var h0 = Enumerable.Range(0, layers).Select(l => TestData.Wrap($"h0[{l}]", TestData.Vector(rng, H, 0.5))).ToArray();
        var c0 = lstm ? Enumerable.Range(0, layers).Select(l => TestData.Wrap($"c0[{l}]", TestData.Vector(rng, H))).ToArray() : [];
        IReadOnlyList<double[]> Xs() => xs.Select(x => x.Value.Data).ToArray();
        RecurrentState[] Initial() =>
            Enumerable.Range(0, layers).Select(l => new RecurrentState(h0[l].Value.Data, lstm ? c0[l].Value.Data : [])).ToArray();

        void Gradients()
        {
            model.Parameters.ZeroGrad();
            var trace = model.Forward(Xs(), Initial());
            var (_, dzs) = CrossEntropy.SequenceLossAndGradients(trace.Zs, ys);
            var (dxs, d0) = model.Backward(trace, dzs);
            for (int t = 0; t < T; t++) TestData.SetGrad(xs[t], dxs[t]);
            for (int l = 0; l < layers; l++)
            {
                TestData.SetGrad(h0[l], d0[l].H);
                if (lstm) TestData.SetGrad(c0[l], d0[l].C);
            }
        }

        IEnumerable<Parameter> all = [.. xs, .. h0, .. c0];
        GradientAssert.Passes(GradientCheck.Run(all, () => model.Loss(Xs(), ys, Initial()), Gradients), output);
    }
}

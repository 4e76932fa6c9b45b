using LstmCourse.Cells;
using LstmCourse.Fast;
using LstmCourse.Models;
using LstmCourse.Numerics;

namespace LstmCourse.Tests.Fast;

/// <summary>Runs a batch through the double-precision reference engine one stream at a time, the way
/// <see cref="CharLstm.ForwardBackward"/> runs it batched, and compares the two.</summary>
internal static class Reference
{
    /// <summary>Random tokens in 0..V−1, N x T row-major.</summary>
    public static int[] Tokens(int N, int T, int V, Rng rng) => Enumerable.Range(0, N * T).Select(_ => rng.NextInt(V)).ToArray();

    /// <summary>A state with every h and c drawn from U(−0.5, 0.5), so carried state is exercised.</summary>
    public static void Randomize(BatchState state, Rng rng)
    {
        for (int l = 0; l < state.Layers; l++)
            foreach (var a in new[] { state.H(l), state.C(l) })
                for (int k = 0; k < a.Length; k++) a[k] = rng.NextFloat() - 0.5f;
    }

    public static double[] OneHot(int x, int V)
    {
        var v = new double[V];
        v[x] = 1;
        return v;
    }

    /// <summary>The reference model with the fast model's weights (floats, exactly representable in double).</summary>
    public static SequenceModel Twin(CharLstm fast)
    {
        var model = SequenceModel.Lstm(fast.VocabSize, fast.HiddenSize, fast.VocabSize, fast.Layers, seed: 0);
        model.Parameters.Import(fast.Export());
        return model;
    }

    /// <summary>Stream n's initial state for every layer, in double.</summary>
    public static RecurrentState[] Initial(BatchState s, int n)
    {
        int H = s.HiddenSize;
        return Enumerable.Range(0, s.Layers).Select(l => new RecurrentState(
            s.H(l).Skip(n * H).Take(H).Select(v => (double)v).ToArray(),
            s.C(l).Skip(n * H).Take(H).Select(v => (double)v).ToArray())).ToArray();
    }

    /// <summary>Mean loss over N·T, gradients of that mean (by name) and each stream's final state.</summary>
    public static (double loss, Dictionary<string, double[]> grads, RecurrentState[][] final) Run(
        SequenceModel model, int[] inputs, int[] targets, int N, int T, BatchState initial)
    {
        int V = model.InputSize;
        model.Parameters.ZeroGrad();
        double loss = 0;
        var final = new RecurrentState[N][];
        for (int n = 0; n < N; n++)
        {
            var xs = Enumerable.Range(0, T).Select(t => OneHot(inputs[n * T + t], V)).ToArray();
            var ys = Enumerable.Range(0, T).Select(t => targets[n * T + t]).ToArray();
            var init = Initial(initial, n);
            loss += model.LossAndGradients(xs, ys, init);       // mean over T, gradients accumulate over n
            final[n] = model.Forward(xs, init).Final;
        }
        var grads = model.Parameters.All.ToDictionary(p => p.Name, p => p.Grad.Data.Select(g => g / N).ToArray());
        return (loss / N, grads, final);
    }

    /// <summary>Largest |a − b| / (atol + rtol·|b|) over the arrays: at most 1 means every entry is within tolerance.</summary>
    public static (double worst, int index) WorstRatio(ReadOnlySpan<float> actual, ReadOnlySpan<double> expected, double rtol, double atol)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = 0;
        int index = -1;
        for (int k = 0; k < actual.Length; k++)
        {
            double ratio = Math.Abs(actual[k] - expected[k]) / (atol + rtol * Math.Abs(expected[k]));
            if (!(ratio <= worst)) { worst = ratio; index = k; }
        }
        return (worst, index);
    }

    /// <summary>Asserts every entry is within atol + rtol·|expected|, naming the tensor, index and both values.</summary>
    public static void Close(string name, ReadOnlySpan<float> actual, ReadOnlySpan<double> expected, double rtol, double atol)
    {
        var (worst, k) = WorstRatio(actual, expected, rtol, atol);
        Assert.True(worst <= 1, $"{name}[{k}]: fast {(k >= 0 ? actual[k] : float.NaN)} vs reference {(k >= 0 ? expected[k] : double.NaN)} " +
            $"(error {worst:G3} x the tolerance {atol} + {rtol}·|reference|)");
    }
}

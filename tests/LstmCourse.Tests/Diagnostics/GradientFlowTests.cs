using LstmCourse.Cells;
using LstmCourse.Diagnostics;
using LstmCourse.Numerics;
using LstmCourse.Sequences;
using LstmCourse.Tests.Support;
using Xunit.Abstractions;

namespace LstmCourse.Tests.Diagnostics;

public class GradientFlowTests(ITestOutputHelper output)
{
    private const int T = 50, D = 3, H = 8;

    /// <summary>Q = I − 2vvᵀ/‖v‖², a random orthogonal matrix (a Householder reflection): ‖Qᵀd‖ = ‖d‖ for every d.</summary>
    private static double[] Householder(int n, Rng rng)
    {
        var v = TestData.Vector(rng, n);
        double vv = TestData.Dot(v, v);
        var q = new double[n * n];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++)
                q[r * n + c] = (r == c ? 1 : 0) - 2 * v[r] * v[c] / vv;
        return q;
    }

    private static double Frobenius(Matrix m) => Math.Sqrt(m.Data.Sum(v => v * v));

    private void Log(string what, GradientFlowReport r)
    {
        output.WriteLine($"{what}: ‖dL/dh_1‖/‖dL/dh_T‖ = {r.FirstToLastRatio:e3}");
        if (r.DcNorms is { } dc) output.WriteLine($"{what}: min_t ‖dL/dc_t‖/‖dL/dc_T‖ = {dc.Min() / dc[^1]:e3}");
    }

    /// <summary>Setup: tanh RNN, H = 8, D = 3, T = 50, inputs N(0, 1), Wh = 0.3 × U(−1/√H, 1/√H). Each step back multiplies
    /// dL/dh by diag(1 − h²) Wh, so its norm can shrink by at least ‖Wh‖_F (about 0.5) per step.</summary>
    [Fact]
    public void RNN_with_small_recurrent_weights_vanishes_geometrically()
    {
        var rng = new Rng(1);
        var cell = new RnnCell(D, H, rng);
        for (int k = 0; k < cell.Wh.Count; k++) cell.Wh.Value.Data[k] *= 0.3;
        var r = GradientFlow.Measure(new RecurrentLayer(cell), TestData.Sequence(rng, T, D));
        Log("small-weight RNN", r);
        double bound = Frobenius(cell.Wh.Value);
        Assert.InRange(bound, 0.1, 0.9);
        Assert.Equal(1.0, r.DhNorms[^1], 1e-15);                          // ‖u‖ = 1
        for (int t = 1; t < T; t++)
            Assert.True(r.DhNorms[t - 1] <= bound * r.DhNorms[t] * (1 + 1e-12),
                $"step {t}: ‖dh_{t - 1}‖ = {r.DhNorms[t - 1]:e3} > ‖Wh‖_F ‖dh_t‖ = {bound * r.DhNorms[t]:e3}");
        Assert.True(r.FirstToLastRatio < 1e-3, $"ratio {r.FirstToLastRatio:e3}");
        Assert.Null(r.DcNorms);
    }

    /// <summary>Setup: tanh RNN, H = 8, T = 50, Wh = 1.2 Q (Q orthogonal), b = 0, inputs 1e-8 × N(0, 1), h0 = 0, so every
    /// |h| stays far below 1 and tanh' ≈ 1: each step back multiplies ‖dL/dh‖ by 1.2 (1 − h²) ∈ [1.2 (1 − max h²), 1.2].</summary>
    [Fact]
    public void RNN_with_large_recurrent_weights_and_no_saturation_explodes_geometrically()
    {
        var rng = new Rng(2);
        var cell = new RnnCell(D, H, rng);
        var q = Householder(H, rng);
        for (int k = 0; k < q.Length; k++) cell.Wh.Value.Data[k] = 1.2 * q[k];
        cell.b.Value.Clear();
        var xs = TestData.Sequence(rng, T, D, 1e-8);
        var layer = new RecurrentLayer(cell);
        double maxH2 = layer.Forward(xs).Hs.SelectMany(h => h).Max(v => v * v);
        Assert.True(maxH2 < 1e-4, $"max h² = {maxH2:e3}: the setup saturates");
        var r = GradientFlow.Measure(layer, xs);
        Log("large-weight RNN", r);
        for (int t = 1; t < T; t++)
            Assert.InRange(r.DhNorms[t - 1] / r.DhNorms[t], 1.2 * (1 - maxH2) * (1 - 1e-12), 1.2 * (1 + 1e-12));
        Assert.True(r.FirstToLastRatio > 1e3, $"ratio {r.FirstToLastRatio:e3}");
        Assert.InRange(r.FirstToLastRatio, Math.Pow(1.2 * (1 - maxH2), T - 1) * (1 - 1e-10), Math.Pow(1.2, T - 1) * (1 + 1e-10));
    }

    /// <summary>Setup: LSTM, H = 8, D = 3, T = 50, inputs N(0, 1), forget-gate bias 3 (f ≈ 0.95), other weights as PyTorch
    /// initialises them. The cell state carries the gradient back: ‖dL/dc_t‖ stays above 1e-2 of ‖dL/dc_T‖ for all 50
    /// steps, while the same LSTM with forget bias 0 (f ≈ 0.5) and the same-sized RNN lose more than a factor 1e3.</summary>
    [Fact]
    public void LSTM_with_a_high_forget_bias_keeps_the_cell_state_gradient()
    {
        var rng = new Rng(3);
        var xs = TestData.Sequence(rng, T, D);
        var lstm = GradientFlow.Measure(new RecurrentLayer(new LstmCell(D, H, new Rng(4), forgetBias: 3.0)), xs);
        var shut = GradientFlow.Measure(new RecurrentLayer(new LstmCell(D, H, new Rng(4), forgetBias: 0.0)), xs);
        var rnn = GradientFlow.Measure(new RecurrentLayer(new RnnCell(D, H, new Rng(4))), xs);
        Log("LSTM, forget bias 3", lstm);
        Log("LSTM, forget bias 0", shut);
        Log("RNN, same size and inputs", rnn);
        var dc = lstm.DcNorms!;
        Assert.All(dc, v => Assert.True(v > 0 && double.IsFinite(v)));
        Assert.True(dc.Min() / dc[^1] > 1e-2, $"min_t ‖dL/dc_t‖ / ‖dL/dc_T‖ = {dc.Min() / dc[^1]:e3}");
        Assert.True(rnn.FirstToLastRatio < 1e-3, $"RNN ratio {rnn.FirstToLastRatio:e3}");
        var shutDc = shut.DcNorms!;
        Assert.True(shutDc.Min() / shutDc[^1] < 1e-3, $"forget bias 0: min_t ‖dL/dc_t‖ / ‖dL/dc_T‖ = {shutDc.Min() / shutDc[^1]:e3}");
    }

    /// <summary>The cell path is dL/dc_T carried back along c alone: at step t it is (f_{t+1} ⊙ … ⊙ f_T) ⊙ dL/dc_T, written
    /// out here from the forward pass's gates; going back, its norm never grows.</summary>
    [Fact]
    public void The_cell_path_is_the_product_of_forget_gates_and_never_grows()
    {
        var rng = new Rng(8);
        var xs = TestData.Sequence(rng, T, D);
        var layer = new RecurrentLayer(new LstmCell(D, H, new Rng(9), forgetBias: 6.0));
        var u = TestData.Vector(new Rng(10), H);
        var r = GradientFlow.Measure(layer, xs, direction: u);
        var steps = layer.Forward(xs).InOrder.Cast<LstmCell.LstmStep>().ToArray();
        var v = new double[H];
        double dcT = r.DcNorms![^1];
        Assert.Equal(dcT, r.CellPathNorms![^1], 1e-15);                                  // starts as dL/dc_T
        var last = steps[^1];
        double un = Math.Sqrt(TestData.Dot(u, u));
        for (int k = 0; k < H; k++) v[k] = u[k] / un * last.O[k] * (1 - last.TanhC[k] * last.TanhC[k]);   // dL/dc_T
        for (int t = T - 1; t >= 0; t--)
        {
            double expected = Math.Sqrt(TestData.Dot(v, v));
            Assert.True(Math.Abs(expected - r.CellPathNorms[t]) <= 1e-13 * expected, $"step {t}: product {expected:R}, GradientFlow {r.CellPathNorms[t]:R}");
            if (t < T - 1) Assert.True(r.CellPathNorms[t] <= r.CellPathNorms[t + 1], $"step {t}: the cell path grew");
            for (int k = 0; k < H; k++) v[k] *= steps[t].F[k];
        }
        Assert.Null(GradientFlow.Measure(new RecurrentLayer(new RnnCell(D, H, new Rng(9))), xs).CellPathNorms);
    }

    /// <summary>Independent computation: ∂h_t/∂h_{t−1} = diag(1 − h_t²) Wh written out as matrices for a tiny RNN,
    /// multiplied together, applied to u: dL/dh_t = (J_T ⋯ J_{t+1})ᵀ u.</summary>
    [Fact]
    public void RNN_norms_equal_explicit_Jacobian_products()
    {
        const int n = 3, steps = 6;
        var rng = new Rng(5);
        var cell = new RnnCell(2, n, rng);
        for (int k = 0; k < cell.Wh.Count; k++) cell.Wh.Value.Data[k] *= 2;
        var layer = new RecurrentLayer(cell);
        var xs = TestData.Sequence(rng, steps, 2);
        var u = TestData.Vector(rng, n);
        var r = GradientFlow.Measure(layer, xs, direction: u);

        var hs = layer.Forward(xs).Hs;
        double norm = Math.Sqrt(TestData.Dot(u, u));
        var product = Identity(n);                                         // P_t = J_T ⋯ J_{t+1}
        for (int t = steps - 1; t >= 0; t--)
        {
            var g = new double[n];                                         // g = P_tᵀ u / ‖u‖
            for (int c = 0; c < n; c++)
                for (int k = 0; k < n; k++) g[c] += product[k, c] * u[k] / norm;
            double expected = Math.Sqrt(TestData.Dot(g, g));
            Assert.True(Math.Abs(expected - r.DhNorms[t]) <= 1e-14 * expected, $"step {t}: Jacobians {expected:R}, GradientFlow {r.DhNorms[t]:R}");
            var j = new double[n, n];                                      // J_t = diag(1 − h_t²) Wh
            for (int a = 0; a < n; a++)
                for (int c = 0; c < n; c++) j[a, c] = (1 - hs[t][a] * hs[t][a]) * cell.Wh.Value[a, c];
            product = Multiply(product, j);
        }
    }

    /// <summary>Independent computation for an LSTM: dL/dh_t and the full dL/dc_t by centered differences, perturbing
    /// h_t (c_t fixed), or c_t with h_t = o_t ⊙ tanh(c_t) recomputed, then running the remaining steps.</summary>
    [Fact]
    public void LSTM_norms_equal_centered_differences_of_the_state()
    {
        const int n = 3, steps = 5;
        var rng = new Rng(6);
        var layer = new RecurrentLayer(new LstmCell(2, n, rng));
        var xs = TestData.Sequence(rng, steps, 2);
        var u = TestData.Vector(rng, n);
        double norm = Math.Sqrt(TestData.Dot(u, u));
        var r = GradientFlow.Measure(layer, xs, direction: u);
        var trace = layer.Forward(xs);

        double LossFrom(int t, RecurrentState state) =>                    // L = uᵀ h_T / ‖u‖ when the state after step t is `state`
            TestData.Dot(u, t == steps - 1 ? state.H : layer.Forward(xs[(t + 1)..], state).Final.H) / norm;

        for (int t = 0; t < steps; t++)
        {
            var step = (LstmCell.LstmStep)trace.InOrder[t];
            var dh = new double[n];
            var dc = new double[n];
            for (int k = 0; k < n; k++)
            {
                dh[k] = FourPoint(e => { var s = step.Next.Copy(); s.H[k] += e; return LossFrom(t, s); });
                dc[k] = FourPoint(e =>
                {
                    var s = step.Next.Copy();
                    s.C[k] += e;
                    s.H[k] = step.O[k] * Math.Tanh(s.C[k]);
                    return LossFrom(t, s);
                });
            }
            double eh = Math.Sqrt(TestData.Dot(dh, dh)), ec = Math.Sqrt(TestData.Dot(dc, dc));
            Assert.True(Math.Abs(eh - r.DhNorms[t]) <= 1e-9 * eh, $"step {t}: numeric ‖dL/dh‖ {eh:R}, GradientFlow {r.DhNorms[t]:R}");
            Assert.True(Math.Abs(ec - r.DcNorms![t]) <= 1e-9 * ec, $"step {t}: numeric ‖dL/dc‖ {ec:R}, GradientFlow {r.DcNorms[t]:R}");
        }
    }

    [Fact]
    public void Measuring_leaves_the_callers_gradients_as_they_were()
    {
        var rng = new Rng(7);
        var layer = new RecurrentLayer(new LstmCell(2, 3, rng));
        foreach (var p in layer.Parameters)
            for (int k = 0; k < p.Count; k++) p.Grad.Data[k] = rng.NextGaussian();
        var before = layer.Parameters.Select(p => (double[])p.Grad.Data.Clone()).ToList();
        GradientFlow.Measure(layer, TestData.Sequence(rng, 4, 2));
        Assert.Equal(before, layer.Parameters.Select(p => p.Grad.Data));
    }

    [Fact]
    public void A_direction_of_the_wrong_length_or_zero_is_rejected()
    {
        var layer = new RecurrentLayer(new RnnCell(2, 3, new Rng(0)));
        var xs = TestData.Sequence(new Rng(1), 4, 2);
        var ex = Assert.Throws<ArgumentException>(() => GradientFlow.Measure(layer, xs, direction: [1, 2]));
        Assert.Contains("direction has length 2, expected 3", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => GradientFlow.Measure(layer, xs, direction: [0, 0, 0]));
        Assert.Contains("direction is the zero vector", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => GradientFlow.Measure(layer, xs, direction: [0, double.NaN, 0]));
        Assert.Contains("direction[1] is", ex.Message);
    }

    private static double FourPoint(Func<double, double> f)
    {
        const double e = 1e-3;
        return (8 * (f(e) - f(-e)) - (f(2 * e) - f(-2 * e))) / (12 * e);
    }

    private static double[,] Identity(int n)
    {
        var m = new double[n, n];
        for (int k = 0; k < n; k++) m[k, k] = 1;
        return m;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0);
        var m = new double[n, n];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++)
                for (int k = 0; k < n; k++) m[r, c] += a[r, k] * b[k, c];
        return m;
    }
}

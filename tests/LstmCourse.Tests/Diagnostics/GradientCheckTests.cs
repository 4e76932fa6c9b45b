using LstmCourse.Activations;
using LstmCourse.Cells;
using LstmCourse.Diagnostics;
using LstmCourse.Numerics;
using LstmCourse.Parameters;
using LstmCourse.Tests.Support;
using Xunit.Abstractions;

namespace LstmCourse.Tests.Diagnostics;

public class GradientCheckTests(ITestOutputHelper output)
{
    /// <summary>L = Σ w_k⁴ − 2 w_k³: the four-point stencil is exact for degree-4 polynomials up to rounding.</summary>
    private static (Parameter w, Func<double> loss) Quartic()
    {
        var w = new Parameter("w", new Matrix(2, 3, [0.5, -1.5, 2.0, 0.1, -0.7, 1.1]));
        return (w, () => w.Value.Data.Sum(v => v * v * v * v - 2 * v * v * v));
    }

    [Fact]
    public void A_correct_derivative_passes_and_the_weights_are_left_exactly_as_they_were()
    {
        var (w, loss) = Quartic();
        var before = (double[])w.Value.Data.Clone();
        var report = GradientCheck.Run([w], loss, () =>
        {
            for (int k = 0; k < w.Count; k++) w.Grad.Data[k] = 4 * Math.Pow(w.Value.Data[k], 3) - 6 * w.Value.Data[k] * w.Value.Data[k];
        });
        output.WriteLine(report.ToString());
        Assert.True(report.WorstRelativeError < 1e-10, report.ToString());
        Assert.Equal(6, Assert.Single(report.Rows).Checked);
        Assert.Equal(before, w.Value.Data);
    }

    [Fact]
    public void A_wrong_derivative_is_reported_with_parameter_index_analytic_and_numeric()
    {
        var (w, loss) = Quartic();
        var report = GradientCheck.Run([w], loss, () =>
        {
            for (int k = 0; k < w.Count; k++) w.Grad.Data[k] = 4 * Math.Pow(w.Value.Data[k], 3) - 6 * w.Value.Data[k] * w.Value.Data[k];
            w.Grad.Data[4] *= 1.001;                                   // one entry off by 0.1 %
        });
        var row = Assert.Single(report.Rows);
        Assert.Equal(4, row.Index);
        Assert.Equal(1e-3 / 1.001, row.WorstRelativeError, 1e-9);
        Assert.False(report.Passes());
        var ex = Assert.Throws<InvalidOperationException>(() => report.ThrowIfAbove(1e-6));
        double v = -0.7, numeric = 4 * v * v * v - 6 * v * v;
        Assert.Contains($"w[4] analytic {numeric * 1.001:g9} vs numeric {numeric:g9}", ex.Message);
    }

    [Fact]
    public void Sampling_checks_distinct_entries_and_counts_them()
    {
        var p = new Parameter("big", Matrix.Uniform(20, 20, 1, new Rng(1)));
        var report = GradientCheck.Run([p], () => p.Value.Data.Sum(v => v * v), () =>
        {
            for (int k = 0; k < p.Count; k++) p.Grad.Data[k] = 2 * p.Value.Data[k];
        }, samplesPerParameter: 30);
        Assert.InRange(report.Rows[0].Checked, 25, 30);              // 30 draws from 400, duplicates removed
        Assert.True(report.Passes());
    }

    [Fact]
    public void Bad_settings_are_rejected_naming_them()
    {
        var (w, loss) = Quartic();
        var ex = Assert.Throws<ArgumentException>(() => GradientCheck.Run([w], loss, () => { }, epsilon: 0));
        Assert.Contains("epsilon must be positive, got 0", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => GradientCheck.Run([w], loss, () => { }, samplesPerParameter: 0));
        Assert.Contains("samplesPerParameter must be positive, got 0", ex.Message);
    }

    /// <summary>The faithful copy first: with no fault the test-only cell equals <see cref="LstmCell"/> bit for bit,
    /// so the failures below come from the injected fault alone.</summary>
    [Fact]
    public void The_test_copy_of_the_LSTM_backward_equals_the_library_one_when_unbroken()
    {
        var rng = new Rng(3);
        var cell = new LstmCell(3, 4, rng);
        var copy = new FaultyLstmCell(cell, LstmFault.None);
        var step = cell.Forward(TestData.Vector(rng, 3), new RecurrentState(TestData.Vector(rng, 4), TestData.Vector(rng, 4)));
        var dNext = new RecurrentState(TestData.Vector(rng, 4), TestData.Vector(rng, 4));
        var (dx1, dPrev1) = cell.Backward(step, dNext);
        var grads1 = cell.Parameters.Select(p => (double[])p.Grad.Data.Clone()).ToList();
        foreach (var p in cell.Parameters) p.Grad.Clear();
        var (dx2, dPrev2) = copy.Backward(step, dNext);
        Assert.Equal(dx1, dx2);
        Assert.Equal(dPrev1.H, dPrev2.H);
        Assert.Equal(dPrev1.C, dPrev2.C);
        Assert.Equal(grads1, cell.Parameters.Select(p => p.Grad.Data));
    }

    /// <summary>One derivative broken on purpose: the check must report it (&gt; 1e-4) on exactly the parameters it
    /// feeds, at an entry of the right gate block, and pass the rest (&lt; 1e-6).</summary>
    [Theory]
    [InlineData(LstmFault.None, "", -1)]
    [InlineData(LstmFault.CandidateTanhPrimeDropped, "Wx Wh b x hPrev", 2)]
    [InlineData(LstmFault.ForgetBiasGradientDropped, "b", 1)]
    [InlineData(LstmFault.CellPathSkipsForgetGate, "cPrev", -1)]
    public void The_check_catches_a_broken_derivative_in_the_parameters_it_feeds(LstmFault fault, string broken, int gateBlock)
    {
        const int D = 3, H = 4;
        var rng = new Rng(9);
        var cell = new FaultyLstmCell(new LstmCell(D, H, rng), fault);
        var report = CellStepCheck.Run(cell, rng);
        output.WriteLine(report.ToString());
        var expectBroken = broken.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        foreach (var row in report.Rows)
        {
            if (!expectBroken.Contains(row.Parameter))
            {
                Assert.True(row.WorstRelativeError < GradientAssert.Tolerance, $"{fault}: {row.Parameter} should pass: {row}");
                continue;
            }
            Assert.True(row.WorstRelativeError > 1e-4, $"{fault}: {row.Parameter} should be caught: {row}");
            int cols = row.Parameter switch { "Wx" => D, "Wh" => H, _ => 1 };
            if (gateBlock >= 0 && row.Parameter is "Wx" or "Wh" or "b")
                Assert.Equal(gateBlock, row.Index / cols / H);              // the worst entry is in the broken gate's rows
        }
        if (expectBroken.Count > 0)
        {
            var ex = Assert.Throws<InvalidOperationException>(() => report.ThrowIfAbove(GradientAssert.Tolerance));
            Assert.All(expectBroken, name => Assert.Contains(name + "[", ex.Message));
        }
        else report.ThrowIfAbove(GradientAssert.Tolerance);
    }
}

public enum LstmFault
{
    None,
    /// <summary>dz_g = dc ⊙ i, forgetting tanh'(z_g) = 1 − g².</summary>
    CandidateTanhPrimeDropped,
    /// <summary>db skips the forget-gate rows, as if the forget bias were not a parameter.</summary>
    ForgetBiasGradientDropped,
    /// <summary>dc_{t−1} = dc instead of dc ⊙ f.</summary>
    CellPathSkipsForgetGate,
}

/// <summary>Test-only LSTM whose forward is the library's and whose backward is a copy of <see cref="LstmCell.Backward"/>
/// with one fault injected, to prove the gradient check sees it.</summary>
public sealed class FaultyLstmCell(LstmCell inner, LstmFault fault) : IRecurrentCell
{
    public int InputSize => inner.InputSize;
    public int HiddenSize => inner.HiddenSize;
    public bool HasCellState => true;
    public IReadOnlyList<Parameter> Parameters => inner.Parameters;

    public StepCache Forward(double[] x, RecurrentState prev) => inner.Forward(x, prev);

    public (double[] dx, RecurrentState dPrev) Backward(StepCache step, RecurrentState dNext)
    {
        int H = HiddenSize;
        var s = (LstmCell.LstmStep)step;
        var dz = new double[4 * H];
        var dcPrev = new double[H];
        for (int k = 0; k < H; k++)
        {
            double dh = dNext.H[k];
            double dOut = dh * s.TanhC[k];
            double dc = dNext.C[k] + dh * s.O[k] * Tanh.DerivativeFromOutput(s.TanhC[k]);
            dz[k] = dc * s.G[k] * Sigmoid.DerivativeFromOutput(s.I[k]);
            dz[H + k] = dc * s.Prev.C[k] * Sigmoid.DerivativeFromOutput(s.F[k]);
            dz[2 * H + k] = fault == LstmFault.CandidateTanhPrimeDropped ? dc * s.I[k] : dc * s.I[k] * Tanh.DerivativeFromOutput(s.G[k]);
            dz[3 * H + k] = dOut * Sigmoid.DerivativeFromOutput(s.O[k]);
            dcPrev[k] = fault == LstmFault.CellPathSkipsForgetGate ? dc : dc * s.F[k];
        }
        Linalg.OuterAdd(inner.Wx.Grad, dz, s.X);
        Linalg.OuterAdd(inner.Wh.Grad, dz, s.Prev.H);
        for (int r = 0; r < 4 * H; r++)
            if (!(fault == LstmFault.ForgetBiasGradientDropped && r >= H && r < 2 * H)) inner.b.Grad.Data[r] += dz[r];
        var dx = new double[InputSize];
        Linalg.MulTransposedAdd(inner.Wx.Value, dz, dx);
        var dhPrev = new double[H];
        Linalg.MulTransposedAdd(inner.Wh.Value, dz, dhPrev);
        return (dx, new RecurrentState(dhPrev, dcPrev));
    }
}

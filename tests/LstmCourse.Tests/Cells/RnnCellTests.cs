using LstmCourse.Cells;
using LstmCourse.Diagnostics;
using LstmCourse.Numerics;
using LstmCourse.Tests.Support;
using Xunit.Abstractions;

namespace LstmCourse.Tests.Cells;

public class RnnCellTests(ITestOutputHelper output)
{
    [Fact]
    public void Forward_matches_the_equation_written_out_by_hand()
    {
        const int D = 3, H = 2;
        var rng = new Rng(4);
        var cell = new RnnCell(D, H, rng);
        double[] x = TestData.Vector(rng, D), hPrev = TestData.Vector(rng, H);
        var next = cell.Forward(x, new RecurrentState(hPrev, [])).Next;
        Assert.Empty(next.C);
        for (int k = 0; k < H; k++)
        {
            double z = cell.b.Value[k, 0];
            for (int j = 0; j < D; j++) z += cell.Wx.Value[k, j] * x[j];
            for (int j = 0; j < H; j++) z += cell.Wh.Value[k, j] * hPrev[j];
            Assert.Equal(Math.Tanh(z), next.H[k], 1e-15);
        }
    }

    /// <summary>L = aᵀ h_t for a random a: every weight, the input and the incoming state are checked.</summary>
    [Theory]
    [InlineData(3, 4, 1)]
    [InlineData(1, 1, 2)]
    [InlineData(1, 3, 3)]
    [InlineData(5, 1, 4)]
    public void Analytic_gradients_match_centered_differences_for_weights_input_and_incoming_state(int D, int H, int seed)
    {
        var rng = new Rng(seed);
        var cell = new RnnCell(D, H, rng);
        var x = TestData.Wrap("x", TestData.Vector(rng, D));
        var hPrev = TestData.Wrap("hPrev", TestData.Vector(rng, H));
        double[] a = TestData.Vector(rng, H);

        double Loss() => TestData.Dot(a, cell.Forward(x.Value.Data, new RecurrentState(hPrev.Value.Data, [])).Next.H);
        void Gradients()
        {
            foreach (var p in cell.Parameters) p.Grad.Clear();
            var step = cell.Forward(x.Value.Data, new RecurrentState(hPrev.Value.Data, []));
            var (dx, dPrev) = cell.Backward(step, new RecurrentState(a, []));
            Assert.Empty(dPrev.C);
            TestData.SetGrad(x, dx);
            TestData.SetGrad(hPrev, dPrev.H);
        }

        var report = GradientCheck.Run([.. cell.Parameters, x, hPrev], Loss, Gradients);
        GradientAssert.Passes(report, output);
        Assert.Equal(["Wx", "Wh", "b", "x", "hPrev"], report.Rows.Select(r => r.Parameter));
        Assert.All(report.Rows, r => Assert.Equal(r.Parameter switch { "Wx" => H * D, "Wh" => H * H, "b" => H, "x" => D, _ => H }, r.Checked));
    }

    [Theory]
    [InlineData(0, 3, "inputSize")]
    [InlineData(3, 0, "hiddenSize")]
    public void Zero_sizes_are_rejected_naming_the_size(int D, int H, string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => new RnnCell(D, H, new Rng(0)));
        Assert.Equal(name, ex.ParamName);
        Assert.Contains($"{name} must be a positive size, got 0", ex.Message);
    }

    [Fact]
    public void Forward_rejects_wrong_lengths_and_non_finite_values_naming_them()
    {
        var cell = new RnnCell(3, 4, new Rng(0));
        var ex = Assert.Throws<ArgumentException>(() => cell.Forward(new double[4], RecurrentState.Zero(4, false)));
        Assert.Contains("x has length 4, expected 3", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => cell.Forward(new double[3], RecurrentState.Zero(2, false)));
        Assert.Contains("prev.H has length 2, expected 4", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => cell.Forward([0, 0, double.NegativeInfinity], RecurrentState.Zero(4, false)));
        Assert.Equal("x", ex.ParamName);
        Assert.Contains("x[2] is", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => cell.Forward([0, 0, 0], new RecurrentState([0, 0, double.NaN, 0], [])));
        Assert.Equal("prev.H", ex.ParamName);
        Assert.Contains("prev.H[2] is", ex.Message);
    }

    [Fact]
    public void Backward_rejects_a_wrong_length_gradient_and_a_step_from_another_cell_type()
    {
        var rng = new Rng(0);
        var cell = new RnnCell(2, 3, rng);
        var step = cell.Forward([1, 2], RecurrentState.Zero(3, false));
        var ex = Assert.Throws<ArgumentException>(() => cell.Backward(step, new RecurrentState(new double[2], [])));
        Assert.Contains("dNext.H has length 2, expected 3", ex.Message);
        var lstmStep = new LstmCell(2, 3, rng).Forward([1, 2], RecurrentState.Zero(3, true));
        ex = Assert.Throws<ArgumentException>(() => cell.Backward(lstmStep, new RecurrentState(new double[3], [])));
        Assert.Equal("step", ex.ParamName);
        Assert.Contains("LstmStep, not the cache of an RNN step", ex.Message);
    }
}

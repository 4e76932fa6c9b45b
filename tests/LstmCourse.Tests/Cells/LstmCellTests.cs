using LstmCourse.Activations;
using LstmCourse.Cells;
using LstmCourse.Diagnostics;
using LstmCourse.Numerics;
using LstmCourse.Tests.Support;
using Xunit.Abstractions;

namespace LstmCourse.Tests.Cells;

public class LstmCellTests(ITestOutputHelper output)
{
    [Fact]
    public void Gate_order_is_i_f_g_o_like_PyTorch()
    {
        var cell = new LstmCell(1, 1, new Rng(1));
        cell.Wx.Value.Clear();
        cell.Wh.Value.Clear();
        double bi = 0.3, bf = -1.2, bg = 0.7, bo = 2.1, cPrev = 0.9;    // distinct, so any other order gives other numbers
        cell.b.Value.Data[0] = bi;
        cell.b.Value.Data[1] = bf;
        cell.b.Value.Data[2] = bg;
        cell.b.Value.Data[3] = bo;
        var next = cell.Forward([0.5], new RecurrentState([0.4], [cPrev])).Next;
        double i = 1 / (1 + Math.Exp(-bi)), f = 1 / (1 + Math.Exp(-bf)), g = Math.Tanh(bg), o = 1 / (1 + Math.Exp(-bo));
        double c = f * cPrev + i * g;
        Assert.Equal(c, next.C[0], 1e-15);
        Assert.Equal(o * Math.Tanh(c), next.H[0], 1e-15);
    }

    [Fact]
    public void Forward_matches_the_equations_written_out_by_hand()
    {
        const int D = 2, H = 3;
        var rng = new Rng(4);
        var cell = new LstmCell(D, H, rng);
        double[] x = TestData.Vector(rng, D), hPrev = TestData.Vector(rng, H), cPrev = TestData.Vector(rng, H);
        var next = cell.Forward(x, new RecurrentState(hPrev, cPrev)).Next;
        for (int k = 0; k < H; k++)
        {
            double Z(int row)
            {
                double s = cell.b.Value[row, 0];
                for (int j = 0; j < D; j++) s += cell.Wx.Value[row, j] * x[j];
                for (int j = 0; j < H; j++) s += cell.Wh.Value[row, j] * hPrev[j];
                return s;
            }
            double i = Sigmoid.Apply(Z(k)), f = Sigmoid.Apply(Z(H + k)), g = Math.Tanh(Z(2 * H + k)), o = Sigmoid.Apply(Z(3 * H + k));
            double c = f * cPrev[k] + i * g;
            Assert.Equal(c, next.C[k], 1e-15);
            Assert.Equal(o * Math.Tanh(c), next.H[k], 1e-15);
        }
    }

    [Fact]
    public void Forget_bias_fills_the_f_rows_of_b()
    {
        const int H = 3;
        var cell = new LstmCell(2, H, new Rng(2), forgetBias: 3.0);
        Assert.All(Enumerable.Range(H, H), k => Assert.Equal(3.0, cell.b.Value.Data[k]));
        Assert.All(Enumerable.Range(0, H).Concat(Enumerable.Range(2 * H, 2 * H)),
            k => Assert.InRange(cell.b.Value.Data[k], -1 / Math.Sqrt(H), 1 / Math.Sqrt(H)));
    }

    /// <summary>L = aᵀ h_t + eᵀ c_t for random a, e: every weight, the input and both incoming states are checked.</summary>
    [Theory]
    [InlineData(3, 4, 1)]
    [InlineData(1, 1, 2)]
    [InlineData(1, 3, 3)]
    [InlineData(5, 1, 4)]
    public void Analytic_gradients_match_centered_differences_for_weights_input_and_incoming_state(int D, int H, int seed)
    {
        var rng = new Rng(seed);
        var cell = new LstmCell(D, H, rng);
        var report = CellStepCheck.Run(cell, rng);
        GradientAssert.Passes(report, output);
        Assert.Equal(["Wx", "Wh", "b", "x", "hPrev", "cPrev"], report.Rows.Select(r => r.Parameter));
        Assert.All(report.Rows, r => Assert.Equal(r.Parameter switch { "Wx" => 4 * H * D, "Wh" => 4 * H * H, "b" => 4 * H, "x" => D, _ => H }, r.Checked));
    }

    [Fact]
    public void Backward_adds_to_the_gradients_already_there()
    {
        var rng = new Rng(6);
        var cell = new LstmCell(2, 3, rng);
        var step = cell.Forward(TestData.Vector(rng, 2), new RecurrentState(TestData.Vector(rng, 3), TestData.Vector(rng, 3)));
        var dNext = new RecurrentState(TestData.Vector(rng, 3), TestData.Vector(rng, 3));
        cell.Backward(step, dNext);
        var once = cell.Parameters.Select(p => (double[])p.Grad.Data.Clone()).ToList();
        cell.Backward(step, dNext);
        for (int i = 0; i < once.Count; i++)
            Assert.Equal(once[i].Select(g => 2 * g), cell.Parameters[i].Grad.Data);
    }

    [Theory]
    [InlineData(0, 3, "inputSize")]
    [InlineData(3, 0, "hiddenSize")]
    [InlineData(-2, 3, "inputSize")]
    public void Zero_or_negative_sizes_are_rejected_naming_the_size(int D, int H, string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => new LstmCell(D, H, new Rng(0)));
        Assert.Equal(name, ex.ParamName);
        Assert.Contains($"{name} must be a positive size, got {Math.Min(D, H)}", ex.Message);
    }

    [Fact]
    public void A_non_finite_forget_bias_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LstmCell(2, 2, new Rng(0), forgetBias: double.NaN));
        Assert.Equal("forgetBias", ex.ParamName);
        Assert.Contains("got NaN", ex.Message);
    }

    [Fact]
    public void Forward_rejects_a_wrong_length_input_or_state_naming_it_and_both_sizes()
    {
        var cell = new LstmCell(3, 4, new Rng(0));
        var ok = RecurrentState.Zero(4, true);
        var ex = Assert.Throws<ArgumentException>(() => cell.Forward(new double[2], ok));
        Assert.Equal("x", ex.ParamName);
        Assert.Contains("x has length 2, expected 3", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => cell.Forward(new double[3], new RecurrentState(new double[5], new double[4])));
        Assert.Contains("prev.H has length 5, expected 4", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => cell.Forward(new double[3], new RecurrentState(new double[4], [])));
        Assert.Contains("prev.C has length 0, expected 4", ex.Message);
    }

    [Fact]
    public void Forward_rejects_NaN_and_infinity_in_the_input_and_the_state_naming_the_entry()
    {
        var cell = new LstmCell(3, 2, new Rng(0));
        var ok = RecurrentState.Zero(2, true);
        var ex = Assert.Throws<ArgumentException>(() => cell.Forward([0, double.NaN, 0], ok));
        Assert.Equal("x", ex.ParamName);
        Assert.Contains("x[1] is NaN", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => cell.Forward([0, 0, 0], new RecurrentState([double.PositiveInfinity, 0], [0, 0])));
        Assert.Equal("prev.H", ex.ParamName);
        Assert.Contains("prev.H[0] is", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => cell.Forward([0, 0, 0], new RecurrentState([0, 0], [0, double.NaN])));
        Assert.Contains("prev.C[1] is NaN", ex.Message);
    }

    [Fact]
    public void Backward_rejects_a_wrong_length_gradient_and_a_step_from_another_cell_type()
    {
        var rng = new Rng(0);
        var cell = new LstmCell(2, 3, rng);
        var step = cell.Forward([1, 2], RecurrentState.Zero(3, true));
        var ex = Assert.Throws<ArgumentException>(() => cell.Backward(step, new RecurrentState(new double[4], new double[3])));
        Assert.Contains("dNext.H has length 4, expected 3", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => cell.Backward(step, new RecurrentState(new double[3], new double[2])));
        Assert.Contains("dNext.C has length 2, expected 3", ex.Message);
        var rnnStep = new RnnCell(2, 3, rng).Forward([1, 2], RecurrentState.Zero(3, false));
        ex = Assert.Throws<ArgumentException>(() => cell.Backward(rnnStep, new RecurrentState(new double[3], new double[3])));
        Assert.Equal("step", ex.ParamName);
        Assert.Contains("not the cache of an LSTM step", ex.Message);
    }
}

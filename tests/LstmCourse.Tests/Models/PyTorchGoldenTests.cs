using LstmCourse.Losses;
using Xunit.Abstractions;

namespace LstmCourse.Tests.Models;

/// <summary>The reference engine against torch.nn.LSTM / torch.nn.RNN / torch.nn.Linear in float64
/// (fixtures from Fixtures/pytorch/make_fixtures.py): every state, logit, the loss and every gradient.</summary>
public class PyTorchGoldenTests(ITestOutputHelper output)
{
    /// <summary>Absolute tolerance, tighter than the 1e-9: both sides are float64 running the same math in a
    /// different order, and the worst difference seen is 2.2e-16.</summary>
    private const double Tolerance = 1e-12;

    public static TheoryData<string> Cases() => new(PyTorchFixture.Names());

    [Fact]
    public void Fixture_set_covers_every_required_case()
    {
        var all = PyTorchFixture.Names().Select(PyTorchFixture.Load).ToList();
        var c = all.Select(f => (f.IsLstm, f.Config)).ToList();
        Assert.Contains(c, x => x.IsLstm && x.Config is { Layers: 1, D: 3, H: 4, V: 5, T: 6, Window: null });
        Assert.Contains(c, x => x.IsLstm && x.Config is { Layers: 2, D: 4, H: 5, V: 7, T: 8, Window: null });
        Assert.Contains(c, x => x.IsLstm && x.Config.T == 1);
        Assert.Contains(c, x => x.IsLstm && x.Config.H == 1);
        Assert.Contains(c, x => x.IsLstm && x.Config.D == 1);
        Assert.Contains(c, x => !x.IsLstm && x.Config.Layers == 1);
        Assert.Contains(c, x => !x.IsLstm && x.Config.Layers == 2);
        Assert.Contains(c, x => x.IsLstm && x.Config is { Window: 3, T: 8 });
        Assert.Contains(all, f => f.Y.Contains(-1));
        Assert.All(all, f => Assert.Equal(f.Name, f.Name.Trim()));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture_is_well_formed(string name)
    {
        var f = PyTorchFixture.Load(name);
        var (T, D, H, V, L) = (f.Config.T, f.Config.D, f.Config.H, f.Config.V, f.Config.Layers);
        int C = f.IsLstm ? H : 0;
        Assert.Equal(name, f.Name);
        Assert.Equal(T, f.X.Length);
        Assert.All(f.X, x => Assert.Equal(D, x.Length));
        Assert.Equal(T, f.Y.Length);
        Assert.All(f.Y, y => Assert.InRange(y, -1, V - 1));
        Assert.Equal(L, f.H0.Length);
        Assert.All(f.H0, h => Assert.Equal(H, h.Length));
        Assert.All(f.H0, h => Assert.Contains(h, v => v != 0));                  // a zero h0 would hide dh0 bugs
        Assert.All(f.C0, c => Assert.Equal(C, c.Length));
        Assert.All(f.H, layer => Assert.All(layer, h => Assert.Equal(H, h.Length)));
        Assert.All(f.C, layer => Assert.All(layer, c => Assert.Equal(C, c.Length)));
        Assert.Equal(T, f.Logits.Length);
        Assert.All(f.Logits, z => Assert.Equal(V, z.Length));
        Assert.Equal(T, f.Dx.Length);
        Assert.Equal(f.Weights.Select(w => (w.Name, w.Rows, w.Cols)), f.Grads.Select(g => (g.Name, g.Rows, g.Cols)));
        Assert.All(f.Weights.Concat(f.Grads), w => Assert.Equal(w.Rows * w.Cols, w.Data.Length));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Forward_states_logits_and_loss_match_PyTorch(string name)
    {
        var f = PyTorchFixture.Load(name);
        var model = f.BuildModel();
        var trace = model.Forward(f.X, f.InitialStates());
        var cmp = new Compare(name, Tolerance);
        for (int l = 0; l < f.Config.Layers; l++)
            for (int t = 0; t < f.Config.T; t++)
            {
                cmp.Close($"h[layer {l}, step {t}]", f.H[l][t], trace.Layers[l].Hs[t]);
                cmp.Close($"c[layer {l}, step {t}]", f.C[l][t], trace.Layers[l].Cs[t]);
            }
        for (int t = 0; t < f.Config.T; t++) cmp.Close($"logits[step {t}]", f.Logits[t], trace.Zs[t]);
        cmp.Close("loss", [f.Loss], [CrossEntropy.SequenceLossAndGradients(trace.Zs, f.Y).loss]);
        cmp.Close("loss (SequenceModel.Loss)", [f.Loss], [model.Loss(f.X, f.Y, f.InitialStates())]);
        output.WriteLine($"{name}: worst absolute error in forward values {cmp.Worst:g3} ({cmp.WorstQuantity}), {cmp.Count} values");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Weight_gradients_match_PyTorch(string name)
    {
        var f = PyTorchFixture.Load(name);
        var model = f.BuildModel();
        model.Parameters.ZeroGrad();
        double loss = model.LossAndGradients(f.X, f.Y, f.InitialStates(), f.Config.Window);
        var cmp = new Compare(name, Tolerance);
        cmp.Close("loss (LossAndGradients)", [f.Loss], [loss]);
        Assert.Equal(f.Grads.Select(g => g.Name).Order(), model.Parameters.Names.Order());
        foreach (var g in f.Grads)
        {
            var p = model.Parameters[g.Name];
            Assert.Equal((g.Rows, g.Cols), (p.Grad.Rows, p.Grad.Cols));
            cmp.Close($"d{g.Name}", g.Data, p.Grad.Data);
        }
        output.WriteLine($"{name}: worst absolute error in weight gradients {cmp.Worst:g3} ({cmp.WorstQuantity}), {cmp.Count} values");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Input_and_initial_state_gradients_match_PyTorch(string name)
    {
        var f = PyTorchFixture.Load(name);
        var model = f.BuildModel();
        var trace = model.Forward(f.X, f.InitialStates());
        var (_, dzs) = CrossEntropy.SequenceLossAndGradients(trace.Zs, f.Y);
        var (dxs, dInitial) = model.Backward(trace, dzs, null, f.Config.Window);
        var cmp = new Compare(name, Tolerance);
        for (int t = 0; t < f.Config.T; t++) cmp.Close($"dx[step {t}]", f.Dx[t], dxs[t]);
        for (int l = 0; l < f.Config.Layers; l++)
        {
            cmp.Close($"dh0[layer {l}]", f.Dh0[l], dInitial[l].H);
            cmp.Close($"dc0[layer {l}]", f.Dc0[l], dInitial[l].C);
        }
        output.WriteLine($"{name}: worst absolute error in dx, dh0, dc0 {cmp.Worst:g3} ({cmp.WorstQuantity}), {cmp.Count} values");
    }

    /// <summary>Entry-by-entry comparison that names fixture, quantity, index, expected and actual on failure
    /// and remembers the worst absolute error it saw.</summary>
    private sealed class Compare(string fixture, double tolerance)
    {
        public double Worst { get; private set; }
        public string WorstQuantity { get; private set; } = "none";
        public int Count { get; private set; }

        public void Close(string quantity, double[] expected, double[] actual)
        {
            if (expected.Length != actual.Length)
                Assert.Fail($"{fixture}: {quantity} has {actual.Length} values, PyTorch has {expected.Length}.");
            for (int k = 0; k < expected.Length; k++)
            {
                double err = Math.Abs(expected[k] - actual[k]);
                Count++;
                if (!(err <= tolerance))
                    Assert.Fail($"{fixture}: {quantity}[{k}] expected {expected[k]:R} (PyTorch), actual {actual[k]:R}, |error| {err:g3} > {tolerance:g2}.");
                if (err > Worst) (Worst, WorstQuantity) = (err, $"{quantity}[{k}]");
            }
        }
    }
}

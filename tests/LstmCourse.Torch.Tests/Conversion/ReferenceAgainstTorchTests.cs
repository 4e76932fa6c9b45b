using LstmCourse.Cells;
using LstmCourse.Losses;
using LstmCourse.Models;
using LstmCourse.Numerics;
using LstmCourse.Torch.Tests.Support;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace LstmCourse.Torch.Tests.Conversion;

/// <summary>The reference engine (SequenceModel, float64) against TorchSharp's nn.LSTM + nn.Linear holding the same weights
/// (TorchConversion.ToTorch), on random shapes with random initial states and a cross-entropy loss: every h_t and c_t of
/// every layer, the loss, and the gradient of every parameter, of the inputs and of the initial states.</summary>
public class ReferenceAgainstTorchTests(ITestOutputHelper output)
{
    /// <summary>Relative error (see <see cref="Agreement"/>) every entry stays below, with a floor of 1e-3 (an entry below 1e-3 must agree to 1e-15 absolute: a cell state c_t near 0 is the sum of terms near 1 that cancel): two float64
    /// computations that sum the same terms in another order differ by a few ulps of the largest term.</summary>
    private const double Tolerance = 1e-12, Floor = 1e-3;

    public static TheoryData<int> Cases() => [.. Enumerable.Range(0, 40)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Steps_loss_and_every_gradient_match_torch(int @case)
    {
        var rng = new Rng(1000 + @case);
        int D = 1 + rng.NextInt(40), H = 1 + rng.NextInt(64), L = 1 + rng.NextInt(3), T = 1 + rng.NextInt(120), V = 2 + rng.NextInt(30);
        if (@case == 0) (D, H, L, T, V) = (40, 64, 3, 120, 31);        // the largest shape, always
        if (@case == 1) (D, H, L, T, V) = (1, 1, 1, 1, 2);             // the smallest
        var model = SequenceModel.Lstm(D, H, V, L, seed: @case, forgetBias: rng.NextDouble());
        var xs = Enumerable.Range(0, T).Select(_ => Enumerable.Range(0, D).Select(_ => rng.NextGaussian()).ToArray()).ToArray();
        var ys = Enumerable.Range(0, T).Select(t => t > 0 && rng.NextDouble() < 0.2 ? -1 : rng.NextInt(V)).ToArray();   // some steps without a target
        var initial = Enumerable.Range(0, L).Select(_ => new RecurrentState(
            Enumerable.Range(0, H).Select(_ => 0.5 * rng.NextGaussian()).ToArray(),
            Enumerable.Range(0, H).Select(_ => rng.NextGaussian()).ToArray())).ToArray();

        // ours: forward, loss, BPTT
        model.Parameters.ZeroGrad();
        var trace = model.Forward(xs, initial);
        var hs = trace.Layers.Select(l => l.Hs).ToArray();
        var cs = trace.Layers.Select(l => l.Cs).ToArray();
        var (loss, dzs) = CrossEntropy.SequenceLossAndGradients(trace.Zs, ys);
        var (dxs, dInitial) = model.Backward(trace, dzs);

        // torch: the same weights, the same numbers
        using var scope = torch.NewDisposeScope();
        using var module = TorchConversion.ToTorch(model);
        var x = torch.tensor(xs.SelectMany(r => r).ToArray(), [1, T, D], ScalarType.Float64).requires_grad_();
        var h0 = torch.tensor(initial.SelectMany(s => s.H).ToArray(), [L, 1, H], ScalarType.Float64).requires_grad_();
        var c0 = torch.tensor(initial.SelectMany(s => s.C).ToArray(), [L, 1, H], ScalarType.Float64).requires_grad_();
        var (logits, _) = module.call(x, (h0, c0));                                        // (1 x T x V)
        var torchLoss = nn.functional.cross_entropy(logits.reshape(T, V), torch.tensor(ys.Select(y => (long)y).ToArray()), ignore_index: -1);
        torchLoss.backward();

        var agree = new Agreement(Floor);
        agree.Add("loss", loss, torchLoss.item<double>());
        using (torch.no_grad())
        {
            var state = (h0.detach(), c0.detach());
            for (int t = 0; t < T; t++)                                                    // nn.LSTM one step at a time: every layer's h_t, c_t
            {
                var (_, h, c) = module.Lstm.call(x.detach()[.., t..(t + 1), ..], state);
                for (int l = 0; l < L; l++)
                {
                    agree.Add($"layer{l}.h[t={t}]", hs[l][t], TorchConversion.ToDoubles(h[l, 0]));
                    agree.Add($"layer{l}.c[t={t}]", cs[l][t], TorchConversion.ToDoubles(c[l, 0]));
                }
                state = (h, c);
            }
        }
        var grads = module.named_parameters().ToDictionary(p => p.name, p => TorchConversion.ToDoubles(p.parameter.grad!));
        for (int l = 0; l < L; l++)
        {
            agree.Add($"layer{l}.Wx", model.Parameters[$"layer{l}.Wx"].Grad.Data, grads[TorchNames.WeightIh(l)]);
            agree.Add($"layer{l}.Wh", model.Parameters[$"layer{l}.Wh"].Grad.Data, grads[TorchNames.WeightHh(l)]);
            agree.Add($"layer{l}.b vs bias_ih", model.Parameters[$"layer{l}.b"].Grad.Data, grads[TorchNames.BiasIh(l)]);
            agree.Add($"layer{l}.b vs bias_hh", model.Parameters[$"layer{l}.b"].Grad.Data, grads[TorchNames.BiasHh(l)]);
            agree.Add($"dh0[{l}]", dInitial[l].H, TorchConversion.ToDoubles(h0.grad![l, 0]));
            agree.Add($"dc0[{l}]", dInitial[l].C, TorchConversion.ToDoubles(c0.grad![l, 0]));
        }
        agree.Add("Wy", model.Parameters["Wy"].Grad.Data, grads[TorchNames.ReadoutWeight]);
        agree.Add("by", model.Parameters["by"].Grad.Data, grads[TorchNames.ReadoutBias]);
        agree.Add("dx", dxs.SelectMany(d => d).ToArray(), TorchConversion.ToDoubles(x.grad!));

        output.WriteLine($"D={D} H={H} L={L} T={T} V={V}: {agree}");
        agree.Below(Tolerance);
    }
}

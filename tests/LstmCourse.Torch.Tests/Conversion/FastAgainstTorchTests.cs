using LstmCourse.Fast;
using LstmCourse.Numerics;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace LstmCourse.Torch.Tests.Conversion;

/// <summary>The fast engine (CharLstm, float32, batched) against TorchSharp's nn.LSTM + nn.Linear in float32 with the same
/// weights (TorchConversion.ToTorch) on one-hot inputs: the mean loss, the final h and c of every layer and stream, and the
/// gradient of every parameter, from random carried states.</summary>
public class FastAgainstTorchTests(ITestOutputHelper output)
{
    /// <summary>Each tensor's error is max_k |ours_k − torch_k| / max_k |torch_k| (its largest entry sets the scale, because
    /// float32 sums of N·T terms round to about 1e-7 of their largest terms, not of each result).</summary>
    private const double Tolerance = 1e-5;

    public static TheoryData<int> Cases() => [.. Enumerable.Range(0, 16)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loss_final_state_and_every_gradient_match_torch_in_float32(int @case)
    {
        var rng = new Rng(2000 + @case);
        int V = 2 + rng.NextInt(60), H = 1 + rng.NextInt(96), L = 1 + rng.NextInt(3), N = 1 + rng.NextInt(12), T = 1 + rng.NextInt(64);
        if (@case == 0) (V, H, L, N, T) = (100, 128, 2, 32, 50);        // the bench's shape, with two layers
        var model = new CharLstm(V, H, L, seed: @case) { Threads = 1 };
        int[] inputs = Enumerable.Range(0, N * T).Select(_ => rng.NextInt(V)).ToArray(), targets = Enumerable.Range(0, N * T).Select(_ => rng.NextInt(V)).ToArray();
        var state = model.NewState(N);
        for (int l = 0; l < L; l++)
            for (int k = 0; k < N * H; k++) { state.H(l)[k] = (float)(0.5 * rng.NextGaussian()); state.C(l)[k] = (float)rng.NextGaussian(); }
        float[][] h0 = Enumerable.Range(0, L).Select(l => (float[])state.H(l).Clone()).ToArray(), c0 = Enumerable.Range(0, L).Select(l => (float[])state.C(l).Clone()).ToArray();

        float loss = model.ForwardBackward(inputs, targets, N, T, state);

        using var scope = torch.NewDisposeScope();
        using var module = TorchConversion.ToTorch(model);
        var x = module.OneHot(torch.tensor(inputs.Select(v => (long)v).ToArray(), [N, T]));                  // (N x T x V)
        var (logits, (hT, cT)) = module.call(x, (torch.tensor(h0.SelectMany(a => a).ToArray(), [L, N, H]), torch.tensor(c0.SelectMany(a => a).ToArray(), [L, N, H])));
        var torchLoss = nn.functional.cross_entropy(logits.reshape(N * T, V), torch.tensor(targets.Select(v => (long)v).ToArray()));
        torchLoss.backward();

        var errors = new List<(string What, double Error)> { ("loss", Math.Abs(loss - torchLoss.item<float>()) / Math.Abs(torchLoss.item<float>())) };
        for (int l = 0; l < L; l++)
        {
            errors.Add(($"final h layer {l}", Scaled(state.H(l), TorchConversion.ToDoubles(hT[l]))));
            errors.Add(($"final c layer {l}", Scaled(state.C(l), TorchConversion.ToDoubles(cT[l]))));
        }
        var grads = module.named_parameters().ToDictionary(p => p.name, p => TorchConversion.ToDoubles(p.parameter.grad!));
        foreach (var p in model.Parameters)
        {
            string key = TorchKey(p.Name);
            errors.Add((p.Name, Scaled(p.Grad, grads[key])));
            if (key.Contains("bias_ih")) errors.Add((p.Name + " vs bias_hh", Scaled(p.Grad, grads[key.Replace("bias_ih", "bias_hh")])));
        }
        var worst = errors.MaxBy(e => e.Error);
        output.WriteLine($"V={V} H={H} L={L} N={N} T={T}: worst {worst.Error:e2} in {worst.What}; " + string.Join(", ", errors.Select(e => $"{e.What} {e.Error:e1}")));
        Assert.True(worst.Error < Tolerance, $"{worst.What}: error {worst.Error:e2} is not below {Tolerance:g}");
    }

    private static string TorchKey(string ours)
    {
        if (ours == "Wy") return TorchNames.ReadoutWeight;
        if (ours == "by") return TorchNames.ReadoutBias;
        int l = int.Parse(ours["layer".Length..ours.IndexOf('.')]);
        return ours.EndsWith(".Wx") ? TorchNames.WeightIh(l) : ours.EndsWith(".Wh") ? TorchNames.WeightHh(l) : TorchNames.BiasIh(l);
    }

    private static double Scaled(float[] ours, double[] theirs)
    {
        Assert.Equal(theirs.Length, ours.Length);
        double diff = 0, scale = 0;
        for (int k = 0; k < ours.Length; k++)
        {
            Assert.True(float.IsFinite(ours[k]), $"entry {k} is {ours[k]}");
            diff = Math.Max(diff, Math.Abs(ours[k] - theirs[k]));
            scale = Math.Max(scale, Math.Abs(theirs[k]));
        }
        return scale == 0 ? diff : diff / scale;
    }
}

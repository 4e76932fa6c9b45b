using LstmCourse.Fast;
using LstmCourse.Kernels;
using LstmCourse.Numerics;

namespace LstmCourse.Tests.Fast;

/// <summary>The sampling path (one character of one stream) against the batched training forward pass.</summary>
public class CharLstmStepTests
{
    public static TheoryData<int, int, int, string> Shapes()
    {
        var data = new TheoryData<int, int, int, string>();
        foreach (var path in LstmCourse.Kernels.Kernels.AvailablePaths.Select(p => p.ToString()))
        {
            data.Add(1, 7, 13, path);
            data.Add(2, 33, 10, path);
            data.Add(3, 16, 5, path);
        }
        return data;
    }

    /// <summary>Tolerance 1e-5·(1 + |y|): both paths sum the same float products, in a different order.</summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void Step_gives_the_training_forward_logits_step_by_step(int L, int H, int V, string path)
    {
        int N = 3, T = 6;
        var rng = new Rng(21);
        var model = new CharLstm(V, H, L, seed: 2) { Path = Enum.Parse<KernelPath>(path) };
        var inputs = Reference.Tokens(N, T, V, rng);
        var state = model.NewState(N);
        Reference.Randomize(state, rng);
        var initial = state.Copy();

        var batched = model.ForwardLogits(inputs, N, T, state);        // (NT x V), row t·N + n

        var logits = new float[V];
        for (int n = 0; n < N; n++)
        {
            var s = model.NewInferenceState();
            for (int l = 0; l < L; l++)
            {
                initial.H(l).AsSpan(n * H, H).CopyTo(s.H(l));
                initial.C(l).AsSpan(n * H, H).CopyTo(s.C(l));
            }
            for (int t = 0; t < T; t++)
            {
                model.Step(inputs[n * T + t], s, logits);
                for (int k = 0; k < V; k++)
                {
                    float expected = batched[(t * N + n) * V + k];
                    Assert.True(Math.Abs(logits[k] - expected) <= 1e-5 * (1 + Math.Abs(expected)),
                        $"stream {n}, step {t}, logit {k}: Step {logits[k]} vs batched {expected}");
                }
            }
            for (int l = 0; l < L; l++)
                for (int k = 0; k < H; k++)
                    Assert.True(Math.Abs(s.H(l)[k] - state.H(l)[n * H + k]) <= 1e-5, $"final h, layer {l}, stream {n}, unit {k}");
        }
    }

    [Fact]
    public void Copied_inference_states_evolve_independently_and_identically()
    {
        var model = new CharLstm(9, 8, 2, seed: 1);
        var a = model.NewInferenceState();
        var ya = new float[9];
        var yb = new float[9];
        model.Step(3, a, ya);
        var b = a.Copy();
        model.Step(4, a, ya);
        model.Step(4, b, yb);
        Assert.Equal(ya, yb);
        model.Step(5, a, ya);
        Assert.NotEqual(a.H(1), b.H(1));
        b.Reset();
        Assert.All(b.H(0).Concat(b.C(1)), v => Assert.Equal(0f, v));
    }
}

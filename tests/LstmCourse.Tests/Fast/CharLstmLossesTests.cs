using LstmCourse.Fast;
using LstmCourse.Numerics;

namespace LstmCourse.Tests.Fast;

/// <summary>Per-target losses: each one is −log softmax of its logits, and their mean is the batch loss.</summary>
public class CharLstmLossesTests
{
    [Theory]
    [InlineData(1, 1, 9)]
    [InlineData(3, 5, 2)]
    public void Each_loss_is_the_cross_entropy_of_its_logits_in_the_inputs_layout_and_their_mean_is_Loss(int N, int T, int layers)
    {
        int V = 11;
        var rng = new Rng(12);
        var model = new CharLstm(V, 16, layers, seed: 5);
        var inputs = Reference.Tokens(N, T, V, rng);
        var targets = Reference.Tokens(N, T, V, rng);

        var losses = model.Losses(inputs, targets, N, T, model.NewState(N));
        var logits = model.ForwardLogits(inputs, N, T, model.NewState(N));      // rows t·N + n
        for (int n = 0; n < N; n++)
            for (int t = 0; t < T; t++)
            {
                var z = logits.AsSpan((t * N + n) * V, V).ToArray().Select(v => (double)v).ToArray();
                double max = z.Max(), logSum = max + Math.Log(z.Sum(v => Math.Exp(v - max)));
                Assert.Equal(logSum - z[targets[n * T + t]], losses[n * T + t], 1e-4);
            }
        Assert.Equal(model.Loss(inputs, targets, N, T, model.NewState(N)), losses.Average(), 1e-5);
    }

    [Fact]
    public void Losses_advance_the_state_like_Loss()
    {
        var model = new CharLstm(7, 8, 1, seed: 2);
        int[] tokens = [1, 2, 3, 4, 5, 6];
        var a = model.NewState(2);
        var b = model.NewState(2);
        model.Losses(tokens, tokens, 2, 3, a);
        model.Loss(tokens, tokens, 2, 3, b);
        Assert.Equal(b.H(0), a.H(0));
        Assert.Equal(b.C(0), a.C(0));
        Assert.Throws<ArgumentException>(() => model.Losses(tokens, tokens, 2, 4, a));
    }
}

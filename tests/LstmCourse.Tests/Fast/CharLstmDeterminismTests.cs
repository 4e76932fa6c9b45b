using LstmCourse.Fast;
using LstmCourse.Numerics;

namespace LstmCourse.Tests.Fast;

/// <summary>Same seed, same data: bit-identical weights and gradients whatever the thread count and however the
/// recurrence is shared among threads.</summary>
public class CharLstmDeterminismTests
{
    private static (float[][] weights, float[][] grads, float[] losses) Train(int threads, int H, int layers, RecurrentSplit split)
    {
        int N = 5, T = 7, V = 23;
        var model = new CharLstm(V, H, layers, seed: 12) { ThreadsUnchecked = threads, Split = split };
        var data = new Rng(99);
        var dropoutRng = new Rng(100);
        var state = model.NewState(N);
        var losses = new float[6];
        for (int step = 0; step < losses.Length; step++)
        {
            var inputs = Reference.Tokens(N, T, V, data);
            var targets = Reference.Tokens(N, T, V, data);
            losses[step] = model.ForwardBackward(inputs, targets, N, T, state, dropout: 0.1f, dropoutRng);
            foreach (var p in model.Parameters)
                for (int k = 0; k < p.Count; k++) p.Value[k] -= 0.5f * p.Grad[k];   // plain SGD
        }
        return (model.Parameters.Select(p => p.Value.ToArray()).ToArray(), model.Parameters.Select(p => p.Grad.ToArray()).ToArray(), losses);
    }

    [Theory]
    [InlineData(37, 1, "Streams")]
    [InlineData(64, 2, "Streams")]
    [InlineData(37, 1, "Units")]     // two unit ranges, the second with the 5 units past the last 16
    [InlineData(64, 2, "Units")]     // up to three unit ranges
    public void Training_is_bit_identical_with_one_two_and_three_threads(int H, int layers, string split)
    {
        var one = Train(1, H, layers, RecurrentSplit.Auto);
        foreach (int threads in new[] { 2, 3 })
        {
            var many = Train(threads, H, layers, Enum.Parse<RecurrentSplit>(split));
            Assert.Equal(one.losses, many.losses);
            for (int p = 0; p < one.weights.Length; p++)
            {
                Assert.Equal(one.weights[p], many.weights[p]);
                Assert.Equal(one.grads[p], many.grads[p]);
            }
        }
        Assert.True(one.losses[^1] < one.losses[0], $"SGD should lower the loss: {string.Join(", ", one.losses)}");
    }
}

using LstmCourse.Fast;
using LstmCourse.Numerics;

namespace LstmCourse.Tests.Fast;

/// <summary>The carried state: batches run back to back continue the streams exactly.</summary>
public class CharLstmStateTests
{
    [Theory]
    [InlineData(1, 16)]
    [InlineData(2, 37)]
    public void Two_batches_with_carried_state_equal_one_batch_twice_as_long(int layers, int H)
    {
        int N = 3, T = 4, V = 11;
        var rng = new Rng(31);
        var model = new CharLstm(V, H, layers, seed: 8);
        var tokens = Reference.Tokens(N, 2 * T, V, rng);
        var first = Enumerable.Range(0, N).SelectMany(n => tokens.Skip(n * 2 * T).Take(T)).ToArray();
        var second = Enumerable.Range(0, N).SelectMany(n => tokens.Skip(n * 2 * T + T).Take(T)).ToArray();

        var whole = model.NewState(N);
        var longLogits = model.ForwardLogits(tokens, N, 2 * T, whole);          // rows t·N + n, t < 2T
        var chunked = model.NewState(N);
        var a = model.ForwardLogits(first, N, T, chunked);
        var b = model.ForwardLogits(second, N, T, chunked);

        Assert.Equal(longLogits, a.Concat(b).ToArray());                        // time-major rows: the halves follow each other
        for (int l = 0; l < layers; l++)
        {
            Assert.Equal(whole.H(l), chunked.H(l));
            Assert.Equal(whole.C(l), chunked.C(l));
        }
    }

    [Fact]
    public void Reset_state_starts_the_streams_again()
    {
        var model = new CharLstm(7, 8, 2, seed: 1);
        int[] tokens = [1, 2, 3, 4, 5, 6];
        var state = model.NewState(2);
        float fresh = model.Loss(tokens, tokens, 2, 3, state);
        float carried = model.Loss(tokens, tokens, 2, 3, state);
        state.Reset();
        Assert.NotEqual(fresh, carried);
        Assert.Equal(fresh, model.Loss(tokens, tokens, 2, 3, state));
    }
}

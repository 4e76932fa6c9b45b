using LstmCourse.Cells;
using LstmCourse.Fast;
using LstmCourse.Losses;
using LstmCourse.Numerics;

namespace LstmCourse.Tests.Fast;

/// <summary>Inverted dropout on the inputs of layers 1..L−1 and of Wy: masks, evaluation mode and gradients.</summary>
public class CharLstmDropoutTests
{
    [Fact]
    public void Evaluation_loss_equals_the_training_loss_without_dropout()
    {
        var rng = new Rng(1);
        var model = new CharLstm(11, 9, 2, seed: 4);
        var inputs = Reference.Tokens(3, 6, 11, rng);
        var targets = Reference.Tokens(3, 6, 11, rng);
        var s1 = model.NewState(3);
        Reference.Randomize(s1, rng);
        var s2 = s1.Copy();

        float eval = model.Loss(inputs, targets, 3, 6, s1);
        float train = model.ForwardBackward(inputs, targets, 3, 6, s2, dropout: 0f);

        Assert.Equal(train, eval);
        for (int l = 0; l < 2; l++) Assert.Equal(s2.H(l), s1.H(l));
    }

    [Fact]
    public void Masks_are_zero_or_one_over_keep_probability_and_drop_about_p()
    {
        const float p = 0.3f;
        int N = 8, T = 25, H = 20, V = 7, L = 2;
        var rng = new Rng(2);
        var model = new CharLstm(V, H, L, seed: 4);
        model.ForwardBackward(Reference.Tokens(N, T, V, rng), Reference.Tokens(N, T, V, rng), N, T, model.NewState(N), p, new Rng(5));
        for (int site = 1; site <= L; site++)
        {
            var mask = model.DropoutMask(site);
            Assert.Equal(N * T * H, mask.Length);
            Assert.All(mask, m => Assert.True(m == 0f || m == 1f / (1f - p), $"mask value {m}"));
            double dropped = mask.Count(m => m == 0f) / (double)mask.Length;
            double sigma = Math.Sqrt(p * (1 - p) / mask.Length);
            Assert.True(Math.Abs(dropped - p) < 5 * sigma, $"site {site} dropped {dropped:P2}, expected {p:P0} ± {5 * sigma:P2}");
        }
    }

    [Theory]
    [InlineData(1, 3, 4, 6, 9)]
    [InlineData(2, 3, 4, 7, 9)]
    [InlineData(3, 2, 5, 5, 4)]
    public void Gradients_with_dropout_match_the_reference_with_the_same_masks(int L, int N, int T, int H, int V)
    {
        const float p = 0.25f;
        var rng = new Rng(8);
        var fast = new CharLstm(V, H, L, seed: 6);
        var reference = Reference.Twin(fast);
        var inputs = Reference.Tokens(N, T, V, rng);
        var targets = Reference.Tokens(N, T, V, rng);
        var state = fast.NewState(N);
        Reference.Randomize(state, rng);
        var initial = state.Copy();

        float loss = fast.ForwardBackward(inputs, targets, N, T, state, p, new Rng(77));

        var masks = Enumerable.Range(0, L + 1).Select(site => site == 0 ? [] : fast.DropoutMask(site)).ToArray();
        double Mask(int site, int t, int n, int k) => masks[site][(t * N + n) * H + k];
        double[] Masked(double[] h, int site, int t, int n) => h.Select((v, k) => v * Mask(site, t, n, k)).ToArray();
        reference.Parameters.ZeroGrad();
        double refLoss = 0;
        for (int n = 0; n < N; n++)
        {
            var init = Reference.Initial(initial, n);
            var traces = new LstmCourse.Sequences.SequenceTrace[L];
            IReadOnlyList<double[]> x = Enumerable.Range(0, T).Select(t => Reference.OneHot(inputs[n * T + t], V)).ToArray();
            for (int l = 0; l < L; l++)
            {
                traces[l] = reference.Layers[l].Forward(x, init[l]);
                x = traces[l].Hs.Select((h, t) => Masked(h, l + 1, t, n)).ToArray();   // layer l+1's (or Wy's) input
            }
            var zs = x.Select(reference.Output.Forward).ToArray();
            var (lossN, dzs) = CrossEntropy.SequenceLossAndGradients(zs, Enumerable.Range(0, T).Select(t => targets[n * T + t]).ToArray());
            refLoss += lossN / N;
            IReadOnlyList<double[]?> dh = Enumerable.Range(0, T).Select(t => Masked(reference.Output.Backward(x[t], dzs[t]!), L, t, n)).ToArray();
            for (int l = L - 1; l >= 0; l--)
            {
                var (dxs, _) = reference.Layers[l].Backward(traces[l], dh);
                dh = l > 0 ? dxs.Select((d, t) => Masked(d, l, t, n)).ToArray() : [];
            }
        }

        Assert.True(Math.Abs(loss - refLoss) <= 2e-7 + 1e-5 * refLoss, $"loss: fast {loss} vs reference {refLoss}");
        foreach (var prm in fast.Parameters)
            Reference.Close("d" + prm.Name, prm.Grad, reference.Parameters[prm.Name].Grad.Data.Select(g => g / N).ToArray(), 1e-5, 2e-7);
    }
}

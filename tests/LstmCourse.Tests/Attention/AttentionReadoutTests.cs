using LstmCourse.Attention;
using LstmCourse.Diagnostics;
using LstmCourse.Fitting;
using LstmCourse.Numerics;

namespace LstmCourse.Tests.Attention;

public class AttentionReadoutTests
{
    private static Example RandomStates(int T, int D, int V, int seed)
    {
        var rng = new Rng(seed);
        var vs = Enumerable.Range(0, T).Select(_ => Enumerable.Range(0, D).Select(_ => rng.NextGaussian()).ToArray()).ToArray();
        return Example.ManyToOne(vs, rng.NextInt(V));
    }

    [Theory]
    [InlineData(6, 3, 4)]
    [InlineData(1, 2, 2)]
    [InlineData(9, 5, 3)]
    public void Analytic_gradients_match_centered_differences_for_the_parameters_and_the_states(int T, int D, int V)
    {
        var readout = new AttentionReadout(D, V, seed: 3);
        var examples = new[] { RandomStates(T, D, V, 11), RandomStates(T, D, V, 12) };
        double Loss() => examples.Sum(e => readout.Evaluate(e, false).Loss);
        GradientCheck.Run(readout.Parameters.All, Loss, () =>
        {
            readout.Parameters.ZeroGrad();
            foreach (var e in examples) readout.Evaluate(e, true);
        }).ThrowIfAbove(1e-6);
        Assert.Equal(["q", "Wy", "by"], readout.Parameters.Names);

        var e0 = examples[0];                                                      // dL/dv_t by centered differences
        var trace = readout.Forward(e0.Xs);
        var dz = new double[V];
        LstmCourse.Losses.CrossEntropy.LossAndGradient(trace.Z, e0.Labels![^1], dz);
        readout.Parameters.ZeroGrad();
        var dvs = readout.Backward(e0.Xs, trace, dz);
        for (int t = 0; t < T; t++)
            for (int k = 0; k < D; k++)
            {
                double keep = e0.Xs[t][k], h = 1e-5;
                e0.Xs[t][k] = keep + h; double up = readout.Evaluate(e0, false).Loss;
                e0.Xs[t][k] = keep - h; double down = readout.Evaluate(e0, false).Loss;
                e0.Xs[t][k] = keep;
                double numeric = (up - down) / (2 * h);
                Assert.True(Math.Abs(numeric - dvs[t][k]) <= 1e-6 * Math.Max(1, Math.Abs(numeric)), $"dv[{t}][{k}]: analytic {dvs[t][k]:R}, numeric {numeric:R}");
            }
    }

    [Fact]
    public void The_classifier_is_its_encoder_followed_by_the_readout()
    {
        var model = AttentionClassifier.Rnn(3, 4, 2, seed: 7);
        var e = RandomStates(5, 3, 2, 8);
        var whole = model.Forward(e.Xs);
        var alone = model.Readout.Forward(model.Encoder.Forward(e.Xs).Hs);
        Assert.Equal(alone.Z, whole.Z);
        Assert.Equal(alone.Alpha, whole.Alpha);
        Assert.Same(model.q, model.Readout.q);
    }

    [Fact]
    public void A_readout_learns_to_look_at_the_one_state_that_holds_the_answer()
    {
        // Each sequence: T = 12 states whose second entry is ±2 at random; one random step is marked by a first entry of
        // 3, and its second entry says the class. Averaging all states says nothing; attention must find the mark.
        var rng = new Rng(5);
        Example Make()
        {
            var vs = Enumerable.Range(0, 12).Select(_ => new[] { 0.3 * rng.NextGaussian(), rng.NextInt(2) == 1 ? 2.0 : -2.0, rng.NextGaussian() }).ToArray();
            int p = rng.NextInt(12), y = rng.NextInt(2);
            vs[p][0] = 3;
            vs[p][1] = y == 1 ? 2 : -2;
            return Example.ManyToOne(vs, y);
        }
        var train = Enumerable.Range(0, 300).Select(_ => Make()).ToArray();
        var test = Enumerable.Range(0, 100).Select(_ => Make()).ToArray();
        var readout = new AttentionReadout(3, 2, seed: 1);
        Fitter.Fit(readout, train, new FitConfig { Epochs = 30, BatchSize = 10, LearningRate = 0.05, Seed = 1 });
        Assert.True(Fitter.Evaluate(readout, test).Accuracy >= 0.95, $"accuracy {Fitter.Evaluate(readout, test).Accuracy:P0}");
        Assert.All(test, e =>
        {
            var a = readout.AttentionWeights(e.Xs);
            Assert.Equal(Array.FindIndex(e.Xs, v => v[0] == 3), Array.IndexOf(a, a.Max()));
        });
    }

    [Fact]
    public void Bad_examples_are_rejected_with_a_reason()
    {
        var readout = new AttentionReadout(2, 2);
        Assert.Contains("step 0", Assert.Throws<ArgumentException>(() => readout.Evaluate(Example.Classify([[1.0, 2], [2.0, 1]], [0, 1]), false)).Message);
        Assert.Contains("vs[0] has length 1", Assert.Throws<ArgumentException>(() => readout.Forward([[1.0]])).Message);
        Assert.Contains("no states", Assert.Throws<ArgumentException>(() => readout.Forward([])).Message);
    }
}

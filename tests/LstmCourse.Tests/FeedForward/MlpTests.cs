using LstmCourse.Diagnostics;
using LstmCourse.FeedForward;
using LstmCourse.Fitting;
using LstmCourse.Numerics;

namespace LstmCourse.Tests.FeedForward;

public class MlpTests
{
    [Theory]
    [InlineData(HiddenActivation.Sigmoid, new[] { 2, 3, 1 })]
    [InlineData(HiddenActivation.Tanh, new[] { 3, 4, 5, 1 })]
    [InlineData(HiddenActivation.Identity, new[] { 2, 3, 1 })]
    [InlineData(HiddenActivation.Relu, new[] { 3, 6, 1 })]
    [InlineData(HiddenActivation.Sigmoid, new[] { 4, 1 })]
    public void Analytic_gradients_match_centered_differences(HiddenActivation activation, int[] sizes)
    {
        var mlp = new Mlp(sizes, activation, seed: 3);
        var rng = new Rng(8);
        var data = Enumerable.Range(0, 5)
            .Select(n => Example.Single(Enumerable.Range(0, sizes[0]).Select(_ => rng.NextGaussian()).ToArray(), n % 2))
            .ToArray();
        double Loss() => data.Sum(e => mlp.Evaluate(e, false).Loss);
        var report = GradientCheck.Run(mlp.Parameters.All, Loss, () =>
        {
            mlp.Parameters.ZeroGrad();
            foreach (var e in data) mlp.Evaluate(e, true);
        });
        report.ThrowIfAbove(1e-6);
        Assert.True(report.Passes(1e-6));
    }

    [Fact]
    public void Parameters_are_named_like_the_slides_and_shaped_out_by_in()
    {
        var mlp = new Mlp([2, 3, 1]);
        Assert.Equal(["W1", "b1", "W2", "b2"], mlp.Parameters.Names);
        Assert.Equal((3, 2), (mlp.W[0].Value.Rows, mlp.W[0].Value.Cols));
        Assert.Equal((1, 3), (mlp.W[1].Value.Rows, mlp.W[1].Value.Cols));
    }

    [Fact]
    public void Forward_is_the_slides_formula_written_out()
    {
        var mlp = new Mlp([2, 3, 1], HiddenActivation.Sigmoid, seed: 5);
        double x1 = 0.7, x2 = -1.2;
        double S(double v) => 1 / (1 + Math.Exp(-v));
        var W1 = mlp.W[0].Value; var b1 = mlp.b[0].Value; var W2 = mlp.W[1].Value; var b2 = mlp.b[1].Value;
        double sum = b2[0, 0];
        for (int k = 0; k < 3; k++)
        {
            double ak = W1[k, 0] * x1 + W1[k, 1] * x2 + b1[k, 0];       // a_k = w_1k x_1 + w_2k x_2 + b_k
            sum += W2[0, k] * S(ak);
        }
        Assert.Equal(S(sum), mlp.Probability(x1, x2), 1e-15);            // y = σ(Σ_k w2_k σ(a_k) + b2)
    }

    [Fact]
    public void Binary_cross_entropy_stays_finite_at_extreme_logits()
    {
        var (loss, dA) = Mlp.BinaryCrossEntropy(1000, 0);
        Assert.Equal(1000, loss, 1e-9);
        Assert.Equal(1, dA, 1e-15);
        (loss, dA) = Mlp.BinaryCrossEntropy(-1000, 0);
        Assert.Equal(0, loss, 1e-15);
        Assert.Equal(0, dA, 1e-15);
        (loss, _) = Mlp.BinaryCrossEntropy(0, 1);
        Assert.Equal(Math.Log(2), loss, 1e-15);
    }

    [Fact]
    public void A_linear_net_cannot_separate_xor_but_a_sigmoid_2_3_1_net_can()
    {
        var train = XorClusters.Generate(200, 0.3, seed: 1);
        var test = XorClusters.Generate(200, 0.3, seed: 2);
        var config = new FitConfig { Epochs = 100, BatchSize = 16, LearningRate = 0.05, Seed = 0 };
        var linear = new Mlp([2, 3, 1], HiddenActivation.Identity, seed: 0);
        var sigmoid = new Mlp([2, 3, 1], HiddenActivation.Sigmoid, seed: 0);
        Fitter.Fit(linear, train, config);
        Fitter.Fit(sigmoid, train, config);
        double linearAccuracy = Accuracy.PerStep(linear, test), sigmoidAccuracy = Accuracy.PerStep(sigmoid, test);
        Assert.True(linearAccuracy <= 0.75, $"linear accuracy {linearAccuracy:P1}");
        Assert.True(sigmoidAccuracy >= 0.95, $"sigmoid accuracy {sigmoidAccuracy:P1}");
    }

    [Fact]
    public void The_decision_grid_samples_the_probability_from_bottom_left()
    {
        var mlp = new Mlp([2, 3, 1], HiddenActivation.Tanh, seed: 1);
        var grid = mlp.DecisionGrid(-2, 2, -1, 3, 5);
        Assert.Equal(mlp.Probability(-2, -1), grid[0, 0], 1e-15);
        Assert.Equal(mlp.Probability(2, -1), grid[0, 4], 1e-15);
        Assert.Equal(mlp.Probability(-2, 3), grid[4, 0], 1e-15);
        Assert.Equal(mlp.Probability(1, 0), grid[1, 3], 1e-15);
    }

    [Fact]
    public void Bad_shapes_and_inputs_are_rejected_with_the_fix()
    {
        Assert.Contains("end sizes with 1", Assert.Throws<ArgumentException>(() => new Mlp([2, 3, 2])).Message);
        Assert.Contains("at least input and output", Assert.Throws<ArgumentException>(() => new Mlp([2])).Message);
        Assert.Contains("sizes[1] is 0", Assert.Throws<ArgumentException>(() => new Mlp([2, 0, 1])).Message);
        var mlp = new Mlp([2, 3, 1]);
        Assert.Contains("expected 2", Assert.Throws<ArgumentException>(() => mlp.Probability(1.0, 2.0, 3.0)).Message);
        Assert.Contains("0 or 1", Assert.Throws<ArgumentException>(() => mlp.Evaluate(Example.Single([1.0, 2.0], 2), false)).Message);
        Assert.Contains("one-step", Assert.Throws<ArgumentException>(() => mlp.Evaluate(Example.Classify([[1.0, 2.0], [1.0, 2.0]], [0, 1]), false)).Message);
    }
}

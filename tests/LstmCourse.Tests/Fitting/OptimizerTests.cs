using LstmCourse.Fitting;
using LstmCourse.Numerics;
using LstmCourse.Parameters;

namespace LstmCourse.Tests.Fitting;

/// <summary>The optimizers on L(θ) = ½ Σ (θ − a)², whose gradient is θ − a, against steps worked out by hand.</summary>
public class OptimizerTests
{
    private static readonly double[] a = [0.5, -1.0];

    private static ParameterSet Quadratic(double[] theta) => new([new Parameter("theta", new Matrix(2, 1, theta))]);

    private static void Gradient(ParameterSet ps)
    {
        var p = ps["theta"];
        for (int k = 0; k < 2; k++) p.Grad.Data[k] = p.Value.Data[k] - a[k];   // dL/dθ = θ − a
    }

    private static double[] Run(IOptimizer optimizer, double[] theta0, int steps)
    {
        var ps = Quadratic(theta0);
        for (int s = 0; s < steps; s++)
        {
            Gradient(ps);
            optimizer.Step(ps);
        }
        return ps["theta"].Value.Data;
    }

    [Fact]
    public void Sgd_takes_theta_minus_eta_g()
    {
        var theta = Run(new Sgd(0.1), [2.0, 3.0], 1);
        // g = θ − a = [1.5, 4.0];  θ − 0.1 g = [1.85, 2.6]
        Assert.Equal(1.85, theta[0], 1e-15);
        Assert.Equal(2.6, theta[1], 1e-15);
    }

    [Fact]
    public void Sgd_with_momentum_accumulates_velocity()
    {
        var theta = Run(new Sgd(0.1, momentum: 0.9), [2.0, 3.0], 2);
        // step 1: g = [1.5, 4.0], v = g, θ = [1.85, 2.6]
        // step 2: g = [1.35, 3.6], v = 0.9 [1.5, 4.0] + g = [2.7, 7.2], θ = [1.85 − 0.27, 2.6 − 0.72] = [1.58, 1.88]
        Assert.Equal(1.58, theta[0], 1e-14);
        Assert.Equal(1.88, theta[1], 1e-14);
    }

    [Fact]
    public void Adam_first_step_moves_each_weight_by_about_eta()
    {
        var theta = Run(new Adam(0.1), [2.0, 3.0], 1);
        // m̂ = g, v̂ = g², so the step is η g / (|g| + ε) = η sign(g) up to ε
        Assert.Equal(1.9, theta[0], 1e-8);
        Assert.Equal(2.9, theta[1], 1e-8);
    }

    [Fact]
    public void Adam_second_step_matches_the_bias_corrected_moments()
    {
        var theta = Run(new Adam(0.1), [2.0, 3.0], 2);
        // after step 1: θ = [1.9, 2.9] (to 1e-8), so g2 = [1.4, 3.9]
        // m = 0.9 · 0.1 g1 + 0.1 g2,  v = 0.999 · 0.001 g1² + 0.001 g2²
        // m̂ = m / (1 − 0.81),  v̂ = v / (1 − 0.998001),  θ −= 0.1 m̂ / (√v̂ + 1e-8)
        double[] g1 = [1.5, 4.0];
        double[] expected = new double[2];
        for (int k = 0; k < 2; k++)
        {
            double theta1 = (k == 0 ? 2.0 : 3.0) - 0.1 * g1[k] / (Math.Abs(g1[k]) + 1e-8);
            double g2 = theta1 - a[k];
            double m = 0.9 * 0.1 * g1[k] + 0.1 * g2;
            double v = 0.999 * 0.001 * g1[k] * g1[k] + 0.001 * g2 * g2;
            expected[k] = theta1 - 0.1 * (m / (1 - 0.81)) / (Math.Sqrt(v / (1 - 0.998001)) + 1e-8);
        }
        Assert.Equal(expected[0], theta[0], 1e-13);
        Assert.Equal(expected[1], theta[1], 1e-13);
        Assert.Equal(1.80024, theta[0], 1e-5);    // the same numbers worked out on paper
        Assert.Equal(2.80007, theta[1], 1e-5);
    }

    [Fact]
    public void Adam_and_sgd_reach_the_minimum_of_the_quadratic()
    {
        var adam = Run(new Adam(0.05), [2.0, 3.0], 2000);
        var sgd = Run(new Sgd(0.1), [2.0, 3.0], 500);
        for (int k = 0; k < 2; k++)
        {
            Assert.Equal(a[k], adam[k], 1e-3);
            Assert.Equal(a[k], sgd[k], 1e-12);
        }
    }

    [Fact]
    public void Bad_hyperparameters_are_rejected_with_their_name()
    {
        Assert.Contains("learningRate", Assert.Throws<ArgumentException>(() => new Sgd(0)).Message);
        Assert.Contains("momentum", Assert.Throws<ArgumentException>(() => new Sgd(0.1, 1.0)).Message);
        Assert.Contains("learningRate", Assert.Throws<ArgumentException>(() => new Adam(double.NaN)).Message);
        Assert.Contains("beta2", Assert.Throws<ArgumentException>(() => new Adam(0.1, beta2: 1)).Message);
    }
}

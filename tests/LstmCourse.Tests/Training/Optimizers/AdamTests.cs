using LstmCourse.Training.Optimizers;
using static LstmCourse.Tests.Training.Optimizers.OptimizerKit;

namespace LstmCourse.Tests.Training.Optimizers;

public class AdamTests
{
    [Fact]
    public void Three_steps_match_torch_optim_Adam() => MatchesTorch(new Adam(0.9f, 0.999f, 1e-8f), 0.01f, "Adam");

    /// <summary>The formula in double; AdamW's tests reuse it with λ.</summary>
    internal static double[][] Reference(float[] theta0, float[][] grads, double eta, double beta1, double beta2, double eps, double lambda = 0)
    {
        double[] theta = theta0.Select(v => (double)v).ToArray(), m = new double[theta.Length], v = new double[theta.Length];
        var result = new List<double[]>();
        for (int t = 1; t <= grads.Length; t++)
        {
            for (int i = 0; i < theta.Length; i++)
            {
                double g = grads[t - 1][i];
                theta[i] *= 1 - eta * lambda;                                                     // AdamW: θ ← θ (1 − ηλ)
                m[i] = beta1 * m[i] + (1 - beta1) * g;                                            // m ← β₁ m + (1 − β₁) g
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;                                        // v ← β₂ v + (1 − β₂) g²
                double mHat = m[i] / (1 - Math.Pow(beta1, t)), vHat = v[i] / (1 - Math.Pow(beta2, t));
                theta[i] -= eta * mHat / (Math.Sqrt(vHat) + eps);                                 // θ ← θ − η m̂ / (√v̂ + ε)
            }
            result.Add((double[])theta.Clone());
        }
        return [.. result];
    }

    [Theory]
    [InlineData(1e-8f)]
    [InlineData(0.1f)]                  // large enough that ε inside the root, or ε before the bias correction, would fail
    public void Five_steps_match_the_bias_corrected_formula_in_double(float eps)
    {
        var (theta0, grads) = RandomProblem(5);
        var after = Run(new Adam(0.8f, 0.99f, eps), 0.02f, theta0, grads);
        var expected = Reference(theta0, grads, 0.02f, 0.8f, 0.99f, eps);
        for (int t = 0; t < grads.Length; t++) AssertClose(expected[t], after[t], FormulaTolerance, $"step {t + 1}");
    }

    [Fact]
    public void The_first_step_moves_every_weight_by_eta_against_its_gradient_sign()
    {
        var after = Run(new Adam(), 0.01f, [1f, 1f, 1f], [[3f, -0.002f, 50f]]);
        AssertClose([0.99, 1.01, 0.99], after[0], 1e-6, "θ₁");                                  // m̂/√v̂ = g/|g| at t = 1
    }
}

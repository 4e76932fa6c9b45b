using LstmCourse.Training.Optimizers;
using static LstmCourse.Tests.Training.Optimizers.OptimizerKit;

namespace LstmCourse.Tests.Training.Optimizers;

public class RmsPropTests
{
    [Fact]
    public void Three_steps_match_torch_optim_RMSprop() => MatchesTorch(new RmsProp(0.99f, 1e-8f), 0.01f, "RmsProp");

    [Theory]
    [InlineData(1e-8)]
    [InlineData(0.1)]                   // large enough that placing ε inside the root would fail
    public void Five_steps_match_the_mean_square_formula_in_double(double eps)
    {
        var (theta0, grads) = RandomProblem(4);
        const double eta = 0.01, alpha = 0.9;
        var after = Run(new RmsProp((float)alpha, (float)eps), (float)eta, theta0, grads);
        double[] theta = theta0.Select(v => (double)v).ToArray(), v = new double[theta.Length];
        for (int t = 0; t < grads.Length; t++)
        {
            for (int i = 0; i < theta.Length; i++)
            {
                double g = grads[t][i];
                v[i] = alpha * v[i] + (1 - alpha) * g * g;                                        // v ← α v + (1 − α) g²
                theta[i] -= eta * g / (Math.Sqrt(v[i]) + eps);                                    // θ ← θ − η g / (√v + ε)
            }
            AssertClose(theta, after[t], FormulaTolerance, $"step {t + 1}");
        }
    }
}

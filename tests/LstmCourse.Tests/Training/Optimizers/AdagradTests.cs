using LstmCourse.Training.Optimizers;
using static LstmCourse.Tests.Training.Optimizers.OptimizerKit;

namespace LstmCourse.Tests.Training.Optimizers;

public class AdagradTests
{
    [Fact]
    public void Three_steps_match_torch_optim_Adagrad() => MatchesTorch(new Adagrad(1e-10f), 0.1f, "Adagrad");

    [Theory]
    [InlineData(1e-8)]
    [InlineData(0.1)]                   // large enough that placing ε inside the root would fail
    public void Five_steps_match_the_summed_squares_formula_in_double(double eps)
    {
        var (theta0, grads) = RandomProblem(3);
        const double eta = 0.1;
        var after = Run(new Adagrad((float)eps), (float)eta, theta0, grads);
        double[] theta = theta0.Select(v => (double)v).ToArray(), s = new double[theta.Length];
        for (int t = 0; t < grads.Length; t++)
        {
            for (int i = 0; i < theta.Length; i++)
            {
                double g = grads[t][i];
                s[i] += g * g;                                                                    // s ← s + g²
                theta[i] -= eta * g / (Math.Sqrt(s[i]) + eps);                                    // θ ← θ − η g / (√s + ε)
            }
            AssertClose(theta, after[t], FormulaTolerance, $"step {t + 1}");
        }
    }
}

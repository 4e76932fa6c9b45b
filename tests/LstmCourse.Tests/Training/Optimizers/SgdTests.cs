using LstmCourse.Training.Optimizers;
using static LstmCourse.Tests.Training.Optimizers.OptimizerKit;

namespace LstmCourse.Tests.Training.Optimizers;

public class SgdTests
{
    [Fact]
    public void Three_steps_match_torch_optim_SGD() => MatchesTorch(new Sgd(), 0.1f, "Sgd");

    [Fact]
    public void Five_steps_match_theta_minus_eta_g_in_double()
    {
        var (theta0, grads) = RandomProblem(1);
        var after = Run(new Sgd(), 0.3f, theta0, grads);
        double[] theta = theta0.Select(v => (double)v).ToArray();
        for (int t = 0; t < grads.Length; t++)
        {
            for (int i = 0; i < theta.Length; i++) theta[i] -= 0.3 * grads[t][i];          // θ ← θ − η g
            AssertClose(theta, after[t], FormulaTolerance, $"step {t + 1}");
        }
    }
}

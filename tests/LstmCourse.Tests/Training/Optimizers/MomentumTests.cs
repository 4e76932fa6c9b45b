using LstmCourse.Training.Optimizers;
using static LstmCourse.Tests.Training.Optimizers.OptimizerKit;

namespace LstmCourse.Tests.Training.Optimizers;

public class MomentumTests
{
    [Fact]
    public void Three_classic_steps_match_torch_SGD_with_momentum() => MatchesTorch(new Momentum(0.9f), 0.1f, "Momentum");

    [Fact]
    public void Three_Nesterov_steps_match_torch_SGD_with_nesterov() => MatchesTorch(new Momentum(0.9f, nesterov: true), 0.1f, "Nesterov");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Five_steps_match_the_velocity_formula_in_double(bool nesterov)
    {
        var (theta0, grads) = RandomProblem(2);
        const double eta = 0.05, mu = 0.8;
        var after = Run(new Momentum((float)mu, nesterov), (float)eta, theta0, grads);
        double[] theta = theta0.Select(v => (double)v).ToArray(), b = new double[theta.Length];
        for (int t = 0; t < grads.Length; t++)
        {
            for (int i = 0; i < theta.Length; i++)
            {
                b[i] = mu * b[i] + grads[t][i];                                                   // b ← μ b + g
                theta[i] -= eta * (nesterov ? grads[t][i] + mu * b[i] : b[i]);                    // θ ← θ − η b  |  θ − η (g + μ b)
            }
            AssertClose(theta, after[t], FormulaTolerance, $"step {t + 1}");
        }
    }

    [Fact]
    public void Nesterov_without_momentum_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Momentum(0f, nesterov: true));
        Assert.Contains("Nesterov", e.Message);
    }
}

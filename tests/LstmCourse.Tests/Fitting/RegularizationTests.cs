using LstmCourse.Fitting;
using LstmCourse.Numerics;
using LstmCourse.Parameters;

namespace LstmCourse.Tests.Fitting;

public class RegularizationTests
{
    private static ParameterSet Weights() => new([new Parameter("W", new Matrix(1, 3, [2.0, -0.5, 0.0]))]);

    [Fact]
    public void L2_adds_lambda_theta_and_returns_half_lambda_sum_of_squares()
    {
        var ps = Weights();
        double penalty = Regularization.AddL2(ps, 0.1);
        Assert.Equal(0.5 * 0.1 * (4 + 0.25), penalty, 1e-15);
        Assert.Equal([0.2, -0.05, 0.0], ps["W"].Grad.Data, (x, y) => Math.Abs(x - y) < 1e-15);
    }

    [Fact]
    public void L1_adds_lambda_sign_theta_and_returns_lambda_sum_of_magnitudes()
    {
        var ps = Weights();
        double penalty = Regularization.AddL1(ps, 0.1);
        Assert.Equal(0.1 * 2.5, penalty, 1e-15);
        Assert.Equal([0.1, -0.1, 0.0], ps["W"].Grad.Data, (x, y) => Math.Abs(x - y) < 1e-15);
    }

    [Fact]
    public void L2_gradient_matches_the_penalty_by_centered_differences()
    {
        var ps = Weights();
        Regularization.AddL2(ps, 0.3);
        var w = ps["W"].Value.Data;
        for (int k = 0; k < w.Length; k++)
        {
            double saved = w[k], h = 1e-4;
            w[k] = saved + h; double plus = Penalty(w);
            w[k] = saved - h; double minus = Penalty(w);
            w[k] = saved;
            Assert.Equal((plus - minus) / (2 * h), ps["W"].Grad.Data[k], 1e-10);
        }
        static double Penalty(double[] w) => 0.5 * 0.3 * w.Sum(v => v * v);
    }

    [Fact]
    public void Negative_lambda_is_rejected()
    {
        Assert.Contains("lambda", Assert.Throws<ArgumentException>(() => Regularization.AddL1(Weights(), -1)).Message);
    }
}

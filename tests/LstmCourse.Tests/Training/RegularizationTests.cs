using LstmCourse.Fast;
using LstmCourse.Numerics;
using LstmCourse.Training;
using static LstmCourse.Tests.Training.Optimizers.OptimizerKit;

namespace LstmCourse.Tests.Training;

public class RegularizationTests
{
    private static FloatParameter[] Model(int seed)
    {
        var rng = new Rng(seed);
        float[] Values(int n) => Enumerable.Range(0, n).Select(_ => (float)(2 * rng.NextDouble() - 1)).ToArray();
        return [Parameter("layer0.Wx", Values(6)), Parameter("layer0.Wh", Values(4)), Parameter("layer0.b", Values(3)),
                Parameter("Wy", Values(5)), Parameter("by", Values(2))];
    }

    [Fact]
    public void Weight_matrices_are_Wx_Wh_and_Wy_and_biases_are_not()
    {
        Assert.Equal(["layer0.Wx", "layer0.Wh", "Wy"], Model(1).Where(Regularization.IsWeightMatrix).Select(p => p.Name));
    }

    [Theory]
    [InlineData(0.01, 0.0)]
    [InlineData(0.0, 0.02)]
    [InlineData(0.003, 0.05)]
    public void Added_gradients_match_centered_differences_of_the_penalty(double l1, double l2)
    {
        var ps = Model(2);
        Regularization.AddToGradients(ps, l1, l2);                                         // Grad was 0: now dR/dθ
        const float h = 1e-3f;
        foreach (var p in ps)
            for (int i = 0; i < p.Count; i++)
            {
                float w = p.Value[i];
                p.Value[i] = w + h; double plus = Regularization.Penalty(ps, l1, l2);
                p.Value[i] = w - h; double minus = Regularization.Penalty(ps, l1, l2);
                p.Value[i] = w;
                double numeric = (plus - minus) / ((double)(w + h) - (w - h));
                Assert.True(Math.Abs(numeric - p.Grad[i]) < 1e-6, $"{p.Name}[{i}]: analytic {p.Grad[i]}, numeric {numeric}");
            }
        Assert.All(ps.Where(p => !Regularization.IsWeightMatrix(p)).SelectMany(p => p.Grad), g => Assert.Equal(0f, g));
    }

    [Fact]
    public void The_penalty_is_l1_times_sum_of_abs_plus_half_l2_times_sum_of_squares_over_weights_only()
    {
        var ps = new[] { Parameter("Wy", [1f, -2f]), Parameter("by", [100f]) };
        Assert.Equal(0.1 * 3 + 0.5 * 0.2 * 5, Regularization.AddToGradients(ps, 0.1, 0.2), 12);
        AssertClose([0.1 + 0.2 * 1, -0.1 + 0.2 * -2], ps[0].Grad, 1e-7, "dWy");
        Assert.Equal(0f, ps[1].Grad[0]);
    }

    [Fact]
    public void A_negative_lambda_is_rejected_by_name()
    {
        Assert.Contains("l2", Assert.Throws<ArgumentOutOfRangeException>(() => Regularization.Penalty(Model(3), 0, -1)).Message);
    }
}

using LstmCourse.Training.Optimizers;
using static LstmCourse.Tests.Training.Optimizers.OptimizerKit;

namespace LstmCourse.Tests.Training.Optimizers;

public class AdamWTests
{
    [Fact]
    public void Three_steps_match_torch_optim_AdamW() => MatchesTorch(new AdamW(0.9f, 0.999f, 1e-8f, 0.1f), 0.01f, "AdamW");

    [Fact]
    public void Five_steps_match_decay_then_Adam_in_double()
    {
        var (theta0, grads) = RandomProblem(6);
        var after = Run(new AdamW(0.9f, 0.999f, 1e-8f, 0.5f), 0.02f, theta0, grads);
        var expected = AdamTests.Reference(theta0, grads, 0.02f, 0.9f, 0.999f, 1e-8f, lambda: 0.5f);
        for (int t = 0; t < grads.Length; t++) AssertClose(expected[t], after[t], FormulaTolerance, $"step {t + 1}");
    }

    [Fact]
    public void With_zero_gradient_the_weights_only_decay()
    {
        var after = Run(new AdamW(weightDecay: 0.1f), 0.5f, [2f, -4f], [[0f, 0f], [0f, 0f]]);
        AssertClose([2 * 0.95, -4 * 0.95], after[0], 1e-7, "θ₁");                               // θ (1 − ηλ), m = 0
        AssertClose([2 * 0.95 * 0.95, -4 * 0.95 * 0.95], after[1], 1e-7, "θ₂");
    }
}

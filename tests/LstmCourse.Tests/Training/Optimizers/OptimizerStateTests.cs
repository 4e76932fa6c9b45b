using LstmCourse.Training;
using LstmCourse.Training.Optimizers;
using static LstmCourse.Tests.Training.Optimizers.OptimizerKit;

namespace LstmCourse.Tests.Training.Optimizers;

public class OptimizerStateTests
{
    public static TheoryData<OptimizerKind> Kinds => new(Enum.GetValues<OptimizerKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Exported_state_imported_into_a_fresh_optimizer_continues_bit_identically(OptimizerKind kind)
    {
        var config = TrainingConfig.Tiny with { Optimizer = kind, WeightDecay = kind == OptimizerKind.AdamW ? 0.1 : 0 };
        var (theta0, grads) = RandomProblem(7);
        var straight = Run(IOptimizer.From(config), 0.05f, theta0, grads);

        var first = IOptimizer.From(config);
        var half = Run(first, 0.05f, theta0, grads[..2]);
        var resumed = IOptimizer.From(config);
        resumed.ImportState(first.ExportState());
        var rest = Run(resumed, 0.05f, half[^1], grads[2..]);

        Assert.Equal(straight[^1], rest[^1]);
        Assert.Equal(grads.Length, resumed.Steps);
    }

    [Fact]
    public void Importing_another_rules_state_names_both_rules()
    {
        var adam = new Adam();
        Run(adam, 0.01f, [1f], [[1f]]);
        var e = Assert.Throws<ArgumentException>(() => new RmsProp().ImportState(adam.ExportState()));
        Assert.Contains("Adam", e.Message);
        Assert.Contains("RmsProp", e.Message);
    }

    [Fact]
    public void A_buffer_of_the_wrong_shape_is_named_when_used()
    {
        var adam = new Adam();
        Run(adam, 0.01f, [1f, 2f], [[1f, 1f]]);
        var other = new Adam();
        other.ImportState(adam.ExportState());
        var e = Assert.Throws<ArgumentException>(() => Run(other, 0.01f, [1f, 2f, 3f], [[1f, 1f, 1f]]));
        Assert.Contains("layer0.Wx.m", e.Message);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(-0.1f)]
    [InlineData(float.PositiveInfinity)]
    public void A_learning_rate_that_is_not_finite_and_non_negative_is_rejected(float lr)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Run(new Sgd(), lr, [1f], [[1f]]));
        Assert.Contains("learningRate", e.Message);
    }
}

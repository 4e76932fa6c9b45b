using LstmCourse.Fast;
using LstmCourse.Training;
using static LstmCourse.Tests.Training.Optimizers.OptimizerKit;

namespace LstmCourse.Tests.Training;

public class GradientClippingTests
{
    private static FloatParameter[] Grads(float[] a, float[] b)
    {
        var p = Parameter("layer0.Wx", new float[a.Length]);
        var q = Parameter("by", new float[b.Length]);
        a.CopyTo(p.Grad, 0);
        b.CopyTo(q.Grad, 0);
        return [p, q];
    }

    [Fact]
    public void The_global_norm_is_the_root_of_all_squares_across_parameters()
    {
        Assert.Equal(13.0, GradientClipping.GlobalNorm(Grads([3f, 4f], [12f])), 12);    // √(9 + 16 + 144)
    }

    [Fact]
    public void A_norm_above_the_limit_is_scaled_down_to_it_keeping_the_direction()
    {
        var ps = Grads([3f, 4f], [12f]);
        double before = GradientClipping.ClipByGlobalNorm(ps, 6.5);
        Assert.Equal(13.0, before, 12);
        double scale = 6.5 / (13 + 1e-6);                                                 // c / (‖g‖ + 10⁻⁶), PyTorch's
        AssertClose([3 * scale, 4 * scale], ps[0].Grad, 1e-7, "layer0.Wx grad");
        AssertClose([12 * scale], ps[1].Grad, 1e-7, "by grad");
        Assert.Equal(6.5, GradientClipping.GlobalNorm(ps), 5);
    }

    [Fact]
    public void A_norm_below_the_limit_leaves_the_gradients_unchanged()
    {
        var ps = Grads([3f, 4f], [12f]);
        Assert.Equal(13.0, GradientClipping.ClipByGlobalNorm(ps, 13.5), 12);
        Assert.Equal([3f, 4f], ps[0].Grad);
        Assert.Equal([12f], ps[1].Grad);
    }

    [Fact]
    public void Clipping_by_value_clamps_each_entry_and_counts_them()
    {
        var ps = Grads([3f, -4f, 0.5f], [-0.25f, 1f]);
        Assert.Equal(2, GradientClipping.ClipByValue(ps, 1.0));
        Assert.Equal([1f, -1f, 0.5f], ps[0].Grad);
        Assert.Equal([-0.25f, 1f], ps[1].Grad);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void A_limit_that_is_not_positive_is_rejected(double limit)
    {
        var ps = Grads([1f], [1f]);
        Assert.Contains("maxNorm", Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ClipByGlobalNorm(ps, limit)).Message);
        Assert.Contains("clipValue", Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ClipByValue(ps, limit)).Message);
    }
}

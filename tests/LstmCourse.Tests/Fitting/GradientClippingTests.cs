using LstmCourse.Fitting;
using LstmCourse.Numerics;
using LstmCourse.Parameters;

namespace LstmCourse.Tests.Fitting;

public class GradientClippingTests
{
    private static ParameterSet WithGradients(double[] g1, double[] g2)
    {
        var p1 = new Parameter("A", new Matrix(g1.Length, 1));
        var p2 = new Parameter("B", new Matrix(1, g2.Length));
        g1.CopyTo(p1.Grad.Data, 0);
        g2.CopyTo(p2.Grad.Data, 0);
        return new ParameterSet([p1, p2]);
    }

    [Fact]
    public void Global_norm_spans_every_parameter()
    {
        var ps = WithGradients([3, 0], [0, 4, 12]);
        Assert.Equal(13.0, GradientClipping.GlobalNorm(ps), 1e-15);   // √(9 + 16 + 144)
    }

    [Fact]
    public void Clipping_returns_the_norm_before_and_keeps_the_direction()
    {
        var ps = WithGradients([3, 0], [0, 4, 12]);
        double before = GradientClipping.ClipByGlobalNorm(ps, 1.3);
        Assert.Equal(13.0, before, 1e-15);
        Assert.Equal(1.3, GradientClipping.GlobalNorm(ps), 1e-14);
        Assert.Equal([0.3, 0], ps["A"].Grad.Data, (x, y) => Math.Abs(x - y) < 1e-15);
        Assert.Equal([0, 0.4, 1.2], ps["B"].Grad.Data, (x, y) => Math.Abs(x - y) < 1e-15);
    }

    [Fact]
    public void A_gradient_below_the_limit_is_left_alone()
    {
        var ps = WithGradients([3, 0], [0, 4, 12]);
        GradientClipping.ClipByGlobalNorm(ps, 20);
        Assert.Equal([0, 4, 12], ps["B"].Grad.Data);
    }

    [Fact]
    public void A_non_positive_limit_is_rejected()
    {
        var ps = WithGradients([1], [1]);
        Assert.Contains("maxNorm", Assert.Throws<ArgumentException>(() => GradientClipping.ClipByGlobalNorm(ps, 0)).Message);
    }
}

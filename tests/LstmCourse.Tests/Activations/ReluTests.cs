using LstmCourse.Activations;

namespace LstmCourse.Tests.Activations;

public class ReluTests
{
    [Fact]
    public void Values_are_max_0_x()
    {
        foreach (double x in ActivationSweep.Points())
        {
            Assert.Equal(Math.Max(0, x), Relu.Apply(x));
            Assert.Equal((float)Math.Max(0, x), Relu.Apply((float)x));
        }
    }

    /// <summary>Away from the kink at 0 (|x| ≥ 1e-2, farther than the stencil's 2e reach) the derivative is exact.</summary>
    [Fact]
    public void Derivative_matches_centered_differences_away_from_0_and_is_0_at_0()
    {
        foreach (double x in ActivationSweep.Points().Where(x => Math.Abs(x) >= 1e-2))
        {
            double numeric = ActivationSweep.FourPoint(Relu.Apply, x);
            Assert.True(Math.Abs(Relu.Derivative(x) - numeric) < 1e-10, $"ReLU'({x}) = {Relu.Derivative(x)}, numeric {numeric:R}");
            Assert.Equal(Relu.Derivative(x), Relu.DerivativeFromOutput(Relu.Apply(x)));
        }
        Assert.Equal(0.0, Relu.Derivative(0.0));
        Assert.Equal(0.0, Relu.DerivativeFromOutput(0.0));
    }

    [Fact]
    public void Span_forms_equal_scalar_forms_at_every_length()
    {
        var points = ActivationSweep.Points().ToArray();
        foreach (int n in ActivationSweep.Lengths())
        {
            var x = points.Skip(7 * n % points.Length).Concat(points).Take(n).ToArray();
            var y = new double[n];
            Relu.Apply(x, y);
            Assert.Equal(x.Select(Relu.Apply), y);
            var xf = x.Select(v => (float)v).ToArray();
            var yf = new float[n];
            Relu.Apply(xf, yf);
            Assert.Equal(xf.Select(Relu.Apply), yf);
        }
    }

    [Fact]
    public void Span_of_the_wrong_length_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Relu.Apply(new double[3], new double[1]));
        Assert.Contains("y has length 1, expected 3", ex.Message);
    }
}

using LstmCourse.Activations;

namespace LstmCourse.Tests.Activations;

public class SigmoidTests
{
    [Fact]
    public void Values_are_finite_and_in_0_1_even_at_800()
    {
        foreach (double x in ActivationSweep.Points())
        {
            double s = Sigmoid.Apply(x);
            Assert.True(s >= 0 && s <= 1, $"σ({x}) = {s}");
            Assert.True(double.IsFinite(Sigmoid.Derivative(x)), $"σ'({x}) = {Sigmoid.Derivative(x)}");
            float sf = Sigmoid.Apply((float)x);
            Assert.True(sf >= 0 && sf <= 1, $"σf({x}) = {sf}");
        }
        Assert.Equal(1.0, Sigmoid.Apply(800.0));
        Assert.Equal(0.0, Sigmoid.Apply(-800.0));
        Assert.Equal(0.0, Sigmoid.Derivative(800.0));
        Assert.Equal(0.5, Sigmoid.Apply(0.0));
    }

    [Fact]
    public void Matches_the_textbook_formula_and_its_symmetry()
    {
        foreach (double x in ActivationSweep.Points().Where(x => Math.Abs(x) <= 20))
        {
            double s = Sigmoid.Apply(x);
            Assert.True(Math.Abs(1 / (1 + Math.Exp(-x)) - s) <= 2e-16, $"σ({x})");
            Assert.True(Math.Abs(1 - Sigmoid.Apply(-x) - s) <= 2e-16, $"σ(−{x})");
        }
    }

    /// <summary>Absolute error below 1e-10 (σ' is at most 1/4; the four-point stencil's error is ~1e-12 here).</summary>
    [Fact]
    public void Derivative_matches_centered_differences_across_the_sweep()
    {
        foreach (double x in ActivationSweep.Points())
        {
            double numeric = ActivationSweep.FourPoint(Sigmoid.Apply, x);
            Assert.True(Math.Abs(Sigmoid.Derivative(x) - numeric) < 1e-10, $"σ'({x}) = {Sigmoid.Derivative(x):R}, numeric {numeric:R}");
            Assert.Equal(Sigmoid.Derivative(x), Sigmoid.DerivativeFromOutput(Sigmoid.Apply(x)));
        }
    }

    [Fact]
    public void Span_forms_equal_scalar_forms_at_every_length()
    {
        var points = ActivationSweep.Points().ToArray();
        foreach (int n in ActivationSweep.Lengths())
        {
            var x = points.Skip(3 * n % points.Length).Concat(points).Take(n).ToArray();
            var y = new double[n];
            Sigmoid.Apply(x, y);
            Assert.Equal(x.Select(Sigmoid.Apply), y);
            var xf = x.Select(v => (float)v).ToArray();
            var yf = new float[n];
            Sigmoid.Apply(xf, yf);
            Assert.Equal(xf.Select(Sigmoid.Apply), yf);
        }
    }

    [Fact]
    public void Span_of_the_wrong_length_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Sigmoid.Apply(new double[3], new double[2]));
        Assert.Equal("y", ex.ParamName);
        Assert.Contains("y has length 2, expected 3", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Sigmoid.Apply(new float[1], new float[4]));
        Assert.Contains("y has length 4, expected 1", ex.Message);
    }
}

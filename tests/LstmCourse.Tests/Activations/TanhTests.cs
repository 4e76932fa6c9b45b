using LstmCourse.Activations;

namespace LstmCourse.Tests.Activations;

public class TanhTests
{
    [Fact]
    public void Values_are_finite_and_in_minus1_1_and_equal_2_sigmoid_2x_minus_1()
    {
        foreach (double x in ActivationSweep.Points())
        {
            double t = Tanh.Apply(x);
            Assert.True(t >= -1 && t <= 1, $"tanh({x}) = {t}");
            Assert.True(double.IsFinite(Tanh.Derivative(x)));
            Assert.True(Math.Abs(2 * Sigmoid.Apply(2 * x) - 1 - t) <= 4e-16, $"tanh({x}) vs 2σ(2x) − 1");
            Assert.Equal(-t, Tanh.Apply(-x));
        }
        Assert.Equal(1.0, Tanh.Apply(800.0));
        Assert.Equal(-1.0, Tanh.Apply(-800.0));
    }

    /// <summary>Absolute error below 1e-10 (tanh' is at most 1).</summary>
    [Fact]
    public void Derivative_matches_centered_differences_across_the_sweep()
    {
        foreach (double x in ActivationSweep.Points())
        {
            double numeric = ActivationSweep.FourPoint(Tanh.Apply, x);
            Assert.True(Math.Abs(Tanh.Derivative(x) - numeric) < 1e-10, $"tanh'({x}) = {Tanh.Derivative(x):R}, numeric {numeric:R}");
            Assert.Equal(Tanh.Derivative(x), Tanh.DerivativeFromOutput(Tanh.Apply(x)));
        }
    }

    [Fact]
    public void Span_forms_equal_scalar_forms_at_every_length()
    {
        var points = ActivationSweep.Points().ToArray();
        foreach (int n in ActivationSweep.Lengths())
        {
            var x = points.Skip(5 * n % points.Length).Concat(points).Take(n).ToArray();
            var y = new double[n];
            Tanh.Apply(x, y);
            Assert.Equal(x.Select(Tanh.Apply), y);
            var xf = x.Select(v => (float)v).ToArray();
            var yf = new float[n];
            Tanh.Apply(xf, yf);
            Assert.Equal(xf.Select(Tanh.Apply), yf);
        }
    }

    [Fact]
    public void Span_of_the_wrong_length_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tanh.Apply(new double[3], new double[4]));
        Assert.Contains("y has length 4, expected 3", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Tanh.Apply(new float[2], new float[0]));
        Assert.Contains("y has length 0, expected 2", ex.Message);
    }
}

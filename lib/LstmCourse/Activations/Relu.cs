namespace LstmCourse.Activations;

/// <summary>ReLU(x) = max(0, x).</summary>
/// <remarks>
/// <code>
/// ReLU(x)  = max(0, x)
/// ReLU'(x) = 1 if x > 0, else 0     (the same test works on the output y = ReLU(x))
/// </code>
/// Taught in notebooks/02-activation-functions.ipynb.
/// </remarks>
public static class Relu
{
    public static double Apply(double x) => x > 0 ? x : 0;

    public static float Apply(float x) => x > 0 ? x : 0;

    /// <summary>ReLU'(x) = 1 for x &gt; 0, else 0 (0 at x = 0, as PyTorch does).</summary>
    public static double Derivative(double x) => x > 0 ? 1 : 0;

    /// <summary>ReLU' written from the output y = ReLU(x): 1 where y &gt; 0.</summary>
    public static double DerivativeFromOutput(double y) => y > 0 ? 1 : 0;

    public static void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        if (y.Length != x.Length) throw new ArgumentException($"y has length {y.Length}, expected {x.Length} (the length of x).", nameof(y));
        for (int k = 0; k < x.Length; k++) y[k] = Apply(x[k]);
    }

    public static void Apply(ReadOnlySpan<float> x, Span<float> y)
    {
        if (y.Length != x.Length) throw new ArgumentException($"y has length {y.Length}, expected {x.Length} (the length of x).", nameof(y));
        for (int k = 0; k < x.Length; k++) y[k] = Apply(x[k]);
    }
}

namespace LstmCourse.Activations;

/// <summary>σ(x) = 1 / (1 + e^(−x)), squashing any number into (0, 1): the gate activation.</summary>
/// <remarks>
/// <code>
/// σ(x)  = 1 / (1 + exp(−x))
/// σ'(x) = σ(x) (1 − σ(x))        written from the output s = σ(x): s (1 − s)
/// </code>
/// Computed without overflow for large |x|. Taught in notebooks/02-activation-functions.ipynb.
/// </remarks>
public static class Sigmoid
{
    public static double Apply(double x) =>
        x >= 0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x));

    public static float Apply(float x) =>
        x >= 0 ? 1f / (1f + MathF.Exp(-x)) : MathF.Exp(x) / (1f + MathF.Exp(x));

    /// <summary>σ'(x) = σ(x)(1 − σ(x)).</summary>
    public static double Derivative(double x) => DerivativeFromOutput(Apply(x));

    /// <summary>σ' written from the cached output s = σ(x): s(1 − s).</summary>
    public static double DerivativeFromOutput(double s) => s * (1 - s);

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

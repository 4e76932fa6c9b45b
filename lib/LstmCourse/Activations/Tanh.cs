namespace LstmCourse.Activations;

/// <summary>tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x)), squashing into (−1, 1), centred on 0.</summary>
/// <remarks>
/// <code>
/// tanh(x)  = (exp(x) − exp(−x)) / (exp(x) + exp(−x)) = 2σ(2x) − 1
/// tanh'(x) = 1 − tanh(x)²        written from the output t = tanh(x): 1 − t²
/// </code>
/// Taught in notebooks/02-activation-functions.ipynb.
/// </remarks>
public static class Tanh
{
    public static double Apply(double x) => Math.Tanh(x);

    public static float Apply(float x) => MathF.Tanh(x);

    /// <summary>tanh'(x) = 1 − tanh(x)².</summary>
    public static double Derivative(double x) => DerivativeFromOutput(Math.Tanh(x));

    /// <summary>tanh' written from the cached output t = tanh(x): 1 − t².</summary>
    public static double DerivativeFromOutput(double t) => 1 - t * t;

    public static void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        if (y.Length != x.Length) throw new ArgumentException($"y has length {y.Length}, expected {x.Length} (the length of x).", nameof(y));
        for (int k = 0; k < x.Length; k++) y[k] = Math.Tanh(x[k]);
    }

    public static void Apply(ReadOnlySpan<float> x, Span<float> y)
    {
        if (y.Length != x.Length) throw new ArgumentException($"y has length {y.Length}, expected {x.Length} (the length of x).", nameof(y));
        for (int k = 0; k < x.Length; k++) y[k] = MathF.Tanh(x[k]);
    }
}

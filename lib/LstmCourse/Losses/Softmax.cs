namespace LstmCourse.Losses;

/// <summary>p_k = exp(z_k − max z) / Σ_j exp(z_j − max z): probabilities from logits, finite for any finite logits.</summary>
/// <remarks>Subtracting the max changes nothing mathematically and keeps exp from overflowing at logits near ±1000.
/// Taught in notebooks/06-modeling-sequences.ipynb.</remarks>
public static class Softmax
{
    public static void Apply(ReadOnlySpan<double> z, Span<double> p)
    {
        if (z.Length == 0) throw new ArgumentException("logits are empty.", nameof(z));
        if (p.Length != z.Length) throw new ArgumentException($"p has length {p.Length}, expected {z.Length}.", nameof(p));
        double max = double.NegativeInfinity;
        foreach (var v in z) max = Math.Max(max, v);
        double sum = 0;
        for (int k = 0; k < z.Length; k++) sum += p[k] = Math.Exp(z[k] - max);
        for (int k = 0; k < z.Length; k++) p[k] /= sum;
    }

    public static double[] Apply(ReadOnlySpan<double> z)
    {
        var p = new double[z.Length];
        Apply(z, p);
        return p;
    }

    /// <summary>softmax(z / τ): temperature τ &lt; 1 sharpens, τ &gt; 1 flattens.</summary>
    public static void Apply(ReadOnlySpan<float> z, Span<float> p, float temperature = 1f)
    {
        if (z.Length == 0) throw new ArgumentException("logits are empty.", nameof(z));
        if (p.Length != z.Length) throw new ArgumentException($"p has length {p.Length}, expected {z.Length}.", nameof(p));
        if (!(temperature > 0) || !float.IsFinite(temperature))
            throw new ArgumentException($"temperature must be a positive number, got {temperature}.", nameof(temperature));
        float max = float.NegativeInfinity;
        foreach (var v in z) max = MathF.Max(max, v);
        double sum = 0;
        for (int k = 0; k < z.Length; k++) sum += p[k] = MathF.Exp((z[k] - max) / temperature);
        float inv = (float)(1 / sum);
        for (int k = 0; k < z.Length; k++) p[k] *= inv;
    }

    /// <summary>log softmax: z_k − max z − log Σ_j exp(z_j − max z).</summary>
    public static double LogProbability(ReadOnlySpan<double> z, int k)
    {
        double max = double.NegativeInfinity;
        foreach (var v in z) max = Math.Max(max, v);
        double sum = 0;
        foreach (var v in z) sum += Math.Exp(v - max);
        return z[k] - max - Math.Log(sum);
    }
}

using LstmCourse.Fast;

namespace LstmCourse.Training;

/// <summary>Keeps one bad batch from throwing the weights far: rescale all gradients when their global norm is too big,
/// or clamp each entry.</summary>
/// <remarks>
/// <code>
/// by norm:   ‖g‖ = √(Σ_params Σ_i dθ_i²);   if ‖g‖ &gt; c:  dθ ← dθ · c / (‖g‖ + 10⁻⁶)
/// by value:  dθ_i ← min(max(dθ_i, −c), c)
/// </code>
/// Scaling by the norm keeps the gradient's direction; clamping by value does not. The 10⁻⁶ is PyTorch's
/// (<c>clip_grad_norm_</c>). The norm is summed in double, in parameter order, so it does not depend on threads.
/// Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public static class GradientClipping
{
    /// <summary>‖g‖, the L2 norm of all gradients together.</summary>
    public static double GlobalNorm(IReadOnlyList<FloatParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        double sum = 0;
        foreach (var p in parameters)
            foreach (float d in p.Grad) sum += (double)d * d;
        return Math.Sqrt(sum);
    }

    /// <summary>Rescales every gradient so that ‖g‖ ≤ <paramref name="maxNorm"/>; returns ‖g‖ before clipping.</summary>
    public static double ClipByGlobalNorm(IReadOnlyList<FloatParameter> parameters, double maxNorm)
    {
        if (!(maxNorm > 0) || !double.IsFinite(maxNorm))
            throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, $"maxNorm must be a positive finite number, got {maxNorm}; 5 is a common choice for LSTMs.");
        double norm = GlobalNorm(parameters);
        if (norm > maxNorm && double.IsFinite(norm))
        {
            float scale = (float)(maxNorm / (norm + 1e-6));
            foreach (var p in parameters)
            {
                float[] d = p.Grad;
                for (int i = 0; i < d.Length; i++) d[i] *= scale;
            }
        }
        return norm;
    }

    /// <summary>Clamps every gradient entry to [−c, c]; returns how many entries were changed.</summary>
    public static long ClipByValue(IReadOnlyList<FloatParameter> parameters, double clipValue)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(clipValue > 0) || !double.IsFinite(clipValue))
            throw new ArgumentOutOfRangeException(nameof(clipValue), clipValue, $"clipValue must be a positive finite number, got {clipValue}.");
        float c = (float)clipValue;
        long clipped = 0;
        foreach (var p in parameters)
        {
            float[] d = p.Grad;
            for (int i = 0; i < d.Length; i++)
            {
                if (d[i] > c) { d[i] = c; clipped++; }
                else if (d[i] < -c) { d[i] = -c; clipped++; }
            }
        }
        return clipped;
    }
}

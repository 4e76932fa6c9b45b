using LstmCourse.Parameters;

namespace LstmCourse.Fitting;

/// <summary>‖g‖ = √(Σ over every parameter entry of g²), and clipping by it: g ← g · min(1, maxNorm / ‖g‖).</summary>
/// <remarks>
/// <code>
/// ‖g‖ = √(Σ_p Σ_k dθ_{p,k}²)                  one norm over all parameters together
/// if ‖g‖ &gt; maxNorm:  g ← g · maxNorm / ‖g‖    same direction, shorter step (Pascanu et al., ICML'13)
/// </code>
/// Taught in notebooks/05-bptt.ipynb.
/// </remarks>
public static class GradientClipping
{
    /// <summary>The global gradient norm ‖g‖ over every parameter.</summary>
    public static double GlobalNorm(ParameterSet parameters)
    {
        double s = 0;
        foreach (var p in parameters.All)
            foreach (var g in p.Grad.Data) s += g * g;
        return Math.Sqrt(s);
    }

    /// <summary>Rescales every gradient so the global norm is at most <paramref name="maxNorm"/>; returns the norm before clipping.</summary>
    public static double ClipByGlobalNorm(ParameterSet parameters, double maxNorm)
    {
        if (!(maxNorm > 0) || !double.IsFinite(maxNorm))
            throw new ArgumentException($"maxNorm must be a positive number, got {maxNorm}; 1 or 5 are usual.", nameof(maxNorm));
        double norm = GlobalNorm(parameters);
        if (norm > maxNorm)
        {
            double scale = maxNorm / norm;
            foreach (var p in parameters.All)
            {
                var g = p.Grad.Data;
                for (int k = 0; k < g.Length; k++) g[k] *= scale;
            }
        }
        return norm;
    }
}

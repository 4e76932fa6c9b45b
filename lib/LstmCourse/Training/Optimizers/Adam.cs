using LstmCourse.Fast;

namespace LstmCourse.Training.Optimizers;

/// <summary>Momentum (m) and RmsProp (v) together, each bias-corrected: θ ← θ − η m̂ / (√v̂ + ε).</summary>
/// <remarks>
/// <code>
/// m ← β₁ · m + (1 − β₁) · dθ          (m, v start at 0)
/// v ← β₂ · v + (1 − β₂) · dθ ⊙ dθ
/// m̂ = m / (1 − β₁ᵗ),   v̂ = v / (1 − β₂ᵗ)
/// θ ← θ − η · m̂ / (√v̂ + ε)
/// </code>
/// PyTorch's placement of ε (added after the root of the corrected v): <c>torch.optim.Adam(params, lr, betas=(β₁, β₂), eps=ε)</c>.
/// Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public class Adam : OptimizerBase
{
    public Adam(float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f)
    {
        Beta1 = InRange(nameof(beta1), beta1, 0, 1, "[0, 1)");
        Beta2 = InRange(nameof(beta2), beta2, 0, 1, "[0, 1)");
        Epsilon = InRange(nameof(epsilon), epsilon, float.Epsilon, 1.0000001f, "(0, 1]");
    }

    public float Beta1 { get; }
    public float Beta2 { get; }
    public float Epsilon { get; }

    public override string Name => "Adam";

    protected override void Update(FloatParameter p, float lr, long t)
    {
        float[] theta = p.Value, d = p.Grad, m = Buffer(p, "m"), v = Buffer(p, "v");
        double correction1 = 1 - Math.Pow(Beta1, t);                       // 1 − β₁ᵗ
        float stepSize = (float)(lr / correction1);                         // η / (1 − β₁ᵗ)
        float rootCorrection2 = (float)Math.Sqrt(1 - Math.Pow(Beta2, t));   // √(1 − β₂ᵗ)
        for (int i = 0; i < theta.Length; i++)
        {
            m[i] = Beta1 * m[i] + (1 - Beta1) * d[i];                       // first moment
            v[i] = Beta2 * v[i] + (1 - Beta2) * d[i] * d[i];                // second moment
            theta[i] -= stepSize * (m[i] / (MathF.Sqrt(v[i]) / rootCorrection2 + Epsilon));
        }
    }
}

using LstmCourse.Fast;

namespace LstmCourse.Training.Optimizers;

/// <summary>v ← α v + (1 − α) dθ²; θ ← θ − η dθ / (√v + ε): Adagrad with a decaying average instead of a sum.</summary>
/// <remarks>
/// <code>
/// v ← α · v + (1 − α) · dθ ⊙ dθ       (v starts at 0, no bias correction)
/// θ ← θ − η · dθ / (√v + ε)
/// </code>
/// PyTorch: <c>torch.optim.RMSprop(params, lr, alpha=α, eps=ε)</c> (ε outside the root).
/// Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public sealed class RmsProp : OptimizerBase
{
    public RmsProp(float alpha = 0.99f, float epsilon = 1e-8f)
    {
        Alpha = InRange(nameof(alpha), alpha, 0, 1, "[0, 1)");
        Epsilon = InRange(nameof(epsilon), epsilon, float.Epsilon, 1.0000001f, "(0, 1]");
    }

    public float Alpha { get; }
    public float Epsilon { get; }

    public override string Name => "RmsProp";

    protected override void Update(FloatParameter p, float lr, long t)
    {
        float[] theta = p.Value, d = p.Grad, v = Buffer(p, "v");
        for (int i = 0; i < theta.Length; i++)
        {
            v[i] = Alpha * v[i] + (1 - Alpha) * d[i] * d[i];            // mean square
            theta[i] -= lr * (d[i] / (MathF.Sqrt(v[i]) + Epsilon));
        }
    }
}

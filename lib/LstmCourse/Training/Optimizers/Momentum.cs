using LstmCourse.Fast;

namespace LstmCourse.Training.Optimizers;

/// <summary>SGD with a velocity b ← μ b + dθ; classic θ ← θ − η b, or Nesterov θ ← θ − η (dθ + μ b).</summary>
/// <remarks>
/// <code>
/// b ← μ · b + dθ                      (b starts at 0, so b₁ = dθ₁)
/// classic:   θ ← θ − η · b
/// Nesterov:  θ ← θ − η · (dθ + μ · b)
/// </code>
/// PyTorch's convention (no dampening, η outside the velocity): <c>torch.optim.SGD(params, lr, momentum=μ, nesterov=...)</c>.
/// Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public sealed class Momentum : OptimizerBase
{
    public Momentum(float momentum = 0.9f, bool nesterov = false)
    {
        Mu = InRange(nameof(momentum), momentum, 0, 1, "[0, 1)");
        if (nesterov && momentum == 0) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Nesterov momentum needs a momentum above 0.");
        Nesterov = nesterov;
    }

    /// <summary>μ, the share of the velocity kept each step.</summary>
    public float Mu { get; }
    public bool Nesterov { get; }

    public override string Name => Nesterov ? "Nesterov" : "Momentum";

    protected override void Update(FloatParameter p, float lr, long t)
    {
        float[] theta = p.Value, d = p.Grad, b = Buffer(p, "b");
        for (int i = 0; i < theta.Length; i++)
        {
            b[i] = Mu * b[i] + d[i];                                    // velocity
            theta[i] -= lr * (Nesterov ? d[i] + Mu * b[i] : b[i]);
        }
    }
}

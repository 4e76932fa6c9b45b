using LstmCourse.Fast;

namespace LstmCourse.Training.Optimizers;

/// <summary>s ← s + dθ²; θ ← θ − η dθ / (√s + ε): each weight's step shrinks with its summed squared gradients.</summary>
/// <remarks>
/// <code>
/// s ← s + dθ ⊙ dθ                     (s starts at 0)
/// θ ← θ − η · dθ / (√s + ε)
/// </code>
/// PyTorch: <c>torch.optim.Adagrad(params, lr, eps=ε)</c> (ε outside the root, default 1e-10 there, ours from the config).
/// Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public sealed class Adagrad : OptimizerBase
{
    public Adagrad(float epsilon = 1e-10f) => Epsilon = InRange(nameof(epsilon), epsilon, float.Epsilon, 1.0000001f, "(0, 1]");

    public float Epsilon { get; }

    public override string Name => "Adagrad";

    protected override void Update(FloatParameter p, float lr, long t)
    {
        float[] theta = p.Value, d = p.Grad, s = Buffer(p, "s");
        for (int i = 0; i < theta.Length; i++)
        {
            s[i] += d[i] * d[i];                                        // sum of squares
            theta[i] -= lr * (d[i] / (MathF.Sqrt(s[i]) + Epsilon));
        }
    }
}

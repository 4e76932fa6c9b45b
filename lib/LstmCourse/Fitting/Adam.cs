using LstmCourse.Parameters;

namespace LstmCourse.Fitting;

/// <summary>Adam (Kingma and Ba, 2015): a step of about η per weight, scaled by running averages of g and g².</summary>
/// <remarks>
/// <code>
/// t ← t + 1
/// m ← β₁ m + (1 − β₁) g                 running mean of the gradient
/// v ← β₂ v + (1 − β₂) g²                running mean of its square
/// m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)   bias correction (m and v start at 0)
/// θ ← θ − η m̂ / (√v̂ + ε)
/// </code>
/// Matches torch.optim.Adam. Taught in notebooks/07-regularization-and-tuning.ipynb.
/// </remarks>
public sealed class Adam : IOptimizer
{
    private readonly Dictionary<Parameter, (double[] m, double[] v)> moments = [];

    public Adam(double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        if (!(learningRate > 0) || !double.IsFinite(learningRate))
            throw new ArgumentException($"learningRate must be a positive number, got {learningRate}; try 0.01.", nameof(learningRate));
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentException($"beta1 must be in [0, 1), got {beta1}; 0.9 is usual.", nameof(beta1));
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentException($"beta2 must be in [0, 1), got {beta2}; 0.999 is usual.", nameof(beta2));
        if (!(epsilon > 0)) throw new ArgumentException($"epsilon must be positive, got {epsilon}; 1e-8 is usual.", nameof(epsilon));
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    public double LearningRate { get; }
    public double Beta1 { get; }
    public double Beta2 { get; }
    public double Epsilon { get; }

    /// <summary>t, the number of steps taken so far.</summary>
    public int Steps { get; private set; }

    public void Step(ParameterSet parameters)
    {
        Steps++;
        double b1 = Beta1, b2 = Beta2;
        double c1 = 1 - Math.Pow(b1, Steps), c2 = 1 - Math.Pow(b2, Steps);     // bias corrections
        foreach (var p in parameters.All)
        {
            var w = p.Value.Data;
            var g = p.Grad.Data;
            if (!moments.TryGetValue(p, out var mv)) moments[p] = mv = (new double[w.Length], new double[w.Length]);
            var (m, v) = mv;
            for (int k = 0; k < w.Length; k++)
            {
                m[k] = b1 * m[k] + (1 - b1) * g[k];                           // m ← β₁ m + (1 − β₁) g
                v[k] = b2 * v[k] + (1 - b2) * g[k] * g[k];                    // v ← β₂ v + (1 − β₂) g²
                w[k] -= LearningRate * (m[k] / c1) / (Math.Sqrt(v[k] / c2) + Epsilon);  // θ ← θ − η m̂ / (√v̂ + ε)
            }
        }
    }
}

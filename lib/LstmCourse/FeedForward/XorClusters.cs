using LstmCourse.Fitting;
using LstmCourse.Numerics;

namespace LstmCourse.FeedForward;

/// <summary>XOR-like points: four Gaussian clusters at (±1, ±1); class 1 where the two signs agree (quadrants I and III).</summary>
/// <remarks>
/// <code>
/// centre (s₁, s₂) with s₁, s₂ ∈ {−1, +1} (clusters in turn),  x = centre + noise · N(0, I)
/// label = 1 if s₁ = s₂ else 0                               no straight line separates the classes
/// </code>
/// Taught in notebooks/02-activation-functions.ipynb.
/// </remarks>
public static class XorClusters
{
    /// <summary><paramref name="count"/> one-step examples (x = [x₁, x₂], label 0 or 1), the four clusters in turn.</summary>
    public static IReadOnlyList<Example> Generate(int count, double noise = 0.3, int seed = 0)
    {
        if (count <= 0) throw new ArgumentException($"count must be positive, got {count}.", nameof(count));
        if (!(noise >= 0) || !double.IsFinite(noise)) throw new ArgumentException($"noise must be a standard deviation ≥ 0, got {noise}; 0.3 keeps the clusters apart.", nameof(noise));
        var rng = new Rng(seed);
        var examples = new Example[count];
        for (int n = 0; n < count; n++)
        {
            double s1 = (n & 1) == 0 ? 1 : -1, s2 = (n & 2) == 0 ? 1 : -1;
            double x1 = s1 + noise * rng.NextGaussian();
            double x2 = s2 + noise * rng.NextGaussian();
            examples[n] = Example.Single([x1, x2], s1 == s2 ? 1 : 0);
        }
        return examples;
    }
}

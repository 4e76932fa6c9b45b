using LstmCourse.Fast;
using LstmCourse.Numerics;
using LstmCourse.Training.Optimizers;

namespace LstmCourse.Tests.Training.Optimizers;

/// <summary>Small problems for optimizer tests: a parameter from values, steps with given gradients, closeness checks.</summary>
internal static class OptimizerKit
{
    /// <summary>Agreement with PyTorch (both float32; only operation order differs): 4 ulps at 1.</summary>
    public const double TorchTolerance = 5e-7;

    /// <summary>Agreement with the formula in double after 5 float32 steps.</summary>
    public const double FormulaTolerance = 2e-6;

    public static FloatParameter Parameter(string name, IReadOnlyList<float> values)
    {
        var p = new FloatParameter(name, 1, values.Count);
        for (int i = 0; i < values.Count; i++) p.Value[i] = values[i];
        return p;
    }

    /// <summary>θ after each step, feeding the given gradients.</summary>
    public static float[][] Run(IOptimizer optimizer, float learningRate, float[] theta0, float[][] grads, string name = "layer0.Wx")
    {
        var p = Parameter(name, theta0);
        var after = new List<float[]>();
        foreach (var g in grads)
        {
            g.CopyTo(p.Grad, 0);
            optimizer.Step([p], learningRate);
            after.Add((float[])p.Value.Clone());
        }
        return [.. after];
    }

    /// <summary>θ₀ and 5 gradients of 7 entries from a seeded Rng, in [−1, 1].</summary>
    public static (float[] theta0, float[][] grads) RandomProblem(int seed)
    {
        var rng = new Rng(seed);
        float Next() => (float)(2 * rng.NextDouble() - 1);
        var theta0 = Enumerable.Range(0, 7).Select(_ => Next()).ToArray();
        var grads = Enumerable.Range(0, 5).Select(_ => Enumerable.Range(0, 7).Select(_ => Next()).ToArray()).ToArray();
        return (theta0, grads);
    }

    public static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<float> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            double error = Math.Abs(expected[i] - actual[i]);
            Assert.True(error <= tolerance * Math.Max(1, Math.Abs(expected[i])),
                $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R}, error {error:E2} > {tolerance:E1}");
        }
    }

    public static void MatchesTorch(IOptimizer optimizer, float learningRate, string torchCase)
    {
        var after = Run(optimizer, learningRate, TorchOptimizerGolden.Theta0, TorchOptimizerGolden.Grads);
        var torch = TorchOptimizerGolden.After[torchCase];
        for (int t = 0; t < torch.Length; t++)
            AssertClose(torch[t].Select(v => (double)v).ToArray(), after[t], TorchTolerance, $"{torchCase} step {t + 1}");
    }
}

using LstmCourse.Numerics;
using LstmCourse.Parameters;

namespace LstmCourse.Tests.Support;

/// <summary>Seeded random inputs and the wrapper that lets the gradient check perturb inputs and states.</summary>
internal static class TestData
{
    public static double[] Vector(Rng rng, int n, double scale = 1.0) =>
        Enumerable.Range(0, n).Select(_ => scale * rng.NextGaussian()).ToArray();

    /// <summary>T vectors of D standard normals (times <paramref name="scale"/>).</summary>
    public static double[][] Sequence(Rng rng, int T, int D, double scale = 1.0) =>
        Enumerable.Range(0, T).Select(_ => Vector(rng, D, scale)).ToArray();

    public static int[] Targets(Rng rng, int T, int V) => Enumerable.Range(0, T).Select(_ => rng.NextInt(V)).ToArray();

    /// <summary>A column <see cref="Parameter"/> holding a copy of <paramref name="values"/>. Pass its
    /// <c>Value.Data</c> to the code under test and copy the analytic gradient into its <c>Grad</c>, and
    /// <see cref="LstmCourse.Diagnostics.GradientCheck"/> checks dL/d(that input) like any weight.</summary>
    public static Parameter Wrap(string name, double[] values) => new(name, new Matrix(values.Length, 1, values));

    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        Assert.Equal(a.Length, b.Length);
        double s = 0;
        for (int k = 0; k < a.Length; k++) s += a[k] * b[k];
        return s;
    }

    /// <summary>Overwrites a gradient with <paramref name="values"/> (the analytic dL/d(input) for a wrapped input).</summary>
    public static void SetGrad(Parameter p, double[] values)
    {
        Assert.Equal(p.Count, values.Length);
        Array.Copy(values, p.Grad.Data, values.Length);
    }
}

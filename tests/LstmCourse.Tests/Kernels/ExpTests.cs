using System.Runtime.Intrinsics;
using K = LstmCourse.Kernels.Kernels;

namespace LstmCourse.Tests.Kernels;

/// <summary>The polynomial e^x, σ and tanh of the vector paths against double precision, over their whole range.</summary>
public class ExpTests
{
    /// <summary>Every 1/1000 over [lo, hi] plus small magnitudes down to 1e-30 of both signs, as floats.</summary>
    private static float[] Grid(float lo, float hi)
    {
        var xs = new List<float>();
        for (double x = lo; x <= hi; x += 1e-3) xs.Add((float)x);
        for (double m = 1e-30; m < 1; m *= 1.7) { xs.Add((float)m); xs.Add((float)-m); }
        while (xs.Count % 16 != 0) xs.Add(0f);
        return xs.ToArray();
    }

    private static double WorstRelative(float[] xs, Func<Vector512<float>, Vector512<float>> f512,
        Func<Vector256<float>, Vector256<float>> f256, Func<double, double> exact)
    {
        double worst = 0;
        for (int k = 0; k < xs.Length; k += 16)
        {
            var x = Vector512.Create(xs.AsSpan(k, 16));
            var y512 = K.Vector512Supported ? f512(x) : Vector512<float>.Zero;
            var y256lo = K.Vector256Supported ? f256(x.GetLower()) : Vector256<float>.Zero;
            var y256hi = K.Vector256Supported ? f256(x.GetUpper()) : Vector256<float>.Zero;
            for (int j = 0; j < 16; j++)
            {
                double e = exact(xs[k + j]), scale = e == 0 ? 1 : Math.Abs(e);      // f(0) = 0 must come out exactly 0
                if (K.Vector512Supported) worst = Math.Max(worst, Math.Abs(y512[j] - e) / scale);
                float y256 = j < 8 ? y256lo[j] : y256hi[j - 8];
                if (K.Vector256Supported) worst = Math.Max(worst, Math.Abs(y256 - e) / scale);
            }
        }
        return worst;
    }

    [Fact]
    public void Exp_is_within_1_5e_7_relative_on_its_range()
    {
        double worst = WorstRelative(Grid(-87.3f, 88.3f), K.Exp, K.Exp, Math.Exp);
        Assert.True(worst < 1.5e-7, $"worst relative error {worst:G3}");
    }

    [Fact]
    public void Sigmoid_is_within_2_5e_7_relative_everywhere()
    {
        double worst = WorstRelative(Grid(-87f, 100f), K.Sigmoid, K.Sigmoid, x => 1 / (1 + Math.Exp(-x)));
        Assert.True(worst < 2.5e-7, $"worst relative error {worst:G3}");
    }

    [Fact]
    public void Tanh_is_within_3e_7_relative_everywhere_including_near_zero()
    {
        double worst = WorstRelative(Grid(-40f, 40f), K.Tanh, K.Tanh, Math.Tanh);
        Assert.True(worst < 3e-7, $"worst relative error {worst:G3}");
    }

    /// <summary>σ may land one ulp (6e-8) below 1: its reciprocal is an estimate refined once, not a division.</summary>
    [Fact]
    public void Extreme_inputs_saturate_instead_of_overflowing()
    {
        float[] xs = [-float.MaxValue, -1000f, -100f, -88.5f, 88.5f, 100f, 1000f, float.MaxValue];
        foreach (float x in xs)
        {
            var v = Vector256.Create(x);
            var w = Vector512.Create(x);
            var results = new List<(string what, float value, float expected, float tol)>();
            if (K.Vector256Supported)
                results.AddRange([("σ256", K.Sigmoid(v)[0], x > 0 ? 1f : 0f, 6e-8f), ("tanh256", K.Tanh(v)[0], MathF.Sign(x), 0f)]);
            if (K.Vector512Supported)
                results.AddRange([("σ512", K.Sigmoid(w)[0], x > 0 ? 1f : 0f, 6e-8f), ("tanh512", K.Tanh(w)[0], MathF.Sign(x), 0f),
                    ("exp512", K.Exp(w)[0], x > 0 ? 2.2e38f : 0f, x > 0 ? 1e38f : 2e-38f)]);
            results.Add(("σ scalar", K.Sigmoid(x), x > 0 ? 1f : 0f, 1e-30f));
            foreach (var (what, value, expected, tol) in results)
                Assert.True(float.IsFinite(value) && Math.Abs(value - expected) <= tol, $"{what}({x}) = {value}, expected {expected} ± {tol}");
        }
    }
}

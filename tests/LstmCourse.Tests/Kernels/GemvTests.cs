using LstmCourse.Kernels;
using LstmCourse.Numerics;
using K = LstmCourse.Kernels.Kernels;

namespace LstmCourse.Tests.Kernels;

/// <summary>The sampling path's matrix-vector product against double, for every width up to three 512-bit vectors and
/// one more. Tolerance (C + 4)·2⁻²³·Σ|w x|, the float summation bound.</summary>
public unsafe class GemvTests
{
    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string>();
        foreach (var p in K.AvailablePaths) data.Add(p.ToString());
        return data;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Gemv_matches_the_double_loop_for_every_width(string pathName)
    {
        var path = Enum.Parse<KernelPath>(pathName);
        var rng = new Rng(5);
        foreach (int R in new[] { 1, 3, 17 })
            for (int C = 1; C <= 3 * 16 + 1; C++)
            {
                var W = Enumerable.Range(0, R * C).Select(_ => 2 * rng.NextFloat() - 1).ToArray();
                var x = Enumerable.Range(0, C).Select(_ => 2 * rng.NextFloat() - 1).ToArray();
                var y = new float[R];
                fixed (float* pw = W, px = x, py = y) K.Gemv(R, C, pw, px, py, path);
                for (int r = 0; r < R; r++)
                {
                    double sum = 0, mag = 0;
                    for (int k = 0; k < C; k++) { sum += (double)W[r * C + k] * x[k]; mag += Math.Abs((double)W[r * C + k] * x[k]); }
                    Assert.True(Math.Abs(y[r] - sum) <= (C + 4) * Math.Pow(2, -23) * mag, $"R={R} C={C} y[{r}] = {y[r]}, expected {sum}");
                }
            }
    }
}

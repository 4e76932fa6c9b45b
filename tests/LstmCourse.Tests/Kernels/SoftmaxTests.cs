using LstmCourse.Kernels;
using LstmCourse.Numerics;
using K = LstmCourse.Kernels.Kernels;

namespace LstmCourse.Tests.Kernels;

/// <summary>The softmax cross-entropy row against log-sum-exp in double, for every V up to three 512-bit vectors and one
/// more, at ordinary and extreme logits, on every path.</summary>
/// <remarks>Tolerances: loss 1e-6·(1 + L), gradient 1e-6·scale per entry; p has the exp's 1.5e-7 relative error and a
/// sum of at most 49 terms.</remarks>
public unsafe class SoftmaxTests
{
    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string>();
        foreach (var p in K.AvailablePaths) data.Add(p.ToString());
        return data;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Loss_and_gradient_match_log_sum_exp_in_double_even_at_logits_of_1000(string pathName)
    {
        var path = Enum.Parse<KernelPath>(pathName);
        var rng = new Rng(6);
        foreach (float spread in new[] { 3f, 1000f })
            for (int V = 1; V <= 3 * 16 + 1; V++)
            {
                var z = Enumerable.Range(0, V).Select(_ => spread * (2 * rng.NextFloat() - 1)).ToArray();
                var by = Enumerable.Range(0, V).Select(_ => 2 * rng.NextFloat() - 1).ToArray();
                int y = rng.NextInt(V);
                const float scale = 0.25f;
                var dz = (float[])z.Clone();
                float loss;
                fixed (float* pz = dz, pb = by) loss = K.SoftmaxCrossEntropy(V, pz, pb, y, scale, true, path);

                var s = z.Select((v, k) => (double)(v + by[k])).ToArray();     // the logits as the kernel sees them: z + by rounded to float
                double max = s.Max(), lse = max + Math.Log(s.Sum(v => Math.Exp(v - max)));
                double expected = lse - s[y];
                Assert.True(Math.Abs(loss - expected) <= 1e-6 * (1 + expected), $"V={V} spread={spread}: loss {loss}, exact {expected}");
                for (int k = 0; k < V; k++)
                {
                    double g = scale * (Math.Exp(s[k] - lse) - (k == y ? 1 : 0));
                    Assert.True(Math.Abs(dz[k] - g) <= 1e-6 * scale, $"V={V} spread={spread}: dz[{k}] = {dz[k]}, exact {g}");
                }
            }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Without_gradient_the_logits_get_the_bias_and_the_loss_is_the_same(string pathName)
    {
        var path = Enum.Parse<KernelPath>(pathName);
        float[] z = [0.5f, -1f, 2f, 0f, 3f], by = [0.1f, 0.2f, 0.3f, 0.4f, 0.5f];
        var a = (float[])z.Clone();
        var b = (float[])z.Clone();
        float la, lb;
        fixed (float* pa = a, pb = b, pby = by)
        {
            la = K.SoftmaxCrossEntropy(5, pa, pby, 2, 1f, false, path);
            lb = K.SoftmaxCrossEntropy(5, pb, pby, 2, 1f, true, path);
        }
        Assert.Equal(la, lb);
        Assert.Equal(z.Select((v, k) => v + by[k]), a);
        Assert.Equal(0.0, b.Sum(), 6);                    // Σ (p − onehot) = 0
    }
}

using LstmCourse.Kernels;
using LstmCourse.Numerics;
using K = LstmCourse.Kernels.Kernels;

namespace LstmCourse.Tests.Kernels;

/// <summary>The packed SGEMM against a plain triple loop in double, on every code path this CPU has.</summary>
/// <remarks>Tolerance: |C − C_ref| ≤ (K + 4)·2⁻²³·(|α| Σ_k |a_ik b_kj| + |β C_ij|), the worst-case bound of float
/// summation of K products; it is tight for small K, and a lost or doubled term exceeds it at every K.</remarks>
public class GemmTests
{
    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string>();
        foreach (var p in K.AvailablePaths) data.Add(p.ToString());
        return data;
    }

    private static readonly (float alpha, float beta)[] Scalars = [(1f, 0f), (0.5f, -1.5f), (-2f, 0f), (1f, 1f)];

    private static float[] Random(int n, Rng rng) => Enumerable.Range(0, n).Select(_ => 2 * rng.NextFloat() - 1).ToArray();

    /// <summary>Runs one product on <paramref name="path"/> and checks it against the double loop; returns C.</summary>
    private static float[] CheckOne(KernelPath path, bool tA, bool tB, int M, int N, int Kd, float alpha, float beta, Rng rng,
        int pad = 0, int threads = 1)
    {
        int lda = (tA ? M : Kd) + pad, ldb = (tB ? Kd : N) + pad, ldc = N + pad;
        var A = Random((tA ? Kd : M) * lda, rng);
        var B = Random((tB ? N : Kd) * ldb, rng);
        var C = Random(M * ldc, rng);
        var C0 = (float[])C.Clone();
        if (beta == 0) for (int k = 0; k < C.Length; k += 7) if (k % ldc < N) C[k] = float.NaN;   // β = 0 must ignore C
        K.Sgemm(tA, tB, M, N, Kd, alpha, A, lda, B, ldb, beta, C, ldc, path, threads);
        for (int i = 0; i < M; i++)
            for (int j = 0; j < N; j++)
            {
                double sum = 0, mag = 0;
                for (int k = 0; k < Kd; k++)
                {
                    double p = (double)(tA ? A[k * lda + i] : A[i * lda + k]) * (tB ? B[j * ldb + k] : B[k * ldb + j]);
                    sum += p;
                    mag += Math.Abs(p);
                }
                double c0 = beta == 0 ? 0 : C0[i * ldc + j];
                double expected = alpha * sum + beta * c0;
                double tol = (Kd + 4) * Math.Pow(2, -23) * (Math.Abs(alpha) * mag + Math.Abs(beta * c0)) + 1e-30;
                double actual = C[i * ldc + j];
                if (!(Math.Abs(actual - expected) <= tol))
                    Assert.Fail($"{path} tA={tA} tB={tB} M={M} N={N} K={Kd} α={alpha} β={beta} pad={pad}: C[{i},{j}] = {actual}, expected {expected} ± {tol:G3}");
            }
        for (int i = 0; i < M; i++)                             // padding columns untouched
            for (int j = N; j < ldc; j++) Assert.Equal(C0[i * ldc + j], C[i * ldc + j]);
        return C;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Every_tile_tail_matches_the_triple_loop(string pathName)
    {
        var path = Enum.Parse<KernelPath>(pathName);
        var (MR, NR) = K.Tile(path);
        var rng = new Rng(1);
        int s = 0;
        foreach (bool tA in new[] { false, true })
            foreach (bool tB in new[] { false, true })
                for (int M = 1; M <= 2 * MR + 1; M++)
                    for (int N = 1; N <= 2 * NR + 1; N++)
                        foreach (int Kd in new[] { 1, 2, 7, 17 })
                        {
                            var (alpha, beta) = Scalars[s++ % Scalars.Length];
                            CheckOne(path, tA, tB, M, N, Kd, alpha, beta, rng, pad: s % 3);
                        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Depths_across_the_packing_slices_match_the_triple_loop(string pathName)
    {
        var path = Enum.Parse<KernelPath>(pathName);
        var (MR, NR) = K.Tile(path);
        var rng = new Rng(2);
        int s = 0;
        foreach (bool tA in new[] { false, true })
            foreach (bool tB in new[] { false, true })
                foreach (int Kd in new[] { K.KC - 1, K.KC, K.KC + 1, 2 * K.KC + 3 })
                    foreach (var (M, N) in new[] { (MR + 1, NR + 3), (3 * MR, 3 * NR + 1) })
                    {
                        var (alpha, beta) = Scalars[s++ % Scalars.Length];
                        CheckOne(path, tA, tB, M, N, Kd, alpha, beta, rng, pad: 1);
                    }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Many_blocks_on_several_threads_match_the_loop_and_each_other_bit_for_bit(string pathName)
    {
        var path = Enum.Parse<KernelPath>(pathName);
        var (MR, NR) = K.Tile(path);
        foreach (var (M, N, Kd) in new[] { (16 * MR * 2 + 3, 2 * NR + 5, 33), (5, 600, 40), (16 * MR + 1, 1100, 300) })
        {
            var one = CheckOne(path, true, false, M, N, Kd, 1f, 0f, new Rng(3), threads: 1);
            foreach (int threads in new[] { 2, 3 })
                Assert.Equal(one, CheckOne(path, true, false, M, N, Kd, 1f, 0f, new Rng(3), threads: threads));
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Empty_depth_scales_C_by_beta_and_empty_outputs_do_nothing(string pathName)
    {
        var path = Enum.Parse<KernelPath>(pathName);
        var C = new float[] { 1, 2, 3, 4, 5, 6 };
        K.Sgemm(false, false, 2, 3, 0, 1f, [], 1, [], 3, 0.5f, C, 3, path);
        Assert.Equal(new float[] { 0.5f, 1, 1.5f, 2, 2.5f, 3 }, C);
        K.Sgemm(false, false, 0, 3, 2, 1f, [], 2, new float[6], 3, 0f, C, 3, path);
        Assert.Equal(new float[] { 0.5f, 1, 1.5f, 2, 2.5f, 3 }, C);
    }

    [Fact]
    public void Operands_too_short_for_their_shape_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => K.Sgemm(false, false, 2, 3, 4, 1f, new float[7], 4, new float[12], 3, 0f, new float[6], 3));
        Assert.Contains("A has 7 values but 2 x 4 with leading dimension 4 needs 8", e.Message);
        e = Assert.Throws<ArgumentException>(() => K.Sgemm(false, true, 2, 3, 4, 1f, new float[8], 4, new float[12], 3, 0f, new float[6], 3));
        Assert.Contains("leading dimension is 3; it must be at least 4", e.Message);
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LstmCourse.Kernels;

internal static unsafe partial class Kernels
{
    /// <summary>The 8 x 32 AVX-512 register tile: C[0..8, 0..32] = α Σ_k Ap[k, :] ⊗ Bp[k, :] + β C, sixteen zmm accumulators.</summary>
    /// <remarks>Per k: two 16-float loads of the B panel, eight broadcasts of A, sixteen FMAs.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Micro512(int kc, float* Ap, float* Bp, float* C, int ldc, float alpha, float beta)
    {
        for (int r = 0; r < 8; r++)                            // fetch the C tile while the k loop runs
        {
            Sse.Prefetch0(C + r * (long)ldc);
            Sse.Prefetch0(C + r * (long)ldc + 16);
        }
        Vector512<float> c00 = default, c01 = default; Vector512<float> c10 = default, c11 = default; Vector512<float> c20 = default, c21 = default; Vector512<float> c30 = default, c31 = default; Vector512<float> c40 = default, c41 = default; Vector512<float> c50 = default, c51 = default; Vector512<float> c60 = default, c61 = default; Vector512<float> c70 = default, c71 = default;
        for (int k = 0; k < kc; k++, Ap += 8, Bp += 32)
        {
            Vector512<float> b0 = Vector512.Load(Bp), b1 = Vector512.Load(Bp + 16), a;
            a = Vector512.Create(Ap[0]); c00 = Avx512F.FusedMultiplyAdd(a, b0, c00); c01 = Avx512F.FusedMultiplyAdd(a, b1, c01);
            a = Vector512.Create(Ap[1]); c10 = Avx512F.FusedMultiplyAdd(a, b0, c10); c11 = Avx512F.FusedMultiplyAdd(a, b1, c11);
            a = Vector512.Create(Ap[2]); c20 = Avx512F.FusedMultiplyAdd(a, b0, c20); c21 = Avx512F.FusedMultiplyAdd(a, b1, c21);
            a = Vector512.Create(Ap[3]); c30 = Avx512F.FusedMultiplyAdd(a, b0, c30); c31 = Avx512F.FusedMultiplyAdd(a, b1, c31);
            a = Vector512.Create(Ap[4]); c40 = Avx512F.FusedMultiplyAdd(a, b0, c40); c41 = Avx512F.FusedMultiplyAdd(a, b1, c41);
            a = Vector512.Create(Ap[5]); c50 = Avx512F.FusedMultiplyAdd(a, b0, c50); c51 = Avx512F.FusedMultiplyAdd(a, b1, c51);
            a = Vector512.Create(Ap[6]); c60 = Avx512F.FusedMultiplyAdd(a, b0, c60); c61 = Avx512F.FusedMultiplyAdd(a, b1, c61);
            a = Vector512.Create(Ap[7]); c70 = Avx512F.FusedMultiplyAdd(a, b0, c70); c71 = Avx512F.FusedMultiplyAdd(a, b1, c71);
        }
        var va = Vector512.Create(alpha);
        if (beta == 0)
        {
            (c00 * va).Store(C + 0 * (long)ldc); (c01 * va).Store(C + 0 * (long)ldc + 16);
            (c10 * va).Store(C + 1 * (long)ldc); (c11 * va).Store(C + 1 * (long)ldc + 16);
            (c20 * va).Store(C + 2 * (long)ldc); (c21 * va).Store(C + 2 * (long)ldc + 16);
            (c30 * va).Store(C + 3 * (long)ldc); (c31 * va).Store(C + 3 * (long)ldc + 16);
            (c40 * va).Store(C + 4 * (long)ldc); (c41 * va).Store(C + 4 * (long)ldc + 16);
            (c50 * va).Store(C + 5 * (long)ldc); (c51 * va).Store(C + 5 * (long)ldc + 16);
            (c60 * va).Store(C + 6 * (long)ldc); (c61 * va).Store(C + 6 * (long)ldc + 16);
            (c70 * va).Store(C + 7 * (long)ldc); (c71 * va).Store(C + 7 * (long)ldc + 16);
        }
        else
        {
            var vb = Vector512.Create(beta);
            Combine512(C + 0 * (long)ldc, c00, c01, va, vb);
            Combine512(C + 1 * (long)ldc, c10, c11, va, vb);
            Combine512(C + 2 * (long)ldc, c20, c21, va, vb);
            Combine512(C + 3 * (long)ldc, c30, c31, va, vb);
            Combine512(C + 4 * (long)ldc, c40, c41, va, vb);
            Combine512(C + 5 * (long)ldc, c50, c51, va, vb);
            Combine512(C + 6 * (long)ldc, c60, c61, va, vb);
            Combine512(C + 7 * (long)ldc, c70, c71, va, vb);
        }
    }

    /// <summary>C = α·acc + β·C for two vectors of one row (products rounded first, then the sum: the scalar order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Combine512(float* c, Vector512<float> acc0, Vector512<float> acc1, Vector512<float> alpha, Vector512<float> beta)
    {
        (acc0 * alpha + Vector512.Load(c) * beta).Store(c);
        (acc1 * alpha + Vector512.Load(c + 16) * beta).Store(c + 16);
    }
}

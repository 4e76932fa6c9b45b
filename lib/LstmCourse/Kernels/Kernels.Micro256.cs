using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LstmCourse.Kernels;

internal static unsafe partial class Kernels
{
    /// <summary>The 6 x 16 AVX2 register tile: C[0..6, 0..16] = α Σ_k Ap[k, :] ⊗ Bp[k, :] + β C, twelve ymm accumulators.</summary>
    /// <remarks>Per k: two 8-float loads of the B panel, six broadcasts of A, twelve FMAs (the 16 ymm registers allow no more).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Micro256(int kc, float* Ap, float* Bp, float* C, int ldc, float alpha, float beta)
    {
        Vector256<float> c00 = default, c01 = default; Vector256<float> c10 = default, c11 = default; Vector256<float> c20 = default, c21 = default; Vector256<float> c30 = default, c31 = default; Vector256<float> c40 = default, c41 = default; Vector256<float> c50 = default, c51 = default;
        for (int k = 0; k < kc; k++, Ap += 6, Bp += 16)
        {
            Vector256<float> b0 = Vector256.Load(Bp), b1 = Vector256.Load(Bp + 8), a;
            a = Vector256.Create(Ap[0]); c00 = Fma.MultiplyAdd(a, b0, c00); c01 = Fma.MultiplyAdd(a, b1, c01);
            a = Vector256.Create(Ap[1]); c10 = Fma.MultiplyAdd(a, b0, c10); c11 = Fma.MultiplyAdd(a, b1, c11);
            a = Vector256.Create(Ap[2]); c20 = Fma.MultiplyAdd(a, b0, c20); c21 = Fma.MultiplyAdd(a, b1, c21);
            a = Vector256.Create(Ap[3]); c30 = Fma.MultiplyAdd(a, b0, c30); c31 = Fma.MultiplyAdd(a, b1, c31);
            a = Vector256.Create(Ap[4]); c40 = Fma.MultiplyAdd(a, b0, c40); c41 = Fma.MultiplyAdd(a, b1, c41);
            a = Vector256.Create(Ap[5]); c50 = Fma.MultiplyAdd(a, b0, c50); c51 = Fma.MultiplyAdd(a, b1, c51);
        }
        var va = Vector256.Create(alpha);
        if (beta == 0)
        {
            (c00 * va).Store(C + 0 * (long)ldc); (c01 * va).Store(C + 0 * (long)ldc + 8);
            (c10 * va).Store(C + 1 * (long)ldc); (c11 * va).Store(C + 1 * (long)ldc + 8);
            (c20 * va).Store(C + 2 * (long)ldc); (c21 * va).Store(C + 2 * (long)ldc + 8);
            (c30 * va).Store(C + 3 * (long)ldc); (c31 * va).Store(C + 3 * (long)ldc + 8);
            (c40 * va).Store(C + 4 * (long)ldc); (c41 * va).Store(C + 4 * (long)ldc + 8);
            (c50 * va).Store(C + 5 * (long)ldc); (c51 * va).Store(C + 5 * (long)ldc + 8);
        }
        else
        {
            var vb = Vector256.Create(beta);
            Combine256(C + 0 * (long)ldc, c00, c01, va, vb);
            Combine256(C + 1 * (long)ldc, c10, c11, va, vb);
            Combine256(C + 2 * (long)ldc, c20, c21, va, vb);
            Combine256(C + 3 * (long)ldc, c30, c31, va, vb);
            Combine256(C + 4 * (long)ldc, c40, c41, va, vb);
            Combine256(C + 5 * (long)ldc, c50, c51, va, vb);
        }
    }

    /// <summary>C = α·acc + β·C for two vectors of one row (products rounded first, then the sum: the scalar order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Combine256(float* c, Vector256<float> acc0, Vector256<float> acc1, Vector256<float> alpha, Vector256<float> beta)
    {
        (acc0 * alpha + Vector256.Load(c) * beta).Store(c);
        (acc1 * alpha + Vector256.Load(c + 8) * beta).Store(c + 8);
    }
}

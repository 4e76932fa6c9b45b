using System.Runtime.CompilerServices;
namespace LstmCourse.Kernels;

internal static unsafe partial class Kernels
{
    /// <summary>The 4 x 4 scalar register tile, for CPUs without AVX2/FMA: C[0..4, 0..4] = α Σ_k Ap[k, :] ⊗ Bp[k, :] + β C.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MicroScalar(int kc, float* Ap, float* Bp, float* C, int ldc, float alpha, float beta)
    {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int k = 0; k < kc; k++, Ap += 4, Bp += 4)
        {
            float b0 = Bp[0], b1 = Bp[1], b2 = Bp[2], b3 = Bp[3], a;
            a = Ap[0]; c00 += a * b0; c01 += a * b1; c02 += a * b2; c03 += a * b3;
            a = Ap[1]; c10 += a * b0; c11 += a * b1; c12 += a * b2; c13 += a * b3;
            a = Ap[2]; c20 += a * b0; c21 += a * b1; c22 += a * b2; c23 += a * b3;
            a = Ap[3]; c30 += a * b0; c31 += a * b1; c32 += a * b2; c33 += a * b3;
        }
        Row(C, alpha, beta, c00, c01, c02, c03);
        Row(C + ldc, alpha, beta, c10, c11, c12, c13);
        Row(C + 2 * (long)ldc, alpha, beta, c20, c21, c22, c23);
        Row(C + 3 * (long)ldc, alpha, beta, c30, c31, c32, c33);

        static void Row(float* c, float alpha, float beta, float s0, float s1, float s2, float s3)
        {
            if (beta == 0)
            {
                c[0] = alpha * s0; c[1] = alpha * s1; c[2] = alpha * s2; c[3] = alpha * s3;
            }
            else
            {
                c[0] = alpha * s0 + beta * c[0]; c[1] = alpha * s1 + beta * c[1];
                c[2] = alpha * s2 + beta * c[2]; c[3] = alpha * s3 + beta * c[3];
            }
        }
    }
}

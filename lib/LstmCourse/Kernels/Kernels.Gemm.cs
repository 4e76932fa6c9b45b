namespace LstmCourse.Kernels;

internal static unsafe partial class Kernels
{
    /// <summary>C = α·op(A)·op(B) + β·C, single precision, row-major; op(X) is X or Xᵀ.</summary>
    /// <remarks>
    /// <code>
    /// C[i, j] = α Σ_k op(A)[i, k] op(B)[k, j] + β C[i, j]      op(A) is M x K, op(B) is K x N, C is M x N
    /// A[i, k] = A[i * lda + k];  with transA, op(A)[i, k] = A[k * lda + i]   (B likewise)
    /// </code>
    /// With β = 0, C is overwritten (NaNs in it do not propagate).
    /// </remarks>
    public static void Sgemm(bool transA, bool transB, int M, int N, int K, float alpha,
        ReadOnlySpan<float> A, int lda, ReadOnlySpan<float> B, int ldb, float beta, Span<float> C, int ldc,
        KernelPath path = KernelPath.Best, int threads = 1)
    {
        CheckGemm(transA, transB, M, N, K, A.Length, lda, B.Length, ldb, C.Length, ldc, threads);
        fixed (float* a = A, b = B, c = C)
            Sgemm(transA, transB, M, N, K, alpha, a, lda, b, ldb, beta, c, ldc, path, threads);
    }

    /// <summary>Pointer form of <see cref="Sgemm(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int, KernelPath, int)"/>;
    /// the caller guarantees the sizes.</summary>
    public static void Sgemm(bool transA, bool transB, int M, int N, int K, float alpha,
        float* A, int lda, float* B, int ldb, float beta, float* C, int ldc, KernelPath path = KernelPath.Best, int threads = 1)
    {
        if (M == 0 || N == 0) return;
        for (int i = 0; i < M; i++)
            for (int j = 0; j < N; j++)
            {
                float acc = 0;
                for (int k = 0; k < K; k++)
                    acc += (transA ? A[k * lda + i] : A[i * lda + k]) * (transB ? B[j * ldb + k] : B[k * ldb + j]);
                float* cij = C + (long)i * ldc + j;
                *cij = beta == 0 ? alpha * acc : alpha * acc + beta * *cij;
            }
    }

    private static void CheckGemm(bool transA, bool transB, int M, int N, int K, int aLength, int lda,
        int bLength, int ldb, int cLength, int ldc, int threads)
    {
        if (M < 0 || N < 0 || K < 0) throw new ArgumentException($"Sizes must not be negative, got M={M}, N={N}, K={K}.");
        if (threads < 1) throw new ArgumentException($"threads must be at least 1, got {threads}.", nameof(threads));
        CheckOperand("A", transA ? K : M, transA ? M : K, aLength, lda);
        CheckOperand("B", transB ? N : K, transB ? K : N, bLength, ldb);
        CheckOperand("C", M, N, cLength, ldc);
    }

    private static void CheckOperand(string name, int rows, int cols, int length, int ld)
    {
        if (ld < Math.Max(1, cols))
            throw new ArgumentException($"{name} is stored {rows} x {cols} but its leading dimension is {ld}; it must be at least {cols}.", name);
        long need = rows == 0 || cols == 0 ? 0 : (long)(rows - 1) * ld + cols;
        if (length < need)
            throw new ArgumentException($"{name} has {length} values but {rows} x {cols} with leading dimension {ld} needs {need}.", name);
    }
}

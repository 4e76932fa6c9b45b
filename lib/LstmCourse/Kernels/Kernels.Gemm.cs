using System.Runtime.CompilerServices;
namespace LstmCourse.Kernels;

internal static unsafe partial class Kernels
{
    /// <summary>The deepest k-slice: op(A) and op(B) are cut along k into slices of at most KC.</summary>
    public const int KC = 256;

    /// <summary>C = α·op(A)·op(B) + β·C, single precision, row-major; op(X) is X or Xᵀ.</summary>
    /// <remarks>
    /// <code>
    /// C[i, j] = α Σ_k op(A)[i, k] op(B)[k, j] + β C[i, j]      op(A) is M x K, op(B) is K x N, C is M x N
    /// A[i, k] = A[i * lda + k];  with transA, op(A)[i, k] = A[k * lda + i]   (B likewise)
    /// </code>
    /// Blocked and packed (BLIS style): op(B) is packed once into NR-wide column panels, k-slice by k-slice; each
    /// thread takes a rectangle of C, packs MC-row blocks of op(A) into MR-high panels and an MR x NR register-tile
    /// micro-kernel (AVX-512 8 x 32, AVX2 6 x 16 or scalar 4 x 4) does the arithmetic.
    /// Every C[i, j] is summed the same way wherever its tile falls (k in order within each slice, slices fixed by K
    /// alone and taken in order, then α·sum + β·C), so splitting C over threads never changes a bit. With β = 0, C is
    /// overwritten (NaNs in it do not propagate).
    /// </remarks>
    public static void Sgemm(bool transA, bool transB, int M, int N, int K, float alpha,
        ReadOnlySpan<float> A, int lda, ReadOnlySpan<float> B, int ldb, float beta, Span<float> C, int ldc,
        KernelPath path = KernelPath.Best, int threads = 1)
    {
        CheckGemm(transA, transB, M, N, K, A.Length, lda, B.Length, ldb, C.Length, ldc, threads);
        path = Resolve(path);
        fixed (float* a = A, b = B, c = C)
            Sgemm(transA, transB, M, N, K, alpha, a, lda, b, ldb, beta, c, ldc, path, threads);
    }

    /// <summary>Pointer form of the checked <c>Sgemm</c>: the caller guarantees the sizes.</summary>
    public static void Sgemm(bool transA, bool transB, int M, int N, int K, float alpha,
        float* A, int lda, float* B, int ldb, float beta, float* C, int ldc, KernelPath path = KernelPath.Best, int threads = 1)
    {
        if (M == 0 || N == 0) return;
        var packed = scratchB ??= new PackedB();
        packed.Pack(transB, K, N, B, ldb, path);
        Sgemm(transA, M, alpha, A, lda, packed, beta, C, ldc, threads);
    }

    /// <summary>C = α·op(A)·B + β·C with B packed beforehand (a weight matrix reused for every step of a batch).</summary>
    /// <remarks>C is cut into one rectangle per thread (along M when it has enough rows, else along N); each walks
    /// k-slice by k-slice so the slice of B it needs stays in L2 while MC-row blocks of A are packed and swept.</remarks>
    public static void Sgemm(bool transA, int M, float alpha, float* A, int lda, PackedB B, float beta, float* C, int ldc, int threads = 1)
    {
        int N = B.N, K = B.K;
        if (M == 0 || N == 0) return;
        if (K == 0)
        {
            for (int i = 0; i < M; i++)
                for (int j = 0; j < N; j++) C[(long)i * ldc + j] = beta == 0 ? 0 : beta * C[(long)i * ldc + j];
            return;
        }
        var (MR, NR) = Tile(B.Path);
        int mPanels = (M + MR - 1) / MR, nPanels = (N + NR - 1) / NR;
        int tasks = Math.Max(1, Math.Min(threads, Math.Max(mPanels, nPanels)));
        if (tasks == 1)
        {
            GemmRectangle(transA, alpha, A, lda, B, beta, C, ldc, 0, M, 0, N);
            return;
        }
        bool splitM = mPanels >= 4 * tasks || mPanels >= nPanels;
        int panels = splitM ? mPanels : nPanels, size = splitM ? MR : NR, extent = splitM ? M : N;
        nint a = (nint)A, c = (nint)C;
        ParallelFor(tasks, threads, task =>
        {
            int lo = Math.Min(extent, panels * task / tasks * size), hi = Math.Min(extent, panels * (task + 1) / tasks * size);
            if (lo >= hi) return;
            if (splitM) GemmRectangle(transA, alpha, (float*)a, lda, B, beta, (float*)c, ldc, lo, hi, 0, N);
            else GemmRectangle(transA, alpha, (float*)a, lda, B, beta, (float*)c, ldc, 0, M, lo, hi);
        });
    }

    /// <summary>The (MR, NR) register tile of a path's micro-kernel.</summary>
    public static (int MR, int NR) Tile(KernelPath path) => Resolve(path) switch
    {
        KernelPath.Vector512 => (8, 32),
        KernelPath.Vector256 => (6, 16),
        _ => (4, 4),
    };

    /// <summary>Rows in one packed block of A: sixteen register tiles.</summary>
    private static int BlockRows(int MR) => 16 * MR;

    /// <summary>The depth of every k-slice but the last: K cut into ⌈K / KC⌉ slices as equal as possible. It depends
    /// on K alone, so each C[i, j] is summed in the same slices whatever the tiling or thread count.</summary>
    public static int SliceDepth(int K)
    {
        int slices = Math.Max(1, (K + KC - 1) / KC);
        return (K + slices - 1) / slices;
    }

    [ThreadStatic] private static PackedB? scratchB;
    [ThreadStatic] private static float[]? scratchA;
    [ThreadStatic] private static float[]? scratchTile;

    /// <summary>C[i0..i1, j0..j1] over all of k: slice by slice, MC-row blocks of op(A) packed and swept across the
    /// NR-wide panels of B, MR x NR tiles by the micro-kernel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void GemmRectangle(bool transA, float alpha, float* A, int lda, PackedB B, float beta, float* C, int ldc,
        int i0, int i1, int j0, int j1)
    {
        var (MR, NR) = Tile(B.Path);
        int K = B.K, depth = B.Depth, MC = BlockRows(MR);
        if (scratchA is null || scratchA.Length < MC * depth) scratchA = PinnedFloats(MC * Math.Max(depth, KC));
        scratchTile ??= PinnedFloats(8 * 32);
        float* Ap = Ptr(scratchA), tile = Ptr(scratchTile);
        for (int p0 = 0; p0 < K; p0 += depth)
        {
            int kc = Math.Min(depth, K - p0);
            float b = p0 == 0 ? beta : 1f;                     // later k-slices add to what the first one wrote
            for (int ic = i0; ic < i1; ic += MC)
            {
                int mc = Math.Min(MC, i1 - ic), mPanels = (mc + MR - 1) / MR;
                PackA(transA, A, lda, ic, mc, p0, kc, MR, Ap);
                for (int j = j0; j < j1; j += NR)
                {
                    int nr = Math.Min(NR, j1 - j);
                    float* Bp = B.Panel(p0, j / NR);
                    for (int ip = 0; ip < mPanels; ip++)
                    {
                        int i = ic + ip * MR, mr = Math.Min(MR, i1 - i);
                        float* Cij = C + (long)i * ldc + j;
                        if (mr == MR && nr == NR)
                            MicroKernel(B.Path, kc, Ap + ip * MR * kc, Bp, Cij, ldc, alpha, b);
                        else
                        {
                            MicroKernel(B.Path, kc, Ap + ip * MR * kc, Bp, tile, NR, 1f, 0f);   // full tile, then the valid part
                            for (int r = 0; r < mr; r++)
                                for (int s = 0; s < nr; s++)
                                {
                                    float* cs = Cij + (long)r * ldc + s;
                                    float sum = alpha * tile[r * NR + s];
                                    *cs = b == 0 ? sum : sum + b * *cs;
                                }
                        }
                    }
                }
            }
        }
    }

    private static void MicroKernel(KernelPath path, int kc, float* Ap, float* Bp, float* C, int ldc, float alpha, float beta)
    {
        switch (path)
        {
            case KernelPath.Vector512: Micro512(kc, Ap, Bp, C, ldc, alpha, beta); break;
            case KernelPath.Vector256: Micro256(kc, Ap, Bp, C, ldc, alpha, beta); break;
            default: MicroScalar(kc, Ap, Bp, C, ldc, alpha, beta); break;
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

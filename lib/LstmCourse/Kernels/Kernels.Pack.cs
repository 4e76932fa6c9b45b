using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LstmCourse.Kernels;

internal static unsafe partial class Kernels
{
    /// <summary>Packs rows i0..i0+mc−1, depth p0..p0+kc−1 of op(A) into MR-high panels: panel p holds
    /// Ap[(p·kc + k)·MR + i] = op(A)[i0 + p·MR + i, p0 + k], rows past mc set to 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackA(bool transA, float* A, int lda, int i0, int mc, int p0, int kc, int MR, float* Ap)
    {
        int panels = (mc + MR - 1) / MR, fullPanels = mc / MR;
        if (transA && MR == 8 && Avx.IsSupported && fullPanels > 0)
        {
            for (int k = 0; k < kc; k++)                            // row p0+k of A holds op(A)[i0.., k]: read it once, in order
            {
                float* src = A + (long)(p0 + k) * lda + i0;
                for (int ip = 0; ip < fullPanels; ip++) Avx.Store(Ap + (ip * kc + k) * 8, Avx.LoadVector256(src + ip * 8));
            }
            if (fullPanels == panels) return;
            PackA(true, A, lda, i0 + fullPanels * 8, mc - fullPanels * 8, p0, kc, MR, Ap + fullPanels * 8 * kc);
            return;
        }
        for (int ip = 0; ip * MR < mc; ip++)
        {
            float* panel = Ap + ip * MR * kc;
            int rows = Math.Min(MR, mc - ip * MR);
            if (transA)
                for (int k = 0; k < kc; k++)
                {
                    float* src = A + (long)(p0 + k) * lda + i0 + ip * MR;
                    float* dst = panel + k * MR;
                    for (int i = 0; i < rows; i++) dst[i] = src[i];
                    for (int i = rows; i < MR; i++) dst[i] = 0;
                }
            else if (rows == 8 && MR == 8 && Avx.IsSupported)
            {
                float* src = A + (long)(i0 + ip * 8) * lda + p0;            // 8 rows, each contiguous in k
                int k = 0;
                for (; k + 8 <= kc; k += 8) Transpose8x8(src + k, lda, panel + k * 8, 8);
                for (; k < kc; k++)
                    for (int i = 0; i < 8; i++) panel[k * 8 + i] = src[(long)i * lda + k];
            }
            else
            {
                for (int i = 0; i < rows; i++)
                {
                    float* src = A + (long)(i0 + ip * MR + i) * lda + p0;   // contiguous in k
                    for (int k = 0; k < kc; k++) panel[k * MR + i] = src[k];
                }
                for (int i = rows; i < MR; i++)
                    for (int k = 0; k < kc; k++) panel[k * MR + i] = 0;
            }
        }
    }
}

/// <summary>op(B) (K x N) packed for the micro-kernel: k-slices of <see cref="Depth"/>, each cut into NR-wide column panels stored
/// k-major, Bp[k·NR + j] = op(B)[p0 + k, panel·NR + j], columns past N set to 0.</summary>
/// <remarks>Weights are packed once per batch and reused by every step's product.</remarks>
internal sealed unsafe class PackedB
{
    private float[] data = [];
    private int Npad;

    public int K { get; private set; }

    /// <summary>Depth of every k-slice but the last (<see cref="Kernels.SliceDepth"/>).</summary>
    public int Depth { get; private set; }
    public int N { get; private set; }
    public KernelPath Path { get; private set; }

    /// <summary>The NR-wide panel <paramref name="panel"/> of the k-slice starting at k = <paramref name="p0"/>.</summary>
    public float* Panel(int p0, int panel)
    {
        int NR = Kernels.Tile(Path).NR, kc = Math.Min(Depth, K - p0);
        return Kernels.Ptr(data) + (long)p0 * Npad + (long)panel * kc * NR;
    }

    /// <summary>Packs op(B): B[k, j] = B[k * ldb + j], or with transB B[j * ldb + k].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Pack(bool transB, int K, int N, float* B, int ldb, KernelPath path)
    {
        Path = Kernels.Resolve(path);
        int NR = Kernels.Tile(Path).NR;
        this.K = K;
        this.N = N;
        Npad = (N + NR - 1) / NR * NR;
        Depth = Kernels.SliceDepth(K);
        if (data.Length < (long)K * Npad) data = Kernels.PinnedFloats(K * Npad);
        for (int p0 = 0; p0 < K; p0 += Depth)
        {
            int kc = Math.Min(Depth, K - p0);
            for (int j0 = 0; j0 < N; j0 += NR)
            {
                float* dst = Panel(p0, j0 / NR);
                int cols = Math.Min(NR, N - j0);
                if (transB && cols == NR && NR % 8 == 0 && Avx.IsSupported)
                {
                    for (int j = 0; j < NR; j += 8)                            // 8 columns of op(B) = 8 rows of B, contiguous in k
                    {
                        float* src = B + (long)(j0 + j) * ldb + p0;
                        int k = 0;
                        for (; k + 8 <= kc; k += 8) Kernels.Transpose8x8(src + k, ldb, dst + k * NR + j, NR);
                        for (; k < kc; k++)
                            for (int jj = 0; jj < 8; jj++) dst[k * NR + j + jj] = src[(long)jj * ldb + k];
                    }
                }
                else if (transB)
                {
                    for (int j = 0; j < cols; j++)
                    {
                        float* src = B + (long)(j0 + j) * ldb + p0;            // contiguous in k
                        for (int k = 0; k < kc; k++) dst[k * NR + j] = src[k];
                    }
                    for (int j = cols; j < NR; j++)
                        for (int k = 0; k < kc; k++) dst[k * NR + j] = 0;
                }
                else if (cols == NR && NR == 32 && Vector512.IsHardwareAccelerated)
                    for (int k = 0; k < kc; k++)
                    {
                        float* src = B + (long)(p0 + k) * ldb + j0;            // contiguous in j
                        Vector512.Load(src).Store(dst + k * 32);
                        Vector512.Load(src + 16).Store(dst + k * 32 + 16);
                    }
                else if (cols == NR && NR == 16 && Vector256.IsHardwareAccelerated)
                    for (int k = 0; k < kc; k++)
                    {
                        float* src = B + (long)(p0 + k) * ldb + j0;
                        Vector256.Load(src).Store(dst + k * 16);
                        Vector256.Load(src + 8).Store(dst + k * 16 + 8);
                    }
                else
                    for (int k = 0; k < kc; k++)
                    {
                        float* src = B + (long)(p0 + k) * ldb + j0;
                        float* d = dst + k * NR;
                        for (int j = 0; j < cols; j++) d[j] = src[j];
                        for (int j = cols; j < NR; j++) d[j] = 0;
                    }
            }
        }
    }
}

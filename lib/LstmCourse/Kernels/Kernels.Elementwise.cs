using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LstmCourse.Kernels;

internal static unsafe partial class Kernels
{
    /// <summary>y += x over n floats. Lane-wise, so every path gives the same bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(float* y, float* x, int n, KernelPath path = KernelPath.Best)
    {
        int k = 0;
        path = Resolve(path);
        if (path == KernelPath.Vector512)
            for (; k <= n - 16; k += 16) (Vector512.Load(y + k) + Vector512.Load(x + k)).Store(y + k);
        else if (path == KernelPath.Vector256)
            for (; k <= n - 8; k += 8) (Vector256.Load(y + k) + Vector256.Load(x + k)).Store(y + k);
        for (; k < n; k++) y[k] += x[k];
    }

    /// <summary>y = x ⊙ m over n floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(float* y, float* x, float* m, int n, KernelPath path = KernelPath.Best)
    {
        int k = 0;
        path = Resolve(path);
        if (path == KernelPath.Vector512)
            for (; k <= n - 16; k += 16) (Vector512.Load(x + k) * Vector512.Load(m + k)).Store(y + k);
        else if (path == KernelPath.Vector256)
            for (; k <= n - 8; k += 8) (Vector256.Load(x + k) * Vector256.Load(m + k)).Store(y + k);
        for (; k < n; k++) y[k] = x[k] * m[k];
    }

    /// <summary>y = a·y over n floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scale(float* y, int n, float a, KernelPath path = KernelPath.Best)
    {
        int k = 0;
        path = Resolve(path);
        if (path == KernelPath.Vector512)
            for (var va = Vector512.Create(a); k <= n - 16; k += 16) (Vector512.Load(y + k) * va).Store(y + k);
        else if (path == KernelPath.Vector256)
            for (var va = Vector256.Create(a); k <= n - 8; k += 8) (Vector256.Load(y + k) * va).Store(y + k);
        for (; k < n; k++) y[k] *= a;
    }

    /// <summary>sums[c] = Σ_r A[r, c] over a (rows x cols) row-major matrix, rows added in order 0, 1, 2, …;
    /// threads take disjoint column ranges, so the count changes no bit.</summary>
    public static void ColumnSums(int rows, int cols, float* A, float* sums, KernelPath path = KernelPath.Best, int threads = 1)
    {
        int parts = Math.Max(1, Math.Min(threads, cols / 64));
        nint a = (nint)A, s = (nint)sums;
        ParallelFor(parts, threads, part =>
        {
            int c0 = cols * part / parts, c1 = cols * (part + 1) / parts;
            float* sum = (float*)s + c0;
            new Span<float>(sum, c1 - c0).Clear();
            for (int r = 0; r < rows; r++) Add(sum, (float*)a + (long)r * cols + c0, c1 - c0, path);
        });
    }
}

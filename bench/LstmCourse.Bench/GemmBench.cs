using LstmCourse.Kernels;
using LstmCourse.Numerics;

namespace LstmCourse.Bench;

/// <summary>GFLOP/s of the packed SGEMM at n x n x n (C = A·B, row-major, no transposes), per thread count.</summary>
internal static unsafe class GemmBench
{
    public static Dictionary<int, double> Run(int n, Settings s, IEnumerable<int> threadCounts, KernelPath path)
    {
        var rng = new Rng(1);
        var A = Kernels.Kernels.PinnedFloats(n * n);
        var B = Kernels.Kernels.PinnedFloats(n * n);
        var C = Kernels.Kernels.PinnedFloats(n * n);
        for (int k = 0; k < n * n; k++) { A[k] = rng.NextFloat() - 0.5f; B[k] = rng.NextFloat() - 0.5f; }
        var result = new Dictionary<int, double>();
        foreach (int threads in threadCounts)
        {
            int t = threads;
            double seconds = Harness.MedianSeconds(() =>
                Kernels.Kernels.Sgemm(false, false, n, n, n, 1f, Kernels.Kernels.Ptr(A), n, Kernels.Kernels.Ptr(B), n, 0f, Kernels.Kernels.Ptr(C), n, path, t),
                s.WarmupSeconds, s.Samples, s.MinSampleSeconds);
            result[threads] = Flops.Gemm(n, n, n) / seconds / 1e9;
            Console.WriteLine($"SGEMM {n}x{n}x{n}, {threads} thread(s): {result[threads]:F1} GFLOP/s ({seconds * 1e3:F2} ms)");
        }
        return result;
    }
}

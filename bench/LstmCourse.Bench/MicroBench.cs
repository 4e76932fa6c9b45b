using LstmCourse.Kernels;
using LstmCourse.Numerics;

namespace LstmCourse.Bench;

/// <summary>Development aid (--micro): the packed kernel on operands that stay in L1/L2, the practical ceiling of the
/// micro-kernel on this core, beside products of the shapes one training step runs.</summary>
internal static unsafe class MicroBench
{
    public static void Run(Settings s)
    {
        foreach (var (M, N, K, tA, tB, what) in new (int, int, int, bool, bool, string)[]
        {
            (64, 64, 256, false, false, "in-cache 64x64x256"),
            (32, 512, 128, false, true, "step h·Whᵀ H=128"),
            (16, 512, 128, false, true, "half-batch step h·Whᵀ H=128"),
            (32, 128, 512, false, false, "step dz·Wh H=128"),
            (1600, 100, 128, false, true, "Y = H·Wyᵀ H=128"),
            (512, 128, 1600, true, false, "dWh = dZᵀ·H H=128"),
            (32, 2048, 512, false, true, "step h·Whᵀ H=512"),
            (32, 512, 2048, false, false, "step dz·Wh H=512"),
            (2048, 512, 1600, true, false, "dWh = dZᵀ·H H=512"),
        })
        {
            var rng = new Rng(1);
            var A = Kernels.Kernels.PinnedFloats(M * K);
            var B = Kernels.Kernels.PinnedFloats(K * N);
            var C = Kernels.Kernels.PinnedFloats(M * N);
            for (int k = 0; k < A.Length; k++) A[k] = rng.NextFloat();
            for (int k = 0; k < B.Length; k++) B[k] = rng.NextFloat();
            var packed = new PackedB();
            packed.Pack(tB, K, N, Kernels.Kernels.Ptr(B), tB ? K : N, KernelPath.Best);
            double t = Harness.MedianSeconds(() =>
                Kernels.Kernels.Sgemm(tA, M, 1f, Kernels.Kernels.Ptr(A), tA ? M : K, packed, 0f, Kernels.Kernels.Ptr(C), N),
                s.WarmupSeconds, s.Samples, s.MinSampleSeconds);
            double tu = Harness.MedianSeconds(() =>
                Kernels.Kernels.Sgemm(tA, tB, M, N, K, 1f, Kernels.Kernels.Ptr(A), tA ? M : K, Kernels.Kernels.Ptr(B), tB ? K : N, 0f, Kernels.Kernels.Ptr(C), N),
                s.WarmupSeconds, s.Samples, s.MinSampleSeconds);
            Console.WriteLine($"{what,-32} {Flops.Gemm(M, N, K) / t / 1e9,7:F1} GFLOP/s prepacked B, {Flops.Gemm(M, N, K) / tu / 1e9,7:F1} packing B ({t * 1e6:F1} us)");
        }
    }
}

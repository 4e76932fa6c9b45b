using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LstmCourse.Kernels;

/// <summary>Which instruction set a kernel runs on. <see cref="Best"/> picks the widest the CPU supports;
/// tests force each of the others in turn so every code path is checked on the machine at hand.</summary>
internal enum KernelPath
{
    Best,
    Scalar,
    Vector256,
    Vector512,
}

/// <summary>The float32 kernels of the fast engine: packed SGEMM, fused LSTM cell rows, softmax cross-entropy,
/// element-wise helpers, each on the scalar, 256-bit and 512-bit paths.</summary>
/// <remarks>The hot kernels carry <c>MethodImplOptions.AggressiveOptimization</c>: the JIT compiles them fully
/// optimised at their first call instead of starting from unoptimised code, so a notebook's first batches already
/// run at full speed.</remarks>
internal static partial class Kernels
{
    /// <summary>True when 512-bit vectors with FMA run in hardware (AVX-512F).</summary>
    public static bool Vector512Supported => Avx512F.IsSupported && Vector512.IsHardwareAccelerated && Fma.IsSupported;

    /// <summary>True when 256-bit vectors with FMA run in hardware (AVX2 + FMA).</summary>
    public static bool Vector256Supported => Avx2.IsSupported && Fma.IsSupported && Vector256.IsHardwareAccelerated;

    /// <summary>Every path this machine can run, scalar first.</summary>
    public static IReadOnlyList<KernelPath> AvailablePaths =>
        [KernelPath.Scalar, .. Vector256Supported ? [KernelPath.Vector256] : Array.Empty<KernelPath>(),
         .. Vector512Supported ? [KernelPath.Vector512] : Array.Empty<KernelPath>()];

    /// <summary><see cref="KernelPath.Best"/> becomes the widest supported path; a forced path the CPU lacks is an error.</summary>
    public static KernelPath Resolve(KernelPath path) => path switch
    {
        KernelPath.Best => Vector512Supported ? KernelPath.Vector512 : Vector256Supported ? KernelPath.Vector256 : KernelPath.Scalar,
        KernelPath.Vector512 when !Vector512Supported =>
            throw new ArgumentException("KernelPath.Vector512 needs AVX-512F and FMA, which this CPU lacks; use KernelPath.Best.", nameof(path)),
        KernelPath.Vector256 when !Vector256Supported =>
            throw new ArgumentException("KernelPath.Vector256 needs AVX2 and FMA, which this CPU lacks; use KernelPath.Best.", nameof(path)),
        _ => path,
    };
}

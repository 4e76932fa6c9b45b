using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LstmCourse.Kernels;

internal static unsafe partial class Kernels
{
    /// <summary>y = W x: W is (R x C) row-major, x has C entries, y gets R. One stream's matrix-vector product for sampling.</summary>
    /// <remarks>Each y_r is a dot product summed in vector lanes, then across the lanes, then the last C mod width
    /// terms: the same sum as the batched product up to float rounding (order differs).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Gemv(int R, int C, float* W, float* x, float* y, KernelPath path = KernelPath.Best)
    {
        path = Resolve(path);
        for (int r = 0; r < R; r++)
        {
            float* w = W + (long)r * C;
            int k = 0;
            float acc = 0;
            if (path == KernelPath.Vector512)
            {
                var a = Vector512<float>.Zero;
                for (; k <= C - 16; k += 16) a += Vector512.Load(w + k) * Vector512.Load(x + k);
                acc = Vector512.Sum(a);
            }
            else if (path == KernelPath.Vector256)
            {
                var a = Vector256<float>.Zero;
                for (; k <= C - 8; k += 8) a += Vector256.Load(w + k) * Vector256.Load(x + k);
                acc = Vector256.Sum(a);
            }
            for (; k < C; k++) acc += w[k] * x[k];
            y[r] = acc;
        }
    }
}

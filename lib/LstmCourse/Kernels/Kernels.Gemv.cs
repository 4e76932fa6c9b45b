namespace LstmCourse.Kernels;

internal static unsafe partial class Kernels
{
    /// <summary>y = W x: W is (R x C) row-major, x has C entries, y gets R. One stream's matrix-vector product for sampling.</summary>
    public static void Gemv(int R, int C, float* W, float* x, float* y, KernelPath path = KernelPath.Best)
    {
        for (int r = 0; r < R; r++)
        {
            float acc = 0;
            float* w = W + (long)r * C;
            for (int k = 0; k < C; k++) acc += w[k] * x[k];
            y[r] = acc;
        }
    }
}

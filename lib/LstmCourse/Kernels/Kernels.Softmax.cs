namespace LstmCourse.Kernels;

internal static unsafe partial class Kernels
{
    /// <summary>One row of softmax cross-entropy on logits z + by; optionally overwrites z with scale·(p − onehot(y)).</summary>
    /// <remarks>
    /// <code>
    /// m = max_k (z_k + by_k)     s = Σ_k exp(z_k + by_k − m)
    /// L = log s − (z_y + by_y − m)                 −log softmax(z + by)_y
    /// dz_k = scale · (exp(z_k + by_k − m) / s − [k = y])
    /// </code>
    /// </remarks>
    public static float SoftmaxCrossEntropy(int V, float* z, float* by, int y, float scale, bool gradient, KernelPath path = KernelPath.Best)
    {
        float max = float.NegativeInfinity;
        for (int k = 0; k < V; k++) max = MathF.Max(max, z[k] + by[k]);
        float sum = 0;
        for (int k = 0; k < V; k++) sum += MathF.Exp(z[k] + by[k] - max);
        float loss = MathF.Log(sum) - (z[y] + by[y] - max);
        if (gradient)
        {
            float inv = scale / sum;
            for (int k = 0; k < V; k++) z[k] = MathF.Exp(z[k] + by[k] - max) * inv;
            z[y] -= scale;
        }
        return loss;
    }
}

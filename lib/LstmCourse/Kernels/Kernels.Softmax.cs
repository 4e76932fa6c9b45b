using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LstmCourse.Kernels;

internal static unsafe partial class Kernels
{
    /// <summary>One row of softmax cross-entropy on logits z + by; optionally overwrites z with scale·(p − onehot(y)).</summary>
    /// <remarks>
    /// <code>
    /// s_k = z_k + by_k     m = max_k s_k     S = Σ_k exp(s_k − m)
    /// L = log S − (s_y − m)                        −log softmax(s)_y, finite for any finite logits
    /// dz_k = scale · (exp(s_k − m) / S − [k = y])
    /// </code>
    /// z holds s afterwards when no gradient is asked for.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float SoftmaxCrossEntropy(int V, float* z, float* by, int y, float scale, bool gradient, KernelPath path = KernelPath.Best)
    {
        path = Resolve(path);
        int width = path switch { KernelPath.Vector512 => 16, KernelPath.Vector256 => 8, _ => 1 };
        int vEnd = width == 1 ? 0 : V - V % width;
        float max = float.NegativeInfinity;
        int k = 0;
        if (width == 16)
        {
            var m = Vector512.Create(float.NegativeInfinity);
            for (; k < vEnd; k += 16)
            {
                var s = Vector512.Load(z + k) + Vector512.Load(by + k);
                s.Store(z + k);
                m = Vector512.Max(m, s);
            }
            max = HorizontalMax(m);
        }
        else if (width == 8)
        {
            var m = Vector256.Create(float.NegativeInfinity);
            for (; k < vEnd; k += 8)
            {
                var s = Vector256.Load(z + k) + Vector256.Load(by + k);
                s.Store(z + k);
                m = Vector256.Max(m, s);
            }
            max = HorizontalMax(m);
        }
        for (; k < V; k++) max = MathF.Max(max, z[k] += by[k]);

        float sy = z[y];
        float sum = 0;
        k = 0;
        if (width == 16)
        {
            var acc = Vector512<float>.Zero;
            var vm = Vector512.Create(max);
            for (; k < vEnd; k += 16)
            {
                var e = Exp(Vector512.Load(z + k) - vm);
                if (gradient) e.Store(z + k);
                acc += e;
            }
            sum = Vector512.Sum(acc);
        }
        else if (width == 8)
        {
            var acc = Vector256<float>.Zero;
            var vm = Vector256.Create(max);
            for (; k < vEnd; k += 8)
            {
                var e = Exp(Vector256.Load(z + k) - vm);
                if (gradient) e.Store(z + k);
                acc += e;
            }
            sum = Vector256.Sum(acc);
        }
        for (; k < V; k++)
        {
            float e = MathF.Exp(z[k] - max);
            if (gradient) z[k] = e;
            sum += e;
        }
        float loss = MathF.Log(sum) - (sy - max);
        if (gradient)
        {
            float inv = scale / sum;
            Scale(z, V, inv, path);                                // p·scale
            z[y] -= scale;                                         // − onehot(y)·scale
        }
        return loss;
    }

    private static float HorizontalMax(Vector512<float> v) => MathF.Max(HorizontalMax(v.GetLower()), HorizontalMax(v.GetUpper()));

    private static float HorizontalMax(Vector256<float> v)
    {
        float m = float.NegativeInfinity;
        for (int k = 0; k < 8; k++) m = MathF.Max(m, v.GetElement(k));
        return m;
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LstmCourse.Kernels;

internal static partial class Kernels
{
    /// <summary>e^x on 16 floats (Cephes expf): x clamped to [−87.3, 88.3], x = n·ln2 + r with |r| ≤ ln2/2,
    /// e^r from a degree-7 polynomial, 2^n put in the exponent bits.</summary>
    /// <remarks>Relative error below 1.5e-7 (about 2 ulp) on [−87.3, 88.3], pinned by ExpTests; below −87.3 it returns
    /// e^−87.3 ≈ 1.2e-38 instead of a smaller number, which no sum or ratio here can see.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x)
    {
        x = Vector512.Min(Vector512.Max(x, Vector512.Create(-87.3f)), Vector512.Create(88.3f));
        var t = Avx512F.FusedMultiplyAdd(x, Vector512.Create(1.44269504f), Vector512.Create(12582912f));   // n + 1.5·2^23
        var n = t - Vector512.Create(12582912f);                                                            // round(x / ln2)
        var r = Avx512F.FusedMultiplyAdd(n, Vector512.Create(-0.693359375f), x);                           // x − n·ln2, in two parts
        r = Avx512F.FusedMultiplyAdd(n, Vector512.Create(2.12194440e-4f), r);
        var p = Vector512.Create(1.9875691500e-4f);
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512.Create(1.3981999507e-3f));
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512.Create(8.3334519073e-3f));
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512.Create(4.1665795894e-2f));
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512.Create(1.6666665459e-1f));
        p = Avx512F.FusedMultiplyAdd(p, r, Vector512.Create(5.0000001201e-1f));
        var er = Avx512F.FusedMultiplyAdd(p, r * r, r) + Vector512<float>.One;                              // e^r
        var pow2n = (t.AsInt32() - Vector512.Create(0x4B400000 - 127)) << 23;                              // 2^n as float bits
        return er * pow2n.AsSingle();
    }

    /// <summary>σ(x) = 1 / (1 + e^(−x)) on 16 floats; relative error below 2.5e-7 (pinned by ExpTests).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sigmoid(Vector512<float> x) => Reciprocal(Vector512<float>.One + Exp(-x));

    /// <summary>tanh(x) on 16 floats: x + x³·P(x²) for |x| &lt; 0.625 (Cephes tanhf), else sign(x)·(1 − 2/(e^(2|x|) + 1));
    /// relative error below 3e-7 (pinned by ExpTests), also near 0 where 2σ(2x) − 1 would lose every digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Tanh(Vector512<float> x)
    {
        var z = x * x;
        var p = Avx512F.FusedMultiplyAdd(Vector512.Create(-5.70498872745e-3f), z, Vector512.Create(2.06390887954e-2f));
        p = Avx512F.FusedMultiplyAdd(p, z, Vector512.Create(-5.37397155531e-2f));
        p = Avx512F.FusedMultiplyAdd(p, z, Vector512.Create(1.33314422036e-1f));
        p = Avx512F.FusedMultiplyAdd(p, z, Vector512.Create(-3.33332819422e-1f));
        var small = Avx512F.FusedMultiplyAdd(p * z, x, x);
        var ax = Vector512.Abs(x);
        var large = Vector512<float>.One - Vector512.Create(2f) * Reciprocal(Exp(ax + ax) + Vector512<float>.One);   // tanh|x|
        large |= x & Vector512.Create(-0f);                                                                          // sign of x
        return Vector512.ConditionalSelect(Vector512.LessThan(ax, Vector512.Create(0.625f)), small, large);
    }

    /// <summary>e^x on 8 floats; the same algorithm and error as the 16-float version.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x)
    {
        x = Vector256.Min(Vector256.Max(x, Vector256.Create(-87.3f)), Vector256.Create(88.3f));
        var t = Fma.MultiplyAdd(x, Vector256.Create(1.44269504f), Vector256.Create(12582912f));
        var n = t - Vector256.Create(12582912f);
        var r = Fma.MultiplyAdd(n, Vector256.Create(-0.693359375f), x);
        r = Fma.MultiplyAdd(n, Vector256.Create(2.12194440e-4f), r);
        var p = Vector256.Create(1.9875691500e-4f);
        p = Fma.MultiplyAdd(p, r, Vector256.Create(1.3981999507e-3f));
        p = Fma.MultiplyAdd(p, r, Vector256.Create(8.3334519073e-3f));
        p = Fma.MultiplyAdd(p, r, Vector256.Create(4.1665795894e-2f));
        p = Fma.MultiplyAdd(p, r, Vector256.Create(1.6666665459e-1f));
        p = Fma.MultiplyAdd(p, r, Vector256.Create(5.0000001201e-1f));
        var er = Fma.MultiplyAdd(p, r * r, r) + Vector256<float>.One;
        var pow2n = (t.AsInt32() - Vector256.Create(0x4B400000 - 127)) << 23;
        return er * pow2n.AsSingle();
    }

    /// <summary>σ(x) on 8 floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sigmoid(Vector256<float> x) => Reciprocal(Vector256<float>.One + Exp(-x));

    /// <summary>tanh(x) on 8 floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Tanh(Vector256<float> x)
    {
        var z = x * x;
        var p = Fma.MultiplyAdd(Vector256.Create(-5.70498872745e-3f), z, Vector256.Create(2.06390887954e-2f));
        p = Fma.MultiplyAdd(p, z, Vector256.Create(-5.37397155531e-2f));
        p = Fma.MultiplyAdd(p, z, Vector256.Create(1.33314422036e-1f));
        p = Fma.MultiplyAdd(p, z, Vector256.Create(-3.33332819422e-1f));
        var small = Fma.MultiplyAdd(p * z, x, x);
        var ax = Vector256.Abs(x);
        var large = Vector256<float>.One - Vector256.Create(2f) * Reciprocal(Exp(ax + ax) + Vector256<float>.One);
        large |= x & Vector256.Create(-0f);
        return Vector256.ConditionalSelect(Vector256.LessThan(ax, Vector256.Create(0.625f)), small, large);
    }

    /// <summary>1/x on 16 floats for x ≥ 1: the 14-bit hardware estimate r, then one Newton step r(2 − x r), a few
    /// times cheaper than a division and within 2 ulp.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Reciprocal(Vector512<float> x)
    {
        var r = Avx512F.Reciprocal14(x);
        return r * Avx512F.FusedMultiplyAddNegated(x, r, Vector512.Create(2f));
    }

    /// <summary>1/x on 8 floats for x ≥ 1: the 12-bit hardware estimate, then one Newton step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Reciprocal(Vector256<float> x)
    {
        var r = Avx.Reciprocal(x);
        return r * Fma.MultiplyAddNegated(x, r, Vector256.Create(2f));
    }

    /// <summary>σ(x) = 1 / (1 + e^(−x)) in float, for the scalar path and vector tails.</summary>
    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}

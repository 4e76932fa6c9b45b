using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LstmCourse.Kernels;

internal static unsafe partial class Kernels
{
    /// <summary>One row of the fused LSTM forward: bias add, gate activations and the c, h update in a single pass.</summary>
    /// <remarks>
    /// <code>
    /// z = zRec + zIn + b                         (4H)  zRec = Wh h_{t−1}, zIn = Wx x_t, rows [i | f | g | o]
    /// i = σ(z_i)   f = σ(z_f)   g = tanh(z_g)   o = σ(z_o)       written to gates (4H)
    /// c = f ⊙ cPrev + i ⊙ g     tanhC = tanh(c)   h = o ⊙ tanhC   (H each)
    /// </code>
    /// The vector paths use the polynomial σ and tanh of Kernels.Exp.cs; the last H mod width units use MathF.
    /// </remarks>
    public static void LstmForward(int H, float* zRec, float* zIn, float* b, float* cPrev,
        float* gates, float* c, float* tanhC, float* h, KernelPath path = KernelPath.Best) =>
        LstmForward(H, 0, H, zRec, zIn, b, cPrev, gates, c, tanhC, h, path);

    /// <summary>Units k0..k1−1 of <see cref="LstmForward(int, float*, float*, float*, float*, float*, float*, float*, float*, KernelPath)"/>
    /// (pointers still at the start of the row). Unit k gets the same bits whatever the range, when ranges start at
    /// multiples of 16 and the last one ends at H.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LstmForward(int H, int k0, int k1, float* zRec, float* zIn, float* b, float* cPrev,
        float* gates, float* c, float* tanhC, float* h, KernelPath path = KernelPath.Best)
    {
        int k = k0;
        path = Resolve(path);
        if (path == KernelPath.Vector512)
            for (; k <= k1 - 16; k += 16)
            {
                var i = Sigmoid(Vector512.Load(zRec + k) + Vector512.Load(zIn + k) + Vector512.Load(b + k));
                var f = Sigmoid(Vector512.Load(zRec + H + k) + Vector512.Load(zIn + H + k) + Vector512.Load(b + H + k));
                var g = Tanh(Vector512.Load(zRec + 2 * H + k) + Vector512.Load(zIn + 2 * H + k) + Vector512.Load(b + 2 * H + k));
                var o = Sigmoid(Vector512.Load(zRec + 3 * H + k) + Vector512.Load(zIn + 3 * H + k) + Vector512.Load(b + 3 * H + k));
                i.Store(gates + k); f.Store(gates + H + k); g.Store(gates + 2 * H + k); o.Store(gates + 3 * H + k);
                var ck = f * Vector512.Load(cPrev + k) + i * g;
                var tc = Tanh(ck);
                ck.Store(c + k);
                tc.Store(tanhC + k);
                (o * tc).Store(h + k);
            }
        else if (path == KernelPath.Vector256)
            for (; k <= k1 - 8; k += 8)
            {
                var i = Sigmoid(Vector256.Load(zRec + k) + Vector256.Load(zIn + k) + Vector256.Load(b + k));
                var f = Sigmoid(Vector256.Load(zRec + H + k) + Vector256.Load(zIn + H + k) + Vector256.Load(b + H + k));
                var g = Tanh(Vector256.Load(zRec + 2 * H + k) + Vector256.Load(zIn + 2 * H + k) + Vector256.Load(b + 2 * H + k));
                var o = Sigmoid(Vector256.Load(zRec + 3 * H + k) + Vector256.Load(zIn + 3 * H + k) + Vector256.Load(b + 3 * H + k));
                i.Store(gates + k); f.Store(gates + H + k); g.Store(gates + 2 * H + k); o.Store(gates + 3 * H + k);
                var ck = f * Vector256.Load(cPrev + k) + i * g;
                var tc = Tanh(ck);
                ck.Store(c + k);
                tc.Store(tanhC + k);
                (o * tc).Store(h + k);
            }
        for (; k < k1; k++)
        {
            float i = Sigmoid(zRec[k] + zIn[k] + b[k]);                            // input gate
            float f = Sigmoid(zRec[H + k] + zIn[H + k] + b[H + k]);                // forget gate
            float g = MathF.Tanh(zRec[2 * H + k] + zIn[2 * H + k] + b[2 * H + k]); // candidate
            float o = Sigmoid(zRec[3 * H + k] + zIn[3 * H + k] + b[3 * H + k]);    // output gate
            gates[k] = i; gates[H + k] = f; gates[2 * H + k] = g; gates[3 * H + k] = o;
            float ck = f * cPrev[k] + i * g;                                       // c = f ⊙ cPrev + i ⊙ g
            float tc = MathF.Tanh(ck);
            c[k] = ck;
            tanhC[k] = tc;
            h[k] = o * tc;                                                         // h = o ⊙ tanh(c)
        }
    }

    /// <summary>One row of the fused LSTM backward: from dh and the carried dc to dz (written over the gates) and dcPrev.</summary>
    /// <remarks>
    /// <code>
    /// dh = dhOut + dhRec                          the loss's share from above plus Whᵀ dz_{t+1}
    /// do = dh ⊙ tanhC       dc = dc + dh ⊙ o ⊙ (1 − tanhC²)
    /// dz = [dc ⊙ g ⊙ i(1−i) | dc ⊙ cPrev ⊙ f(1−f) | dc ⊙ i ⊙ (1−g²) | do ⊙ o(1−o)]    (4H, over the gates)
    /// dcPrev = dc ⊙ f                             (written back into dc)
    /// </code>
    /// Every path does the same multiplications and additions in the same order, so all give the same bits.
    /// </remarks>
    public static void LstmBackward(int H, float* dhOut, float* dhRec, float* dc, float* gatesToDz,
        float* cPrev, float* tanhC, KernelPath path = KernelPath.Best) =>
        LstmBackward(H, 0, H, dhOut, dhRec, dc, gatesToDz, cPrev, tanhC, path);

    /// <summary>Units k0..k1−1 of <see cref="LstmBackward(int, float*, float*, float*, float*, float*, float*, KernelPath)"/>
    /// (pointers still at the start of the row).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LstmBackward(int H, int k0, int k1, float* dhOut, float* dhRec, float* dc, float* gatesToDz,
        float* cPrev, float* tanhC, KernelPath path = KernelPath.Best)
    {
        float* gz = gatesToDz;
        int k = k0;
        path = Resolve(path);
        if (path == KernelPath.Vector512)
        {
            var one = Vector512<float>.One;
            for (; k <= k1 - 16; k += 16)
            {
                var i = Vector512.Load(gz + k); var f = Vector512.Load(gz + H + k);
                var g = Vector512.Load(gz + 2 * H + k); var o = Vector512.Load(gz + 3 * H + k);
                var dh = Vector512.Load(dhOut + k) + Vector512.Load(dhRec + k);
                var tc = Vector512.Load(tanhC + k);
                var dO = dh * tc;
                var dck = Vector512.Load(dc + k) + dh * o * (one - tc * tc);
                (dck * g * (i * (one - i))).Store(gz + k);
                (dck * Vector512.Load(cPrev + k) * (f * (one - f))).Store(gz + H + k);
                (dck * i * (one - g * g)).Store(gz + 2 * H + k);
                (dO * (o * (one - o))).Store(gz + 3 * H + k);
                (dck * f).Store(dc + k);
            }
        }
        else if (path == KernelPath.Vector256)
        {
            var one = Vector256<float>.One;
            for (; k <= k1 - 8; k += 8)
            {
                var i = Vector256.Load(gz + k); var f = Vector256.Load(gz + H + k);
                var g = Vector256.Load(gz + 2 * H + k); var o = Vector256.Load(gz + 3 * H + k);
                var dh = Vector256.Load(dhOut + k) + Vector256.Load(dhRec + k);
                var tc = Vector256.Load(tanhC + k);
                var dO = dh * tc;
                var dck = Vector256.Load(dc + k) + dh * o * (one - tc * tc);
                (dck * g * (i * (one - i))).Store(gz + k);
                (dck * Vector256.Load(cPrev + k) * (f * (one - f))).Store(gz + H + k);
                (dck * i * (one - g * g)).Store(gz + 2 * H + k);
                (dO * (o * (one - o))).Store(gz + 3 * H + k);
                (dck * f).Store(dc + k);
            }
        }
        for (; k < k1; k++)
        {
            float i = gz[k], f = gz[H + k], g = gz[2 * H + k], o = gz[3 * H + k];
            float dh = dhOut[k] + dhRec[k];
            float tc = tanhC[k];
            float dO = dh * tc;                                    // do
            float dck = dc[k] + dh * o * (1 - tc * tc);            // dc through h
            gz[k] = dck * g * (i * (1 - i));                       // di ⊙ σ'
            gz[H + k] = dck * cPrev[k] * (f * (1 - f));            // df ⊙ σ'
            gz[2 * H + k] = dck * i * (1 - g * g);                 // dg ⊙ tanh'
            gz[3 * H + k] = dO * (o * (1 - o));                    // do ⊙ σ'
            dc[k] = dck * f;                                       // dcPrev = dc ⊙ f
        }
    }
}

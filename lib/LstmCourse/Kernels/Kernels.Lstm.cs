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
    /// </remarks>
    public static void LstmForward(int H, float* zRec, float* zIn, float* b, float* cPrev,
        float* gates, float* c, float* tanhC, float* h, KernelPath path = KernelPath.Best)
    {
        for (int k = 0; k < H; k++)
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
    /// </remarks>
    public static void LstmBackward(int H, float* dhOut, float* dhRec, float* dc, float* gatesToDz,
        float* cPrev, float* tanhC, KernelPath path = KernelPath.Best)
    {
        float* gz = gatesToDz;
        for (int k = 0; k < H; k++)
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

    /// <summary>σ(x) = 1 / (1 + e^(−x)) in float, without overflow.</summary>
    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}

using LstmCourse.Numerics;
using static LstmCourse.Kernels.Kernels;

namespace LstmCourse.Fast;

public sealed unsafe partial class CharLstm
{
    /// <summary>The forward pass of every layer over all T steps, then the logits of every row as one matrix product.</summary>
    /// <remarks>
    /// <code>
    /// layer 0:  z_t = Wh h_{t−1} (one N x H · H x 4H product per step) + WxT[x_t] (a row gather) + b
    /// layer l:  XProj = X Wxᵀ for all NT rows at once, then z_t = Wh h_{t−1} + XProj_t + b
    /// logits:   Y = Hᴸ⁻¹ Wyᵀ   (NT x H · H x V), by added in the softmax
    /// </code>
    /// The recurrence runs on fixed slices of the N streams in parallel; each row's arithmetic is the same in any slice.
    /// </remarks>
    private void Forward(BatchWorkspace ws, BatchState state, float dropout, Rng? rng)
    {
        int N = ws.N, T = ws.T, NT = N * T, H = HiddenSize, V = VocabSize, L = Layers;
        if (WxT.Length != V * 4 * H) WxT = PinnedFloats(V * 4 * H);
        Transpose(Ptr(layers[0].Wx.Value), 4 * H, V, Ptr(WxT));                 // (V x 4H): row x is the column Wx[:, x]
        if (UnitParts() == 1)
            foreach (var layer in layers)
                layer.WhT.Pack(true, H, 4 * H, Ptr(layer.Wh.Value), H, Path);   // once per batch, reused by all T steps
        for (int l = 0; l < L; l++)
        {
            state.H(l).CopyTo(ws.Hs[l], 0);                   // h_{-1}: the carried state
            state.C(l).CopyTo(ws.Cs[l], 0);
        }
        if (dropout > 0) DrawMasks(ws, dropout, rng!);
        for (int l = 0; l < L; l++)
        {
            if (l > 0)
            {
                float* x = LayerInput(ws, l, dropout > 0, applyMask: true);   // (NT x H)
                Sgemm(false, true, NT, 4 * H, H, 1f, x, H, Ptr(layers[l].Wx.Value), H, 0f, Ptr(ws.XProj[l]), 4 * H, Path, threads);
            }
            int layer = l, slices = Math.Min(threads, N), parts = UnitParts();
            if (parts > 1) RecurrentForwardByUnits(ws, l, parts);
            else ParallelFor(slices, threads, s => RecurrentForward(ws, layer, s * N / slices, (s + 1) * N / slices));
        }
        Sgemm(false, true, NT, V, H, 1f, LayerInput(ws, L, dropout > 0, applyMask: true), H, Ptr(Wy.Value), H, 0f, Ptr(ws.Logits), V, Path, threads);
        for (int l = 0; l < L; l++)
        {
            ws.Hs[l].AsSpan(T * N * H, N * H).CopyTo(state.H(l));   // h_{T−1} carried to the next batch
            ws.Cs[l].AsSpan(T * N * H, N * H).CopyTo(state.C(l));
        }
    }

    /// <summary>Streams n0..n1−1 of layer l through all T steps.</summary>
    private void RecurrentForward(BatchWorkspace ws, int l, int n0, int n1)
    {
        int N = ws.N, T = ws.T, H = HiddenSize, G = 4 * H, m = n1 - n0;
        if (m == 0) return;
        var layer = layers[l];
        float* Hs = Ptr(ws.Hs[l]), Cs = Ptr(ws.Cs[l]), gates = Ptr(ws.Gates[l]), tanhC = Ptr(ws.TanhC[l]);
        float* zRec = Ptr(ws.ZRec) + n0 * G, b = Ptr(layer.b.Value);
        float* inputProjection = l == 0 ? Ptr(WxT) : Ptr(ws.XProj[l]);
        for (int t = 0; t < T; t++)
        {
            Sgemm(false, m, 1f, Hs + (t * N + n0) * H, H, layer.WhT, 0f, zRec, G);   // (m x 4H) h_{t−1} Whᵀ
            for (int n = n0; n < n1; n++)
            {
                int r = t * N + n;
                float* zIn = l == 0 ? inputProjection + ws.Tokens[r] * G : inputProjection + r * G;   // Wx x_t
                LstmForward(H, zRec + (n - n0) * G, zIn, b, Cs + (t * N + n) * H,
                    gates + r * G, Cs + (r + N) * H, tanhC + r * H, Hs + (r + N) * H, Path);
            }
        }
    }

    /// <summary>The input of layer l (or of Wy when l = L): h of the layer below for t = 0..T−1 (NT x H), under dropout
    /// masked (computed when <paramref name="applyMask"/>, once the layer below has run).</summary>
    private float* LayerInput(BatchWorkspace ws, int l, bool dropout, bool applyMask = false)
    {
        float* below = Ptr(ws.Hs[l - 1]) + ws.N * HiddenSize;   // rows N.. of Hs: h_0 … h_{T−1}
        if (!dropout) return below;
        if (applyMask) ApplyMask(below, ws.Masks[l], ws.MaskedInputs[l]);
        return Ptr(ws.MaskedInputs[l]);
    }

    /// <summary>Inverted-dropout masks m = [u ≥ p] / (1 − p), drawn site by site, row by row, unit by unit, and the masked inputs.</summary>
    private void DrawMasks(BatchWorkspace ws, float p, Rng rng)
    {
        int NT = ws.N * ws.T, H = HiddenSize;
        float keep = 1f / (1f - p);
        for (int site = 1; site <= Layers; site++)
        {
            var mask = ws.Mask(site, NT * H);
            for (int k = 0; k < mask.Length; k++) mask[k] = rng.NextFloat() >= p ? keep : 0f;
            ws.MaskedInput(site, NT * H);
        }
    }

    /// <summary>x ⊙ m for the masked input of a site, called once the layer below has run.</summary>
    private void ApplyMask(float* x, float[] mask, float[] masked) => Multiply(Ptr(masked), x, Ptr(mask), mask.Length, Path);

    /// <summary>Softmax cross-entropy of every row; with <paramref name="gradient"/>, Logits becomes dY = (P − onehot)/NT.</summary>
    private double OutputLoss(BatchWorkspace ws, bool gradient)
    {
        int NT = ws.N * ws.T, V = VocabSize;
        const int rowsPerBlock = 64;
        float scale = 1f / NT;
        ParallelFor((NT + rowsPerBlock - 1) / rowsPerBlock, threads, blk =>
        {
            float* Y = Ptr(ws.Logits), bias = Ptr(by.Value);
            for (int r = blk * rowsPerBlock; r < Math.Min(NT, (blk + 1) * rowsPerBlock); r++)
                ws.RowLoss[r] = SoftmaxCrossEntropy(V, Y + r * V, bias, ws.Targets[r], scale, gradient, Path);
        });
        double sum = 0;
        for (int r = 0; r < NT; r++) sum += ws.RowLoss[r];    // fixed order: the same sum for any thread count
        return sum / NT;
    }
}

using static LstmCourse.Kernels.Kernels;

namespace LstmCourse.Fast;

public sealed unsafe partial class CharLstm
{
    /// <summary>BPTT through the read-out and every layer, top to bottom, overwriting every Grad.</summary>
    /// <remarks>
    /// <code>
    /// read-out:  dWy = dYᵀ X (V x NT · NT x H)   dby = Σ_rows dY   dX = dY Wy (NT x V · V x H), ⊙ mask
    /// layer l, per step t = T−1..0 on fixed slices of the streams:
    ///            dz_t = fused cell backward (dh_t = dX_t + Whᵀ dz_{t+1}, dc carried)     dh ← dz_t Wh
    /// then over all NT rows at once:
    ///            dWh = dZᵀ H_prev (4H x NT · NT x H)   db = Σ_rows dZ
    ///            l = 0: dWx[:, x_r] += dz_r, row by row in order     l > 0: dWx = dZᵀ X, dX = dZ Wx, ⊙ mask
    /// </code>
    /// Every sum over rows runs in a fixed order, so the gradients are bit-identical for any thread count.
    /// </remarks>
    private void Backward(BatchWorkspace ws, bool dropout)
    {
        int N = ws.N, NT = N * ws.T, H = HiddenSize, G = 4 * H, V = VocabSize, L = Layers;
        float* dY = Ptr(ws.Logits), dX = Ptr(ws.DH);                      // dY (NT x V), dX (NT x H)
        if (UnitParts() == 1)
            foreach (var layer in layers)
                layer.WhPacked.Pack(false, G, H, Ptr(layer.Wh.Value), H, Path);   // once per batch, reused by all T steps
        float* X = LayerInput(ws, L, dropout);                                // Wy's input (NT x H)
        Sgemm(true, false, V, H, NT, 1f, dY, V, X, H, 0f, Ptr(Wy.Grad), H, Path, threads);             // dWy = dYᵀ X
        ColumnSums(NT, V, dY, Ptr(by.Grad), Path, threads);                                            // dby = Σ_rows dY
        Sgemm(false, false, NT, H, V, 1f, dY, V, Ptr(Wy.Value), H, 0f, dX, H, Path, threads);          // dX = dY Wy
        if (dropout) Scale(dX, ws.Masks[L]);
        for (int l = L - 1; l >= 0; l--)
        {
            var layer = layers[l];
            int li = l, slices = Math.Min(threads, N), parts = UnitParts();
            if (parts > 1) RecurrentBackwardByUnits(ws, l, parts);
            else ParallelFor(slices, threads, s => RecurrentBackward(ws, li, s * N / slices, (s + 1) * N / slices));
            float* dZ = Ptr(ws.Gates[l]);                                     // (NT x 4H)
            Sgemm(true, false, G, H, NT, 1f, dZ, G, Ptr(ws.Hs[l]), H, 0f, Ptr(layer.Wh.Grad), H, Path, threads);   // dWh = dZᵀ H_prev
            ColumnSums(NT, G, dZ, Ptr(layer.b.Grad), Path, threads);                                             // db = Σ_rows dZ
            if (l == 0)
            {
                ScatterRows(ws, dZ);                                          // dWxT[x_r] += dz_r
                Transpose(Ptr(dWxT), V, G, Ptr(layer.Wx.Grad));               // dWx = dWxTᵀ (4H x V)
            }
            else
            {
                X = LayerInput(ws, l, dropout);                               // layer l's input (NT x H)
                Sgemm(true, false, G, H, NT, 1f, dZ, G, X, H, 0f, Ptr(layer.Wx.Grad), H, Path, threads);           // dWx = dZᵀ X
                Sgemm(false, false, NT, H, G, 1f, dZ, G, Ptr(layer.Wx.Value), H, 0f, dX, H, Path, threads);        // dX = dZ Wx
                if (dropout) Scale(dX, ws.Masks[l]);
            }
        }
    }

    /// <summary>Streams n0..n1−1 of layer l backwards through all T steps; dz_t is written over the gates.</summary>
    private void RecurrentBackward(BatchWorkspace ws, int l, int n0, int n1)
    {
        int N = ws.N, T = ws.T, H = HiddenSize, G = 4 * H, m = n1 - n0;
        if (m == 0) return;
        float* Cs = Ptr(ws.Cs[l]), gates = Ptr(ws.Gates[l]), tanhC = Ptr(ws.TanhC[l]), dX = Ptr(ws.DH);
        float* dhRec = Ptr(ws.DhRec) + n0 * H, dc = Ptr(ws.Dc) + n0 * H;
        var Wh = layers[l].WhPacked;
        new Span<float>(dhRec, m * H).Clear();                 // nothing flows back from beyond the batch
        new Span<float>(dc, m * H).Clear();
        for (int t = T - 1; t >= 0; t--)
        {
            for (int n = n0; n < n1; n++)
            {
                int r = t * N + n;
                LstmBackward(H, dX + r * H, dhRec + (n - n0) * H, dc + (n - n0) * H, gates + r * G, Cs + r * H, tanhC + r * H, Path);
            }
            if (t > 0) Sgemm(false, m, 1f, gates + (t * N + n0) * G, G, Wh, 0f, dhRec, H);   // dh_{t−1} = dz_t Wh
        }
    }

    /// <summary>dWxT[x_r] += dz_r for r = 0..NT−1 in order: the gradient of the embedding gather (a one-hot product).
    /// Threads take disjoint column ranges, each adding the rows in the same order.</summary>
    private void ScatterRows(BatchWorkspace ws, float* dZ)
    {
        int NT = ws.N * ws.T, G = 4 * HiddenSize, V = VocabSize;
        if (dWxT.Length != V * G) dWxT = PinnedFloats(V * G);
        int parts = Math.Max(1, Math.Min(threads, G / 64));
        nint z = (nint)dZ;
        ParallelFor(parts, threads, part =>
        {
            int c0 = G * part / parts, c1 = G * (part + 1) / parts;
            float* d = Ptr(dWxT);
            for (int v = 0; v < V; v++) new Span<float>(d + v * G + c0, c1 - c0).Clear();
            for (int r = 0; r < NT; r++) Add(d + ws.Tokens[r] * G + c0, (float*)z + r * G + c0, c1 - c0, Path);
        });
    }

    /// <summary>x ⊙= m.</summary>
    private void Scale(float* x, float[] m) => Multiply(x, x, Ptr(m), m.Length, Path);
}

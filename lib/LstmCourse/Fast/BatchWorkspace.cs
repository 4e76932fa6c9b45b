using static LstmCourse.Kernels.Kernels;

namespace LstmCourse.Fast;

/// <summary>Every buffer one training batch of N streams x T steps needs, allocated once per (N, T) and reused,
/// so the hot loop allocates nothing. Rows are time-major: row r = t·N + n.</summary>
internal sealed class BatchWorkspace
{
    public BatchWorkspace(int layers, int N, int T, int H, int V)
    {
        this.N = N;
        this.T = T;
        int NT = N * T;
        Gates = new float[layers][];
        Hs = new float[layers][];
        Cs = new float[layers][];
        TanhC = new float[layers][];
        XProj = new float[layers][];
        Masks = new float[layers + 1][];
        MaskedInputs = new float[layers + 1][];
        for (int l = 0; l < layers; l++)
        {
            Gates[l] = PinnedFloats(NT * 4 * H);            // (NT x 4H) i, f, g, o; dz after backward
            Hs[l] = PinnedFloats((T + 1) * N * H);          // ((T+1)N x H) block 0 = h_{-1}, block t+1 = h_t
            Cs[l] = PinnedFloats((T + 1) * N * H);          // ((T+1)N x H) likewise for c
            TanhC[l] = PinnedFloats(NT * H);                // (NT x H) tanh(c_t)
            XProj[l] = l == 0 ? [] : PinnedFloats(NT * 4 * H);  // (NT x 4H) Wx x_t for every step at once
        }
        Logits = PinnedFloats(NT * V);                      // (NT x V) y, then dy
        RowLoss = new double[NT];
        DH = PinnedFloats(NT * H);                          // (NT x H) dL/dh from above, then dL/dx for the layer below
        ZRec = PinnedFloats(N * 4 * H);                     // (N x 4H) Wh h_{t−1} of one step
        DhRec = PinnedFloats(N * H);                        // (N x H) Whᵀ dz_{t+1}
        Dc = PinnedFloats(N * H);                           // (N x H) dc carried backwards
        Tokens = new int[NT];
        Targets = new int[NT];
    }

    public readonly int N, T;
    public readonly float[][] Gates, Hs, Cs, TanhC, XProj;

    /// <summary>Inverted-dropout masks (0 or 1/(1−p)) and masked inputs: index l for layer l's input (l ≥ 1),
    /// index L for Wy's input; allocated on first use.</summary>
    public readonly float[][] Masks, MaskedInputs;

    public readonly float[] Logits, DH, ZRec, DhRec, Dc;
    public readonly double[] RowLoss;
    public readonly int[] Tokens, Targets;

    public float[] Mask(int site, int length) =>
        Masks[site] is { Length: > 0 } m ? m : Masks[site] = PinnedFloats(length);

    public float[] MaskedInput(int site, int length) =>
        MaskedInputs[site] is { Length: > 0 } m ? m : MaskedInputs[site] = PinnedFloats(length);
}

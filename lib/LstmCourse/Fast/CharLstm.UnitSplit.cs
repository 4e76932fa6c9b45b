using static LstmCourse.Kernels.Kernels;

namespace LstmCourse.Fast;

/// <summary>How the recurrence of one layer is shared among threads.</summary>
internal enum RecurrentSplit
{
    /// <summary>Streams for small H (each thread's copy of Wh stays in its L2), units for large H.</summary>
    Auto,

    /// <summary>Each thread runs a fixed slice of the N streams through all T steps; no synchronisation.</summary>
    Streams,

    /// <summary>Each thread owns a fixed range of hidden units (its columns of Wh) for all N streams; threads meet
    /// at a barrier every step, and each reads only its part of Wh.</summary>
    Units,
}

public sealed unsafe partial class CharLstm
{
    /// <summary>Test hook: force how the recurrence is split among threads (the results are the same bits).</summary>
    internal RecurrentSplit Split { get; set; } = RecurrentSplit.Auto;

    /// <summary>Above this many bytes of Wh a thread's whole copy no longer sits in its L2 cache next to the rest.</summary>
    private const long RecurrentWeightsInL2 = 1 << 20;

    /// <summary>The number of unit ranges to split the recurrence into (1 = split by streams instead).</summary>
    private int UnitParts()
    {
        int H = HiddenSize, parts = Math.Min(threads, H / 16);
        bool large = 16L * H * H > RecurrentWeightsInL2;        // Wh is 4H x H floats
        return parts > 1 && (Split == RecurrentSplit.Units || (Split == RecurrentSplit.Auto && large)) ? parts : 1;
    }

    /// <summary>Part s of P covers units [16·⌊(H/16)·s/P⌋, …), the last one up to H: ranges start at multiples of 16,
    /// so every unit takes the same vector or scalar path as in one undivided row.</summary>
    private (int u0, int u1) UnitRange(int s, int parts)
    {
        int blocks = HiddenSize / 16;
        return (blocks * s / parts * 16, s + 1 == parts ? HiddenSize : blocks * (s + 1) / parts * 16);
    }

    /// <summary>Forward of layer l with the units split into <paramref name="parts"/> ranges run together.</summary>
    /// <remarks>
    /// <code>
    /// part s, every step t:  zRec[:, gate·H + u0..u1) = h_{t−1} Wh[gate·H + u0..u1, :]ᵀ  for the four gates
    ///                        fused cell on units u0..u1 of every stream;   barrier (h_t complete)
    /// </code>
    /// </remarks>
    private void RecurrentForwardByUnits(BatchWorkspace ws, int l, int parts)
    {
        int N = ws.N, T = ws.T, H = HiddenSize, G = 4 * H;
        var layer = layers[l];
        var packed = layer.UnitWhT(parts);
        for (int s = 0; s < parts; s++)
        {
            var (u0, u1) = UnitRange(s, parts);
            for (int gate = 0; gate < 4; gate++)                 // rows gate·H + u0..u1 of Wh, transposed
                packed[4 * s + gate].Pack(true, H, u1 - u0, Ptr(layer.Wh.Value) + (gate * H + u0) * H, H, Path);
        }
        RunTogether(parts, (s, barrier) =>
        {
            var (u0, u1) = UnitRange(s, parts);
            float* Hs = Ptr(ws.Hs[l]), Cs = Ptr(ws.Cs[l]), gates = Ptr(ws.Gates[l]), tanhC = Ptr(ws.TanhC[l]);
            float* zRec = Ptr(ws.ZRec), b = Ptr(layer.b.Value);
            float* inputProjection = l == 0 ? Ptr(WxT) : Ptr(ws.XProj[l]);
            for (int t = 0; t < T; t++)
            {
                for (int gate = 0; gate < 4; gate++)
                    Sgemm(false, N, 1f, Hs + t * N * H, H, packed[4 * s + gate], 0f, zRec + gate * H + u0, G);
                for (int n = 0; n < N; n++)
                {
                    int r = t * N + n;
                    float* zIn = l == 0 ? inputProjection + ws.Tokens[r] * G : inputProjection + r * G;
                    LstmForward(H, u0, u1, zRec + n * G, zIn, b, Cs + r * H, gates + r * G, Cs + (r + N) * H, tanhC + r * H, Hs + (r + N) * H, Path);
                }
                barrier.SignalAndWait();                           // every unit of h_t written before step t+1 reads it
            }
        });
    }

    /// <summary>Backward of layer l with the units split into <paramref name="parts"/> ranges run together.</summary>
    /// <remarks>
    /// <code>
    /// part s, every step t = T−1..0:  fused cell backward on units u0..u1 (dz_t written over the gates)
    ///                                 barrier (dz_t complete);  dh[:, u0..u1) = dz_t Wh[:, u0..u1)
    /// </code>
    /// </remarks>
    private void RecurrentBackwardByUnits(BatchWorkspace ws, int l, int parts)
    {
        int N = ws.N, T = ws.T, H = HiddenSize, G = 4 * H;
        var layer = layers[l];
        var packed = layer.UnitWh(parts);
        for (int s = 0; s < parts; s++)
        {
            var (u0, u1) = UnitRange(s, parts);
            packed[s].Pack(false, G, u1 - u0, Ptr(layer.Wh.Value) + u0, H, Path);   // columns u0..u1 of Wh
        }
        RunTogether(parts, (s, barrier) =>
        {
            var (u0, u1) = UnitRange(s, parts);
            float* Cs = Ptr(ws.Cs[l]), gates = Ptr(ws.Gates[l]), tanhC = Ptr(ws.TanhC[l]), dX = Ptr(ws.DH);
            float* dhRec = Ptr(ws.DhRec), dc = Ptr(ws.Dc);
            for (int n = 0; n < N; n++)
            {
                new Span<float>(dhRec + n * H + u0, u1 - u0).Clear();
                new Span<float>(dc + n * H + u0, u1 - u0).Clear();
            }
            for (int t = T - 1; t >= 0; t--)
            {
                for (int n = 0; n < N; n++)
                {
                    int r = t * N + n;
                    LstmBackward(H, u0, u1, dX + r * H, dhRec + n * H, dc + n * H, gates + r * G, Cs + r * H, tanhC + r * H, Path);
                }
                if (t == 0) break;
                barrier.SignalAndWait();                           // every unit of dz_t written before the product reads it
                Sgemm(false, N, 1f, gates + t * N * G, G, packed[s], 0f, dhRec + u0, H);
            }
        });
    }
}

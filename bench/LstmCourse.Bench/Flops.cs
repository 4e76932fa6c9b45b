namespace LstmCourse.Bench;

/// <summary>The FLOP counts the GFLOP/s figures divide by: matrix products only, 2 FLOPs per multiply-add.</summary>
internal static class Flops
{
    /// <summary>C (M x N) = A (M x K) · B (K x N): 2·M·N·K.</summary>
    public static double Gemm(long M, long N, long K) => 2.0 * M * N * K;

    /// <summary>One training step of a 1-layer character LSTM on N x T characters: N·T·(24H² + 6HV).</summary>
    /// <remarks>
    /// <code>
    /// forward    h_{t−1} Whᵀ  2·NT·H·4H        Y = H Wyᵀ    2·NT·H·V
    /// backward   dZ Wh        2·NT·4H·H        dY Wy        2·NT·V·H
    ///            dZᵀ H_prev   2·NT·4H·H        dYᵀ H        2·NT·V·H
    /// total      NT·(3·8H² + 3·2HV) = NT·(24H² + 6HV)
    /// </code>
    /// Not counted: the embedding (a gather, where a one-hot product would add 2·NT·V·4H twice), gate
    /// activations, softmax and the SGD update (all O(NT·H) or O(parameters)).
    /// </remarks>
    public static double TrainingStep(long N, long T, long H, long V) => N * T * (24.0 * H * H + 6.0 * H * V);
}

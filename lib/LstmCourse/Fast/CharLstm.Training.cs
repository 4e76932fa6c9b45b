using LstmCourse.Numerics;
using static LstmCourse.Kernels.Kernels;

namespace LstmCourse.Fast;

public sealed unsafe partial class CharLstm
{
    private BatchWorkspace? workspace;
    private float[] WxT = [];     // (V x 4H) layer0.Wx transposed: row x is the column Wx[:, x] the embedding gathers
    private float[] dWxT = [];    // (V x 4H) its gradient, accumulated row by row in a fixed order

    /// <summary>One training step on N streams of T tokens: the mean cross-entropy over the N·T targets, with every
    /// <c>Grad</c> overwritten by d(mean loss)/dθ.</summary>
    /// <remarks>
    /// inputs and targets are N x T row-major (stream n, step t at n·T + t). The streams start from
    /// <paramref name="state"/> and its final h, c are written back (carried to the next batch, not differentiated).
    /// With <paramref name="dropout"/> p &gt; 0, inverted dropout (keep with probability 1 − p, scale kept values by
    /// 1/(1 − p)) masks the input of every layer above the first and the input of Wy; masks are drawn from
    /// <paramref name="rng"/> site by site (layer 1 … L−1, then Wy), row r = t·N + n, unit k, one NextFloat each.
    /// </remarks>
    public float ForwardBackward(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets, int N, int T, BatchState state,
        float dropout = 0f, Rng? rng = null)
    {
        var ws = Prepare(inputs, targets, N, T, state, dropout, rng);
        Forward(ws, state, dropout, rng);
        double loss = OutputLoss(ws, gradient: true);
        Backward(ws, dropout > 0);
        return (float)loss;
    }

    /// <summary>The mean cross-entropy over N·T targets in evaluation mode (no dropout, no gradients); advances
    /// <paramref name="state"/> like <see cref="ForwardBackward"/>.</summary>
    public float Loss(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets, int N, int T, BatchState state)
    {
        var ws = Prepare(inputs, targets, N, T, state, 0f, null);
        Forward(ws, state, 0f, null);
        return (float)OutputLoss(ws, gradient: false);
    }

    /// <summary>The cross-entropy −log softmax(y)[target] of each of the N·T targets in evaluation mode, laid out like the
    /// inputs (stream n, step t at n·T + t); their mean is <see cref="Loss"/>. Advances <paramref name="state"/> like it.</summary>
    /// <remarks>For scoring a text piece by piece: streams of different lengths padded to one T, the padding's losses ignored.</remarks>
    public float[] Losses(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets, int N, int T, BatchState state)
    {
        var ws = Prepare(inputs, targets, N, T, state, 0f, null);
        Forward(ws, state, 0f, null);
        OutputLoss(ws, gradient: false);
        var losses = new float[N * T];
        for (int n = 0; n < N; n++)
            for (int t = 0; t < T; t++) losses[n * T + t] = (float)ws.RowLoss[t * N + n];   // time-major row r = t·N + n
        return losses;
    }

    /// <summary>Test hook: the logits y_t (NT x V, row t·N + n, bias included) of an evaluation-mode forward pass.</summary>
    internal float[] ForwardLogits(ReadOnlySpan<int> inputs, int N, int T, BatchState state)
    {
        var ws = Prepare(inputs, inputs, N, T, state, 0f, null);
        Forward(ws, state, 0f, null);
        int V = VocabSize;
        var y = new float[N * T * V];
        for (int r = 0; r < N * T; r++)
            for (int k = 0; k < V; k++) y[r * V + k] = ws.Logits[r * V + k] + by.Value[k];
        return y;
    }

    /// <summary>Test hook: the dropout mask of a site (l ≥ 1: layer l's input; Layers: Wy's input) from the last step.</summary>
    internal float[] DropoutMask(int site) => workspace?.Masks[site] ?? [];

    private BatchWorkspace Prepare(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets, int N, int T, BatchState state,
        float dropout, Rng? rng)
    {
        int V = VocabSize;
        Check.Positive(nameof(N), N);
        Check.Positive(nameof(T), T);
        if ((long)N * T > int.MaxValue / (4 * HiddenSize))
            throw new ArgumentException($"N x T = {(long)N * T} rows are too many for H={HiddenSize}; use shorter batches.", nameof(N));
        if (inputs.Length != N * T)
            throw new ArgumentException($"inputs has {inputs.Length} tokens but N x T = {N} x {T} = {N * T}; pass N streams of T tokens, stream n at n*T + t.", nameof(inputs));
        if (targets.Length != N * T)
            throw new ArgumentException($"targets has {targets.Length} tokens but N x T = {N} x {T} = {N * T}; pass one target per input.", nameof(targets));
        ArgumentNullException.ThrowIfNull(state);
        if (state.BatchSize != N)
            throw new ArgumentException($"state holds {state.BatchSize} streams but the batch has N = {N}; make it with NewState({N}).", nameof(state));
        if (state.Layers != Layers || state.HiddenSize != HiddenSize)
            throw new ArgumentException($"state is for {state.Layers} layers of {state.HiddenSize} units but this model has {Layers} of {HiddenSize}; make it with this model's NewState.", nameof(state));
        if (!(dropout >= 0f && dropout < 1f))
            throw new ArgumentException($"dropout must be in [0, 1), got {dropout}.", nameof(dropout));
        if (dropout > 0f && rng is null)
            throw new ArgumentException($"dropout {dropout} needs an rng to draw its masks from; pass one (new Rng(seed)) so runs replay.", nameof(rng));
        var ws = workspace is { } w && w.N == N && w.T == T ? w : workspace = new BatchWorkspace(Layers, N, T, HiddenSize, V);
        for (int n = 0; n < N; n++)
            for (int t = 0; t < T; t++)
            {
                int x = inputs[n * T + t], y = targets[n * T + t];
                if ((uint)x >= (uint)V)
                    throw new ArgumentException($"inputs[{n * T + t}] (stream {n}, step {t}) is token {x}, outside the vocabulary 0..{V - 1}.", nameof(inputs));
                if ((uint)y >= (uint)V)
                    throw new ArgumentException($"targets[{n * T + t}] (stream {n}, step {t}) is token {y}, outside the vocabulary 0..{V - 1}.", nameof(targets));
                ws.Tokens[t * N + n] = x;                      // time-major row r = t·N + n
                ws.Targets[t * N + n] = y;
            }
        return ws;
    }
}

namespace LstmCourse.Text;

/// <summary>N parallel streams over a token sequence, read T steps at a time: batch b holds, for stream n,
/// inputs x[n, t] = tokens[sₙ + bT + t] and targets y[n, t] = tokens[sₙ + bT + t + 1], with sₙ = ⌊n·P/N⌋, P = length − 1.</summary>
/// <remarks>
/// <code>
/// tokens:   |---- stream 0 ----|---- stream 1 ----| ... |---- stream N−1 ----|
/// batch b:   [s₀+bT, s₀+bT+T)   [s₁+bT, s₁+bT+T)         (rows of the N x T batch)
/// </code>
/// Consecutive batches continue each stream where the previous one stopped, so a model may carry its hidden state
/// from batch to batch (truncated BPTT). An epoch is <see cref="BatchesPerEpoch"/> = ⌊⌊P/N⌋ / T⌋ batches; the few
/// tokens at the end of each stream that do not fill a whole batch are skipped. After the last batch
/// <see cref="EndOfEpoch"/> is true; <see cref="NextEpoch"/> starts again at the beginning (reset the carried state
/// then: the streams jump back). Nothing is random, so every run reads the same batches.
/// Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public sealed class BatchStream
{
    private readonly int[] tokens;
    private readonly int[] starts;   // N stream starts sₙ

    public BatchStream(int[] tokens, int batchSize, int sequenceLength)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"batchSize must be at least 1, got {batchSize}.");
        if (sequenceLength < 1) throw new ArgumentOutOfRangeException(nameof(sequenceLength), sequenceLength, $"sequenceLength must be at least 1, got {sequenceLength}.");
        long pairs = tokens.Length - 1L;                                     // P: inputs that have a next token
        long needed = (long)batchSize * sequenceLength + 1;
        if (tokens.Length < needed)
            throw new ArgumentException($"{tokens.Length} tokens are too few for {batchSize} streams of {sequenceLength} steps: one batch needs {needed} "
                                      + "(BatchSize x SequenceLength + 1). Lower BatchSize or SequenceLength, or use a longer text.", nameof(tokens));
        this.tokens = tokens;
        N = batchSize;
        T = sequenceLength;
        starts = new int[N];
        for (int n = 0; n < N; n++) starts[n] = (int)(n * pairs / N);
        BatchesPerEpoch = (int)(pairs / N / T);
    }

    /// <summary>Number of parallel streams (rows of a batch).</summary>
    public int N { get; }

    /// <summary>Steps per batch (columns of a batch).</summary>
    public int T { get; }

    /// <summary>Characters in the text, including the last (which is only a target).</summary>
    public int Length => tokens.Length;

    public int BatchesPerEpoch { get; }

    /// <summary>Completed epochs since the start (0 during the first).</summary>
    public int Epoch { get; private set; }

    /// <summary>Index of the next batch within the epoch, 0..<see cref="BatchesPerEpoch"/>.</summary>
    public int Batch { get; private set; }

    public bool EndOfEpoch => Batch == BatchesPerEpoch;

    /// <summary>Epochs read so far as a fraction: <see cref="Epoch"/> + <see cref="Batch"/> / <see cref="BatchesPerEpoch"/>.</summary>
    public double EpochFraction => Epoch + (double)Batch / BatchesPerEpoch;

    /// <summary>Where stream <paramref name="n"/> starts in the text.</summary>
    public int StreamStart(int n) => starts[n];

    /// <summary>Fills the next N x T batch (row-major: stream n, step t at n*T + t) and moves on.</summary>
    public void Read(Span<int> inputs, Span<int> targets)
    {
        if (EndOfEpoch) throw new InvalidOperationException($"epoch {Epoch} is over after {BatchesPerEpoch} batches; call NextEpoch() (and reset the carried state) to read on.");
        Fill(Batch, inputs, targets);
        Batch++;
    }

    /// <summary>Fills the batch the next <see cref="Read"/> will give (after <see cref="NextEpoch"/> at the end of an epoch) without moving.</summary>
    public void Peek(Span<int> inputs, Span<int> targets) => Fill(EndOfEpoch ? 0 : Batch, inputs, targets);

    private void Fill(int batch, Span<int> inputs, Span<int> targets)
    {
        if (inputs.Length != N * T) throw new ArgumentException($"inputs has length {inputs.Length}, expected N x T = {N} x {T} = {N * T}.", nameof(inputs));
        if (targets.Length != N * T) throw new ArgumentException($"targets has length {targets.Length}, expected N x T = {N} x {T} = {N * T}.", nameof(targets));
        for (int n = 0; n < N; n++)
        {
            int from = starts[n] + batch * T;
            tokens.AsSpan(from, T).CopyTo(inputs.Slice(n * T, T));          // x[n, :]
            tokens.AsSpan(from + 1, T).CopyTo(targets.Slice(n * T, T));     // y[n, :] = next characters
        }
    }

    /// <summary>Starts the next epoch at batch 0.</summary>
    public void NextEpoch()
    {
        Epoch++;
        Batch = 0;
    }

    /// <summary>Back to the start of epoch 0.</summary>
    public void Rewind() => Seek(0, 0);

    /// <summary>Moves to a saved position (for resuming from a checkpoint).</summary>
    public void Seek(int epoch, int batch)
    {
        if (epoch < 0) throw new ArgumentOutOfRangeException(nameof(epoch), epoch, $"epoch must be 0 or more, got {epoch}.");
        if (batch < 0 || batch > BatchesPerEpoch)
            throw new ArgumentOutOfRangeException(nameof(batch), batch, $"batch must be in 0..{BatchesPerEpoch} (batches per epoch), got {batch}.");
        Epoch = epoch;
        Batch = batch;
    }
}

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
/// <para>Aligned to documents (<see cref="AlignedTo"/>): the text is a run of documents, and every row of every batch
/// starts at a document's first token, with no state carried in (<see cref="CarriesState"/> is false). Stream n reads
/// the documents of its share in order, one per batch:</para>
/// <code>
/// documents d = 0..D−1 starting at a_d;  stream n owns d = ⌊n·D/N⌋ ...;  batch b, row n:  x[n, t] = tokens[a_{⌊n·D/N⌋+b} + t]
/// </code>
/// A row may run past its document's end into the next one; a document too close to the end of the text for T + 1
/// tokens is left out. An epoch is ⌊D/N⌋ batches. Every dependency inside the first T steps of a document then lies
/// inside one window, so BPTT sees it whole, and training starts each document the way sampling does: from zero.
/// Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public sealed class BatchStream
{
    private readonly int[] tokens;
    private readonly int[] starts;   // N stream starts sₙ (aligned: each stream's first document)
    private readonly int[]? documents;   // aligned: document starts a_d, in text order

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
        CarriesState = true;
    }

    private BatchStream(int[] tokens, int batchSize, int sequenceLength, int[] documentStarts)
    {
        this.tokens = tokens;
        N = batchSize;
        T = sequenceLength;
        documents = documentStarts;
        starts = new int[N];
        for (int n = 0; n < N; n++) starts[n] = (int)((long)n * documents.Length / N);   // first document of stream n
        BatchesPerEpoch = documents.Length / N;
        CarriesState = false;
    }

    /// <summary>Batches whose every row starts at a document: just after each occurrence of <paramref name="separator"/>
    /// (and at the start of the text). Rows hold T tokens from there, from a zero state.</summary>
    /// <exception cref="ArgumentException">Fewer than N documents leave room for T + 1 tokens.</exception>
    public static BatchStream AlignedTo(int[] tokens, int[] separator, int batchSize, int sequenceLength)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(separator);
        if (separator.Length == 0) throw new ArgumentException("the separator is empty; give the tokens that end a document, such as those of \"$$\\n\".", nameof(separator));
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"batchSize must be at least 1, got {batchSize}.");
        if (sequenceLength < 1) throw new ArgumentOutOfRangeException(nameof(sequenceLength), sequenceLength, $"sequenceLength must be at least 1, got {sequenceLength}.");
        var found = new List<int> { 0 };
        for (int k = 0; k + separator.Length <= tokens.Length; k++)
            if (tokens.AsSpan(k, separator.Length).SequenceEqual(separator)) found.Add(k + separator.Length);
        int all = found.Count;
        found.RemoveAll(a => (long)a + sequenceLength + 1 > tokens.Length);                 // no room for T inputs and their targets
        if (found.Count < batchSize)
            throw new ArgumentException($"the text holds {all} documents but only {found.Count} leave room for {sequenceLength} + 1 tokens, fewer than the "
                                      + $"{batchSize} streams of a batch. Lower BatchSize or SequenceLength, use a longer text, or check the separator.", nameof(tokens));
        return new BatchStream(tokens, batchSize, sequenceLength, [.. found]);
    }

    /// <summary>True when row n of a batch continues row n of the previous one (carry h and c across); false when every
    /// row starts a document (start each batch from a zero state).</summary>
    public bool CarriesState { get; }

    /// <summary>Documents the rows start at (aligned batches), or 0 for contiguous streams.</summary>
    public int DocumentCount => documents?.Length ?? 0;

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
    public int StreamStart(int n) => documents is null ? starts[n] : documents[starts[n]];

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
            int from = documents is null ? starts[n] + batch * T : documents[starts[n] + batch];
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

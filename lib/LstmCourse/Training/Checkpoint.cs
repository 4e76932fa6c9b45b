using LstmCourse.IO;
using System.Security.Cryptography;
using System.Text;
using LstmCourse.Fast;
using LstmCourse.Parameters;
using LstmCourse.Text;
using LstmCourse.Training.Optimizers;

namespace LstmCourse.Training;

/// <summary>Everything needed to continue a run exactly where it stopped: config, vocabulary, weights, optimizer state,
/// random state, data position, carried hidden state and metrics, in one versioned, checksummed binary file.</summary>
/// <remarks>
/// <code>
/// "LSTMCKPT"  (8 bytes)   magic
/// uint32                  format version (2; version 1 is read too)
/// int64                   payload length P
/// P bytes                 payload: sections, each  name (string) · int64 length · bytes
/// 32 bytes                SHA-256 of the payload
/// </code>
/// Little-endian; strings are BinaryWriter's (length-prefixed UTF-8). Sections: config (JSON), vocabulary (int32 count,
/// then the characters as uint32 Unicode scalar values in id order; version 1 held uint16 UTF-16 code units), weights and
/// optimizer and state (float32 tensors with names and shapes), rng, position, metrics.
/// Load checks everything the file declares against what it holds before anything is built from it (sizes, names and
/// shapes, finite values, the stored config, the vocabulary, the carried state); see <see cref="Problem"/>.
/// Files are written atomically, so a crash mid-save leaves the previous checkpoint intact.
/// Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public sealed partial class Checkpoint
{
    public const uint FormatVersion = 2;
    private const uint OldestReadableVersion = 1;
    private const int HeaderBytes = 8 + 4 + 8, ChecksumBytes = 32;
    private static ReadOnlySpan<byte> Magic => "LSTMCKPT"u8;

    public required TrainingConfig Config { get; init; }
    public required Vocabulary Vocabulary { get; init; }

    /// <summary>Every model parameter, in the model's order.</summary>
    public required IReadOnlyList<TensorSnapshot> Weights { get; init; }
    public required OptimizerState Optimizer { get; init; }

    /// <summary>The dropout random source's four state words.</summary>
    public required ulong[] RngState { get; init; }
    public required TrainingPosition Position { get; init; }

    /// <summary>The carried training state: <c>layer{l}.h</c>, <c>layer{l}.c</c>, N x H each.</summary>
    public required IReadOnlyList<TensorSnapshot> CarriedState { get; init; }
    public required IReadOnlyList<TrainingMetrics> History { get; init; }

    /// <summary>The carried state of a run that starts (or restarts) from zero: <c>layer{l}.h</c> and <c>layer{l}.c</c>, N x H zeros.</summary>
    public static IReadOnlyList<TensorSnapshot> ZeroState(TrainingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var state = new List<TensorSnapshot>(2 * config.Layers);
        for (int l = 0; l < config.Layers; l++)
        {
            state.Add(new TensorSnapshot($"layer{l}.h", config.BatchSize, config.HiddenSize, new float[config.BatchSize * config.HiddenSize]));
            state.Add(new TensorSnapshot($"layer{l}.c", config.BatchSize, config.HiddenSize, new float[config.BatchSize * config.HiddenSize]));
        }
        return state;
    }

    /// <summary>A model with the saved sizes and weights (for sampling, or to start a new run from these weights).</summary>
    /// <exception cref="InvalidOperationException">The checkpoint is inconsistent (see <see cref="Problem"/>); nothing is allocated then.</exception>
    public CharLstm CreateModel()
    {
        if (Problem() is { } problem) throw new InvalidOperationException($"this checkpoint cannot build a model: {problem}");
        var model = new CharLstm(Vocabulary.Size, Config.HiddenSize, Config.Layers, Config.Seed, (float)Config.ForgetBias);
        model.Import(Weights.Select(w => new NamedTensor(w.Name, w.Rows, w.Cols, w.Data.Select(v => (double)v).ToArray())));
        return model;
    }

    /// <summary>Writes the file atomically: a temporary file in the same folder, flushed to disk, renamed over <paramref name="path"/>.</summary>
    /// <exception cref="InvalidOperationException">The checkpoint is inconsistent (see <see cref="Problem"/>): it would not load.</exception>
    public void Save(string path)
    {
        if (Problem() is { } problem) throw new InvalidOperationException($"this checkpoint cannot be saved, it would not load: {problem}");
        byte[] payload = WritePayload();
        AtomicFile.Write(path, stream =>
        {
            using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write((long)payload.Length);
            w.Write(payload);
            w.Write(SHA256.HashData(payload));
        });
    }

    /// <summary>Reads a file written by <see cref="Save"/>, checking magic, version, length and checksum first.</summary>
    /// <exception cref="CheckpointFormatException">The file is truncated, corrupt, of another version, or not a checkpoint.</exception>
    public static Checkpoint Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"Checkpoint '{full}' does not exist.", full);
        CheckpointFormatException Bad(string problem, Exception? inner = null) => new(full, problem, inner);
        long size = new FileInfo(full).Length;
        if (size > Array.MaxLength)
            throw Bad($"it is {size:N0} bytes, more than one array holds ({Array.MaxLength:N0}); no model of this course is that large.");
        byte[] bytes = File.ReadAllBytes(full);

        if (bytes.Length < HeaderBytes)
            throw Bad($"it is truncated: {bytes.Length} bytes, shorter than the {HeaderBytes}-byte header.");
        if (!bytes.AsSpan(0, 8).SequenceEqual(Magic))
            throw Bad($"it is not an LstmCourse checkpoint: it starts with {Convert.ToHexString(bytes, 0, 8)} instead of \"LSTMCKPT\".");
        uint version = BitConverter.ToUInt32(bytes, 8);
        if (version is < OldestReadableVersion or > FormatVersion)
            throw Bad($"it has format version {version}, and this library reads versions {OldestReadableVersion} to {FormatVersion}; load it with the LstmCourse version that saved it.");
        long length = BitConverter.ToInt64(bytes, 12);
        long expected = HeaderBytes + length + ChecksumBytes;
        if (length < 0 || expected != bytes.Length)
            throw Bad(length < 0 || expected > bytes.Length
                ? $"it is truncated: the header announces a {length}-byte payload plus a {ChecksumBytes}-byte checksum, but the file has {bytes.Length - HeaderBytes} bytes after the header."
                : $"it has {bytes.Length - expected} unexpected bytes after the checksum.");
        var payload = bytes.AsSpan(HeaderBytes, (int)length);
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(bytes.AsSpan(HeaderBytes + (int)length, ChecksumBytes)))
            throw Bad("its checksum does not match: the file was changed or damaged after it was saved.");
        Checkpoint checkpoint;
        try { checkpoint = ReadPayload(payload.ToArray(), version); }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or InvalidDataException or IOException or FormatException or DecoderFallbackException)
        {
            throw Bad($"its content is malformed ({e.Message}).", e);
        }
        if (checkpoint.Problem() is { } problem) throw Bad($"its content is inconsistent: {problem}.");
        return checkpoint;
    }
}

/// <summary>Where a run stands: step, data position, elapsed time, divergence reference and early-stopping counters.</summary>
/// <param name="InitialLoss">The first step's loss, the divergence guard's reference (NaN before the first step).</param>
/// <param name="DataFingerprint">A hash of the training and validation tokens, so a resume on another text is caught.</param>
public sealed record TrainingPosition(
    long Step, int Epoch, int Batch, double ElapsedSeconds, double InitialLoss,
    double BestValidationLoss, long BestStep, int BadEvaluations, ulong DataFingerprint);

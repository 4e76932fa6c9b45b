using LstmCourse.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LstmCourse.Training;

/// <summary>Which update rule <see cref="Trainer"/> uses (see the classes in <c>Training/Optimizers</c>).</summary>
public enum OptimizerKind { Sgd, Momentum, Adagrad, RmsProp, Adam, AdamW }

/// <summary>Which engine trains the config: ours (<see cref="Trainer"/>), or the same model in TorchSharp (LstmCourse.Torch's
/// TorchTrainer: nn.LSTM + nn.Linear). The lab's tools pick it; both write the same run folder.</summary>
public enum TrainingEngine { Ours, TorchSharp }

/// <summary>How the learning rate changes over the run (see <see cref="LearningRateSchedule"/>).</summary>
public enum ScheduleKind { Constant, Step, Cosine }

/// <summary>Every knob of a training run, in one record: change one with <c>with { }</c>, from the command line with
/// <see cref="With(string, string)"/>, save it with <see cref="Save"/>. Checkpoints and results store it.</summary>
/// <remarks>
/// <c>new TrainingConfig()</c> is <see cref="Default"/>; <see cref="Tiny"/> trains in seconds for tests and smoke runs.
/// A 0 switches the knobs marked "0 = off" off. <see cref="Validate"/> names any field out of range.
/// Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public sealed partial record TrainingConfig
{
    // ---- Model
    public int HiddenSize { get; init; } = 128;                 // H
    public int Layers { get; init; } = 2;                       // L stacked LSTM layers
    public double ForgetBias { get; init; } = 1.0;              // forget gate starts open, so c (and its gradient) survives early on

    // ---- Data
    public int SequenceLength { get; init; } = 64;              // T: steps per batch, the truncated-BPTT window
    public int BatchSize { get; init; } = 32;                   // N: parallel streams through the text
    public double ValidationFraction { get; init; } = 0.1;      // the last share of the text, held out (0 = no validation)
    public string? WindowsStartAfter { get; init; } = null;     // null: N streams carry h, c from batch to batch; a text such as "$$\n":
                                                                // every row starts just after it (a document's start), from zero

    // ---- Optimisation
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;
    public double LearningRate { get; init; } = 2e-3;           // η, the peak rate when a schedule is on
    public double Momentum { get; init; } = 0.9;                // μ of the Momentum optimizer
    public bool Nesterov { get; init; } = false;                // Momentum optimizer: look-ahead gradient
    public double Beta1 { get; init; } = 0.9;                   // Adam/AdamW first-moment decay
    public double Beta2 { get; init; } = 0.999;                 // Adam/AdamW second-moment decay
    public double Alpha { get; init; } = 0.99;                  // RmsProp squared-gradient decay (PyTorch's alpha)
    public double Epsilon { get; init; } = 1e-8;                // added to √v in Adagrad, RmsProp, Adam, AdamW
    public double WeightDecay { get; init; } = 0;               // AdamW's decoupled λ; other optimizers use L2 instead
    public ScheduleKind Schedule { get; init; } = ScheduleKind.Constant;
    public int WarmupSteps { get; init; } = 0;                  // linear ramp up to LearningRate (0 = off)
    public int DecayEvery { get; init; } = 1000;                // Step schedule: multiply by DecayFactor every this many steps
    public double DecayFactor { get; init; } = 0.5;             // Step schedule's γ
    public double MinLearningRate { get; init; } = 0;           // Cosine schedule's floor, reached at MaxSteps
    public double ClipNorm { get; init; } = 5;                  // rescale gradients whose global norm exceeds this (0 = off)
    public double ClipValue { get; init; } = 0;                 // clamp each gradient entry to ±this (0 = off)

    // ---- Regularisation
    public double L1 { get; init; } = 0;                        // λ₁ Σ|w| on weight matrices (Wx, Wh, Wy)
    public double L2 { get; init; } = 0;                        // (λ₂/2) Σw² on weight matrices (Wx, Wh, Wy)
    public double Dropout { get; init; } = 0;                   // drop probability between layers and before Wy (0 = off)

    // ---- Run
    public int Seed { get; init; } = 1;                         // weights and dropout masks; same seed, same run
    public int MaxSteps { get; init; } = 3000;                  // optimizer steps; also the Cosine schedule's horizon
    public TimeSpan? TimeBudget { get; init; } = null;          // stop after this much training time (null = no limit)
    public int EvaluateEvery { get; init; } = 200;              // steps between validation losses
    public int ValidationBatches { get; init; } = 20;           // batches per validation (0 = the whole validation text)
    public int LogEvery { get; init; } = 50;                    // steps between progress reports
    public int Threads { get; init; } = 0;                      // engine threads (0 = all cores; capped at the core count)
    public TrainingEngine Engine { get; init; } = TrainingEngine.Ours;   // the lab's tools: ours, or TorchSharp (LstmCourse.Torch)
    public int Patience { get; init; } = 0;                     // evaluations without improvement before stopping (0 = off)
    public double MinDelta { get; init; } = 0;                  // improvement in validation loss (nats) that counts
    public double DivergenceFactor { get; init; } = 3;          // stop when loss > this x the first loss (0 = off)
    public string? CheckpointPath { get; init; } = null;        // where to save checkpoints (null = no checkpoints)
    public int CheckpointEvery { get; init; } = 0;              // steps between checkpoints (0 = at every evaluation)

    /// <summary>A sensible character-level workshop run: 2 x 128 LSTM, Adam 2e-3, clip 5, 3000 steps of 32 x 64 characters.</summary>
    public static TrainingConfig Default { get; } = new();

    /// <summary>A run that trains in seconds on a repetitive text: for tests and smoke runs.</summary>
    public static TrainingConfig Tiny { get; } = new()
    {
        HiddenSize = 16, Layers = 1,
        SequenceLength = 16, BatchSize = 4,
        LearningRate = 1e-2,
        MaxSteps = 300, EvaluateEvery = 50, ValidationBatches = 4, LogEvery = 10, Threads = 1,
    };

    /// <summary>The number of engine threads this config asks for on this machine.</summary>
    [JsonIgnore]
    public int EffectiveThreads => Threads == 0 ? Environment.ProcessorCount : Math.Min(Threads, Environment.ProcessorCount);

    internal static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The config as indented JSON, enums as names.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads JSON written by <see cref="ToJson"/>; fields left out keep their <see cref="Default"/> values,
    /// an unknown field is an error that lists the known ones.</summary>
    public static TrainingConfig FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new ArgumentException($"config is not valid JSON: {e.Message}", nameof(json), e); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new ArgumentException($"config JSON must be an object {{ \"HiddenSize\": 128, ... }}, got a {doc.RootElement.ValueKind}.", nameof(json));
            foreach (var field in doc.RootElement.EnumerateObject())
                if (FindKnob(field.Name) is null)
                    throw new ArgumentException($"config has an unknown field \"{field.Name}\"; known fields: {string.Join(", ", KnobNames)}.", nameof(json));
        }
        try
        {
            return JsonSerializer.Deserialize<TrainingConfig>(json, JsonOptions)
                   ?? throw new ArgumentException("config JSON is null; expected an object.", nameof(json));
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"config field {e.Path?.TrimStart('$', '.')} has a value of the wrong kind: {e.Message}", nameof(json), e);
        }
    }

    /// <summary>Writes <see cref="ToJson"/> to a file, atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson());

    /// <summary>Reads a file written by <see cref="Save"/>; errors name the file.</summary>
    public static TrainingConfig Load(string path)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"Config file '{full}' does not exist.", full);
        try { return FromJson(File.ReadAllText(full)); }
        catch (ArgumentException e) { throw new InvalidDataException($"Config file '{full}': {e.Message}", e); }
    }
}

using System.Diagnostics;
using LstmCourse.Fast;
using LstmCourse.Text;
using LstmCourse.Training;
using LstmCourse.Training.Optimizers;
using OptimizerState = LstmCourse.Training.Optimizers.OptimizerState;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LstmCourse.Torch;

/// <summary>Trains the lab's model in TorchSharp from the same <see cref="TrainingConfig"/> and batches as <see cref="Trainer"/>:
/// one-hot input → L x H nn.LSTM → nn.Linear → cross-entropy, Adam (or SGD), clipping by global norm, truncated BPTT with
/// the state carried and detached. Hands back a <see cref="CharLstm"/> and a <see cref="Checkpoint"/> our Sampler reads.</summary>
/// <remarks>
/// <code>
/// per step:  x, y = BatchStream.Read()                 (N x T), the same rows Trainer reads
///            z, (h, c) = module(one_hot(x), carried)   carried ← (h, c).detach()   (reset at an epoch or aligned batch)
///            L = cross_entropy(z, y);  L.backward();  ‖g‖ = clip_grad_norm_(θ, ClipNorm);  optimizer.step()  with η_t
/// </code>
/// The weights start as <c>new CharLstm(V, H, L, Seed, ForgetBias)</c>'s, so both engines start from the same point, and
/// bias_hh stays frozen at 0: with torch's two trainable biases per gate, their sum b would take two steps per update and
/// its gradient would count twice in the clipped norm — another model than ours. The
/// metrics rows, progress reports, validation, early stopping, time budget and divergence guard are Trainer's. Not
/// supported (an error says so): Dropout, L1, L2, ClipValue and optimizers other than Sgd, Adam and AdamW. The checkpoint
/// holds the weights (b = bias_ih + bias_hh) and history but not torch's optimizer moments, so our Trainer cannot resume it
/// exactly (start a new run from checkpoint.CreateModel() to fine-tune). Not safe to use from two threads at once.
/// Taught in notebooks/09-from-scratch-to-torchsharp.ipynb.
/// </remarks>
public sealed partial class TorchTrainer : ITrainer, IDisposable
{
    private readonly BatchStream train;
    private readonly BatchStream? validation;
    private readonly int[] x, y, vx = [], vy = [];
    private readonly Parameter[] parameters;
    private readonly OptimizerHelper optimizer;
    private readonly List<TrainingMetrics> history = [];
    private (Tensor H, Tensor C)? carried;            // detached state of the N training streams
    private double initialLoss = double.NaN, elapsedSeconds;

    /// <summary>A new run on <paramref name="corpus"/>, split by <see cref="TrainingConfig.ValidationFraction"/>.</summary>
    public TorchTrainer(TrainingConfig config, TextCorpus corpus)
        : this(config, (corpus ?? throw new ArgumentNullException(nameof(corpus)))
                       .Split((config ?? throw new ArgumentNullException(nameof(config))).Validate().ValidationFraction)) { }

    /// <summary>A new run on an explicit split; <paramref name="model"/> gives starting weights (else the config's seed does).</summary>
    public TorchTrainer(TrainingConfig config, TextSplit data, CharLstm? model = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(data);
        Config = config.Validate();
        foreach (var (knob, on) in new[] { ("Dropout", config.Dropout > 0), ("L1", config.L1 > 0), ("L2", config.L2 > 0), ("ClipValue", config.ClipValue > 0),
                                           ("Optimizer", config.Optimizer is not (OptimizerKind.Sgd or OptimizerKind.Adam or OptimizerKind.AdamW)) })
            if (on)
                throw new ArgumentException($"the TorchSharp trainer does not support {knob} = {typeof(TrainingConfig).GetProperty(knob)!.GetValue(config)}; " +
                                            $"set it to its default ({typeof(TrainingConfig).GetProperty(knob)!.GetValue(TrainingConfig.Default)}) or train with our engine (Trainer).", nameof(config));
        TorchBridge.EnsureLoaded();
        Vocabulary = data.Vocabulary;
        var start = model ?? new CharLstm(Vocabulary.Size, config.HiddenSize, config.Layers, config.Seed, (float)config.ForgetBias);
        if (start.VocabSize != Vocabulary.Size || start.HiddenSize != config.HiddenSize || start.Layers != config.Layers)
            throw new ArgumentException($"the model is V={start.VocabSize}, H={start.HiddenSize}, Layers={start.Layers} but the vocabulary and config ask for " +
                                        $"V={Vocabulary.Size}, H={config.HiddenSize}, Layers={config.Layers}; set HiddenSize and Layers to the model's.", nameof(model));
        torch.set_num_threads(config.EffectiveThreads);
        Module = TorchConversion.ToTorch(start);
        foreach (var (name, p) in Module.named_parameters())
            if (name.StartsWith("lstm.bias_hh", StringComparison.Ordinal)) p.requires_grad = false;   // one bias per gate, as ours
        parameters = Module.parameters().Where(p => p.requires_grad).ToArray();
        optimizer = config.Optimizer switch
        {
            OptimizerKind.Sgd => torch.optim.SGD(parameters, config.LearningRate),
            OptimizerKind.AdamW => torch.optim.AdamW(parameters, config.LearningRate, config.Beta1, config.Beta2, config.Epsilon, config.WeightDecay),
            _ => torch.optim.Adam(parameters, config.LearningRate, config.Beta1, config.Beta2, config.Epsilon),
        };
        int N = config.BatchSize, T = config.SequenceLength;
        train = config.WindowsStartAfter is { } separator
            ? BatchStream.AlignedTo(data.Train, Vocabulary.Encode(separator, nameof(config.WindowsStartAfter)), N, T)
            : new BatchStream(data.Train, N, T);
        (x, y) = (new int[N * T], new int[N * T]);
        if (data.Validation.Length >= 2)
        {
            int Tv = Math.Min(T, data.Validation.Length - 1);              // as Trainer: a short validation text gets shorter rows
            int Nv = Math.Clamp((data.Validation.Length - 1) / Tv, 1, N);
            validation = new BatchStream(data.Validation, Nv, Tv);
            (vx, vy) = (new int[Nv * Tv], new int[Nv * Tv]);
        }
        Schedule = LearningRateSchedule.From(config);
        EarlyStopping = config.Patience > 0 ? new EarlyStopping(config.Patience, config.MinDelta) : null;
    }

    public TrainingConfig Config { get; }
    public Vocabulary Vocabulary { get; }
    public LearningRateSchedule Schedule { get; }

    /// <summary>The module being trained (nn.LSTM + nn.Linear, float32).</summary>
    public TorchLstm Module { get; }

    /// <summary>Null when Patience is 0.</summary>
    public EarlyStopping? EarlyStopping { get; }

    public long Step { get; private set; }
    public double Epoch => train.EpochFraction;
    public TimeSpan Elapsed => TimeSpan.FromSeconds(elapsedSeconds);
    public IReadOnlyList<TrainingMetrics> History => history;
    public double? LastValidationLoss => history.LastOrDefault(r => r.ValidationLoss is not null)?.ValidationLoss;
    public bool HasValidation => validation is not null;

    /// <summary>Trains until MaxSteps, the TimeBudget, early stopping, cancellation or <paramref name="steps"/> more steps,
    /// evaluating, reporting and checkpointing like <see cref="Trainer.Run"/>.</summary>
    public TrainingResult Run(IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default, int? steps = null,
        Action<TrainingMetrics>? onStep = null)
    {
        if (steps is < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, $"steps must be at least 1 (or null to run to MaxSteps = {Config.MaxSteps}), got {steps}.");
        long stopAt = steps is { } s ? Math.Min(Config.MaxSteps, Step + s) : Config.MaxSteps, firstStep = Step;
        torch.set_num_threads(Config.EffectiveThreads);
        var clock = Stopwatch.StartNew();
        double startSeconds = elapsedSeconds, windowLoss = 0, windowSeconds = 0;
        int windowSteps = 0;
        StopReason? reason;
        bool evaluated = false;
        while ((reason = Stopping(stopAt, cancellationToken)) is null)
        {
            var row = TrainStep();
            elapsedSeconds = startSeconds + clock.Elapsed.TotalSeconds;
            history[^1] = row with { ElapsedSeconds = elapsedSeconds };
            (windowLoss, windowSeconds, windowSteps) = (windowLoss + row.TrainLoss, windowSeconds + (row.CharsPerSecond > 0 ? CharsPerStep / row.CharsPerSecond : 0), windowSteps + 1);
            bool ending = Stopping(stopAt, cancellationToken) is not null;
            evaluated = HasValidation && (Step % Config.EvaluateEvery == 0 || ending);
            if (evaluated) Evaluate();
            if (Config.CheckpointPath is { } path && (ending || (Config.CheckpointEvery > 0 ? Step % Config.CheckpointEvery == 0 : evaluated))) SaveCheckpoint(path);
            onStep?.Invoke(history[^1]);
            if (Step % Config.LogEvery == 0 || evaluated || ending)
            {
                var last = history[^1];
                progress?.Report(new TrainingProgress(Step, Config.MaxSteps, Epoch, windowLoss / windowSteps, last.ValidationLoss, last.LearningRate,
                    windowSeconds > 0 ? windowSteps * CharsPerStep / windowSeconds : 0, Elapsed));
                (windowLoss, windowSeconds, windowSteps) = (0, 0, 0);
            }
            if (EarlyStopping is { ShouldStop: true }) { reason = StopReason.EarlyStopping; break; }
        }
        if (!evaluated && HasValidation && Step > firstStep) Evaluate();
        double recent = history.Count == 0 ? double.NaN : history.Skip(Math.Max(0, history.Count - Config.LogEvery)).Average(r => r.TrainLoss);
        return new TrainingResult(reason.Value, Step, recent, LastValidationLoss, EarlyStopping?.Best is { } b && double.IsFinite(b) ? b : null,
            EarlyStopping is { BestStep: >= 0 } e ? e.BestStep : null, Elapsed);
    }

    private int CharsPerStep => Config.BatchSize * Config.SequenceLength;

    private StopReason? Stopping(long stopAt, CancellationToken cancellationToken)
    {
        if (Step >= stopAt) return Step >= Config.MaxSteps ? StopReason.MaxSteps : StopReason.StepsRequested;
        if (cancellationToken.IsCancellationRequested) return StopReason.Cancelled;
        if (Config.TimeBudget is { } budget && elapsedSeconds >= budget.TotalSeconds) return StopReason.TimeBudget;
        return null;
    }

    /// <summary>The trained weights as our fast model (b = bias_ih + bias_hh, rounded to float).</summary>
    public CharLstm ToCharLstm() => TorchConversion.ToCharLstm(Module);

    /// <summary>Config, vocabulary, weights, position, the carried state and history in our checkpoint format (no optimizer
    /// moments: torch's Adam keeps its own, so the checkpoint samples and fine-tunes but does not resume the run).</summary>
    public Checkpoint ToCheckpoint()
    {
        var model = ToCharLstm();
        return new Checkpoint
        {
            Config = Config,
            Vocabulary = Vocabulary,
            Weights = model.Parameters.Select(p => new TensorSnapshot(p.Name, p.Rows, p.Cols, (float[])p.Value.Clone())).ToList(),
            Optimizer = new OptimizerState(Config.Optimizer.ToString(), 0, []),
            RngState = new LstmCourse.Numerics.Rng(Config.Seed).GetState(),
            Position = new TrainingPosition(Step, train.Epoch, train.Batch, elapsedSeconds, initialLoss,
                EarlyStopping?.Best ?? double.PositiveInfinity, EarlyStopping?.BestStep ?? -1, EarlyStopping?.BadEvaluations ?? 0, 0),
            CarriedState = CarriedSnapshot(),
            History = history.ToList(),
        };
    }

    /// <summary>h and c of each layer carried between batches, as our checkpoints hold them (N x H each; zeros before the first step).</summary>
    private IReadOnlyList<TensorSnapshot> CarriedSnapshot()
    {
        if (carried is not { } state) return Checkpoint.ZeroState(Config);
        int N = Config.BatchSize, H = Config.HiddenSize;
        var snapshot = new List<TensorSnapshot>();
        for (int l = 0; l < Config.Layers; l++)
        {
            snapshot.Add(new TensorSnapshot($"layer{l}.h", N, H, state.H[l].to_type(ScalarType.Float32).data<float>().ToArray()));   // (L x N x H)[l]
            snapshot.Add(new TensorSnapshot($"layer{l}.c", N, H, state.C[l].to_type(ScalarType.Float32).data<float>().ToArray()));
        }
        return snapshot;
    }

    /// <summary>Saves <see cref="ToCheckpoint"/> atomically.</summary>
    public void SaveCheckpoint(string path) => ToCheckpoint().Save(path);

    /// <summary>Writes <see cref="History"/> as CSV, atomically.</summary>
    public void WriteMetricsCsv(string path) => TrainingMetrics.WriteCsv(history, path);

    public void Dispose()
    {
        carried?.H.Dispose();
        carried?.C.Dispose();
        optimizer.Dispose();
        Module.Dispose();
    }
}

using System.Diagnostics;
using LstmCourse.Fast;
using LstmCourse.Numerics;
using LstmCourse.Text;
using LstmCourse.Training.Optimizers;

namespace LstmCourse.Training;

/// <summary>Trains a <see cref="CharLstm"/> on a text with a <see cref="TrainingConfig"/>: batches, truncated BPTT with
/// carried state, regularisation, clipping, a learning-rate schedule, an optimizer, validation, early stopping,
/// divergence guard, metrics and checkpoints.</summary>
/// <remarks>
/// One step: read the next N x T batch (reset the carried state at an epoch boundary, or at every batch when windows
/// start at documents: <see cref="TrainingConfig.WindowsStartAfter"/>) → loss and gradients →
/// + L1/L2 → clip → divergence check → optimizer update with η_t. Every EvaluateEvery steps: the validation loss in
/// evaluation mode, early stopping, a checkpoint. Same config and text → the same numbers, whatever the thread count,
/// and a run resumed from a checkpoint continues exactly as if it had not stopped.
/// Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public sealed partial class Trainer : ITrainer
{
    private readonly BatchStream train;
    private readonly BatchStream? validation;
    private readonly BatchState state;               // carried h, c of the N training streams
    private readonly BatchState? validationState;
    private readonly int[] x, y;                     // N x T batch
    private readonly int[] vx = [], vy = [];         // validation batch
    private readonly Rng dropoutRng;
    private readonly List<TrainingMetrics> history = [];
    private readonly ulong fingerprint;
    private double initialLoss = double.NaN;
    private double elapsedSeconds;

    /// <summary>A new run on <paramref name="corpus"/>, split by <see cref="TrainingConfig.ValidationFraction"/>.</summary>
    public Trainer(TrainingConfig config, TextCorpus corpus)
        : this(config, (corpus ?? throw new ArgumentNullException(nameof(corpus)))
                       .Split((config ?? throw new ArgumentNullException(nameof(config))).Validate().ValidationFraction)) { }

    /// <summary>A new run on an explicit split (its own split point wins over ValidationFraction). Pass
    /// <paramref name="model"/> to start from existing weights (sizes must match the config and vocabulary).</summary>
    public Trainer(TrainingConfig config, TextSplit data, CharLstm? model = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(data);
        Config = config.Validate();
        Vocabulary = data.Vocabulary;
        Model = model ?? new CharLstm(Vocabulary.Size, config.HiddenSize, config.Layers, config.Seed, (float)config.ForgetBias);
        if (Model.VocabSize != Vocabulary.Size || Model.HiddenSize != config.HiddenSize || Model.Layers != config.Layers)
            throw new ArgumentException($"the model is V={Model.VocabSize}, H={Model.HiddenSize}, Layers={Model.Layers} but the vocabulary and config ask for "
                                      + $"V={Vocabulary.Size}, H={config.HiddenSize}, Layers={config.Layers}; set HiddenSize and Layers to the model's.", nameof(model));
        Model.Threads = config.EffectiveThreads;
        int N = config.BatchSize, T = config.SequenceLength;
        train = config.WindowsStartAfter is { } separator
            ? BatchStream.AlignedTo(data.Train, Vocabulary.Encode(separator, nameof(config.WindowsStartAfter)), N, T)
            : new BatchStream(data.Train, N, T);
        state = Model.NewState(N);
        x = new int[N * T];
        y = new int[N * T];
        if (data.Validation.Length >= 2)
        {
            int Tv = Math.Min(T, data.Validation.Length - 1);                       // a short validation text gets shorter rows
            int Nv = Math.Clamp((data.Validation.Length - 1) / Tv, 1, N);
            validation = new BatchStream(data.Validation, Nv, Tv);
            validationState = Model.NewState(Nv);
            vx = new int[Nv * Tv];
            vy = new int[Nv * Tv];
        }
        Optimizer = IOptimizer.From(config);
        Schedule = LearningRateSchedule.From(config);
        EarlyStopping = config.Patience > 0 ? new EarlyStopping(config.Patience, config.MinDelta) : null;
        dropoutRng = new Rng(unchecked((ulong)config.Seed * 0x9E3779B97F4A7C15UL + 0x64726F70UL));   // "drop": a stream apart from the weights'
        fingerprint = Fingerprint(data);
    }

    public TrainingConfig Config { get; }
    public CharLstm Model { get; }
    public Vocabulary Vocabulary { get; }
    public IOptimizer Optimizer { get; }
    public LearningRateSchedule Schedule { get; }

    /// <summary>Null when Patience is 0.</summary>
    public EarlyStopping? EarlyStopping { get; }

    /// <summary>Optimizer steps taken so far.</summary>
    public long Step { get; private set; }

    /// <summary>Epochs of the training text read so far.</summary>
    public double Epoch => train.EpochFraction;

    /// <summary>Training time so far, across resumes.</summary>
    public TimeSpan Elapsed => TimeSpan.FromSeconds(elapsedSeconds);

    /// <summary>One row per step; <see cref="TrainingMetrics.ValidationLoss"/> is set on the rows where validation ran.</summary>
    public IReadOnlyList<TrainingMetrics> History => history;

    /// <summary>The last validation loss, if any.</summary>
    public double? LastValidationLoss => history.LastOrDefault(r => r.ValidationLoss is not null)?.ValidationLoss;

    public bool HasValidation => validation is not null;

    /// <summary>Trains until MaxSteps, the TimeBudget, early stopping, cancellation or — if given — <paramref name="steps"/>
    /// more steps. Evaluates, reports and checkpoints on the way; evaluates and checkpoints once more at the end.</summary>
    /// <param name="onStep">Called after every step with its row (validation loss included, after that step's checkpoint):
    /// to append metrics to a file as the run goes.</param>
    /// <exception cref="TrainingDivergedException">The loss or gradient blew up; the last checkpoint file is untouched.</exception>
    public TrainingResult Run(IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default, int? steps = null,
        Action<TrainingMetrics>? onStep = null)
    {
        if (steps is < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, $"steps must be at least 1 (or null to run to MaxSteps = {Config.MaxSteps}), got {steps}.");
        long stopAt = steps is { } s ? Math.Min(Config.MaxSteps, Step + s) : Config.MaxSteps;
        var window = new Window();
        StopReason? reason = null;
        bool evaluated = false, saved = false;
        var clock = Stopwatch.StartNew();
        double startSeconds = elapsedSeconds;
        long firstStep = Step;
        while ((reason = Stopping(stopAt, cancellationToken)) is null)
        {
            var row = TrainStep();
            elapsedSeconds = startSeconds + clock.Elapsed.TotalSeconds;
            history[^1] = row with { ElapsedSeconds = elapsedSeconds };
            window.Add(history[^1], Config.BatchSize * Config.SequenceLength);

            bool ending = Stopping(stopAt, cancellationToken) is not null;              // evaluate and save the last step
            evaluated = HasValidation && (Step % Config.EvaluateEvery == 0 || ending);
            if (evaluated) Evaluate();
            saved = Config.CheckpointPath is not null && (ending || (Config.CheckpointEvery > 0 ? Step % Config.CheckpointEvery == 0 : evaluated));
            if (saved) SaveCheckedCheckpoint(Config.CheckpointPath!, evaluated);
            onStep?.Invoke(history[^1]);
            if (Step % Config.LogEvery == 0 || evaluated || ending) window.Report(this, progress);
            if (EarlyStopping is { ShouldStop: true }) { reason = StopReason.EarlyStopping; break; }
        }
        if (!evaluated && HasValidation && Step > firstStep)                            // stopped by a cancellation during a report
        {
            Evaluate();
            window.Report(this, progress);
        }
        if (!saved && Config.CheckpointPath is not null && Step > firstStep) SaveCheckedCheckpoint(Config.CheckpointPath, evaluated);
        double recentLoss = window.RecentLoss(history, Config.LogEvery);
        return new TrainingResult(reason.Value, Step, recentLoss, LastValidationLoss, EarlyStopping?.Best is { } b && double.IsFinite(b) ? b : null,
            EarlyStopping is { BestStep: >= 0 } e ? e.BestStep : null, Elapsed);
    }

    private StopReason? Stopping(long stopAt, CancellationToken cancellationToken)
    {
        if (Step >= stopAt) return Step >= Config.MaxSteps ? StopReason.MaxSteps : StopReason.StepsRequested;
        if (cancellationToken.IsCancellationRequested) return StopReason.Cancelled;
        if (Config.TimeBudget is { } budget && elapsedSeconds >= budget.TotalSeconds) return StopReason.TimeBudget;
        return null;
    }

    /// <summary>Writes <see cref="History"/> as CSV, atomically.</summary>
    public void WriteMetricsCsv(string path) => TrainingMetrics.WriteCsv(history, path);

    /// <summary>The model being trained (it is our CharLstm already).</summary>
    public CharLstm ToCharLstm() => Model;

    /// <summary>Training-loss and speed averages between progress reports.</summary>
    private sealed class Window
    {
        private double lossSum, seconds;
        private long chars;
        public int Steps { get; private set; }

        public void Add(TrainingMetrics row, int charsPerStep)
        {
            lossSum += row.TrainLoss;
            seconds += row.CharsPerSecond > 0 ? charsPerStep / row.CharsPerSecond : 0;
            chars += charsPerStep;
            Steps++;
        }

        public void Report(Trainer trainer, IProgress<TrainingProgress>? progress)
        {
            var last = trainer.history[^1];
            double loss = Steps > 0 ? lossSum / Steps : last.TrainLoss;
            progress?.Report(new TrainingProgress(trainer.Step, trainer.Config.MaxSteps, trainer.Epoch, loss, last.ValidationLoss,
                last.LearningRate, seconds > 0 ? chars / seconds : 0, trainer.Elapsed));
            lossSum = seconds = chars = Steps = 0;
        }

        public double RecentLoss(List<TrainingMetrics> history, int count) =>
            history.Count == 0 ? double.NaN : history.Skip(Math.Max(0, history.Count - count)).Average(r => r.TrainLoss);
    }
}

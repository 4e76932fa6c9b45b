using System.Globalization;

namespace LstmCourse.Training;

public sealed partial record TrainingConfig
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first field out of range, its value and the valid range.</summary>
    public TrainingConfig Validate()
    {
        Int(nameof(HiddenSize), HiddenSize, 1, 4096, "1..4096 (a layer of 4096 units already holds 134 million weights; 64 to 512 is usual here)");
        Int(nameof(Layers), Layers, 1, 16, "1..16 (a character model needs 1 to 3)");
        if ((long)Layers * HiddenSize * HiddenSize > MaxLayerWeights)
            throw Bad(nameof(HiddenSize), HiddenSize, $"at most {Math.Sqrt(MaxLayerWeights / Layers):0} with Layers = {Layers}: Layers x HiddenSize² above 2^25 "
                                                    + $"needs {Gigabytes(16L * 4 * Layers * HiddenSize * HiddenSize)} GB for the weights, gradients and optimizer moments");
        Real(nameof(ForgetBias), ForgetBias, -10, 10, "[-10, 10] (σ(10) = 0.99995 already keeps the cell state whole; a larger bias only saturates the gate)");

        Int(nameof(SequenceLength), SequenceLength, 1, 100_000, "1..100000 (the BPTT window; every step of it is kept in memory for the backward pass)");
        Int(nameof(BatchSize), BatchSize, 1, 4096, "1..4096 (parallel streams through the text; 16 to 64 is usual)");
        long activations = (long)Layers * BatchSize * SequenceLength * HiddenSize;
        if (activations > MaxActivations)
            throw Bad(nameof(SequenceLength), SequenceLength, $"at most {MaxActivations / ((long)Layers * BatchSize * HiddenSize)} with Layers = {Layers}, BatchSize = {BatchSize}, "
                    + $"HiddenSize = {HiddenSize}: BPTT keeps about 8 floats per unit, step and row, {Gigabytes(32 * activations)} GB; lower SequenceLength or BatchSize");
        Real(nameof(ValidationFraction), ValidationFraction, 0, 0.5, "[0, 0.5] (0 = no validation; above 0.5 the model would train on less text than it is judged on)");
        if (WindowsStartAfter is { Length: 0 })
            throw Bad(nameof(WindowsStartAfter), "\"\"", "null (streams that carry their state) or the text that ends a document, such as \"$$\\n\"");

        Int(nameof(MaxSteps), MaxSteps, 1, int.MaxValue);            // first: WarmupSteps is checked against it
        if (!Enum.IsDefined(Engine))
            throw Bad(nameof(Engine), Engine, $"one of {string.Join(", ", Enum.GetNames<TrainingEngine>())}");
        if (!Enum.IsDefined(Optimizer))
            throw Bad(nameof(Optimizer), Optimizer, $"one of {string.Join(", ", Enum.GetNames<OptimizerKind>())}");
        Real(nameof(LearningRate), LearningRate, 1e-12, 1000, "in [1e-12, 1000], e.g. 0.002 (above 1000 the first update throws any of these optimizers off, which only shows divergence; below 1e-12 nothing moves in float)");
        Real(nameof(Momentum), Momentum, 0, MaxDecay, FloatBelow1);
        if (Nesterov && Optimizer == OptimizerKind.Momentum && Momentum == 0)
            throw Bad(nameof(Momentum), Momentum, "above 0 when Nesterov is true (Nesterov momentum needs a momentum)");
        Real(nameof(Beta1), Beta1, 0, MaxDecay, FloatBelow1);
        Real(nameof(Beta2), Beta2, 0, MaxDecay, FloatBelow1);
        Real(nameof(Alpha), Alpha, 0, MaxDecay, FloatBelow1);
        Real(nameof(Epsilon), Epsilon, 1e-30, 1, "in [1e-30, 1], e.g. 1e-8 (smaller rounds to 0 in float, and then a zero moment divides by zero)");
        Real(nameof(WeightDecay), WeightDecay, 0, 1, "[0, 1]");
        if (WeightDecay > 0 && Optimizer != OptimizerKind.AdamW)
            throw Bad(nameof(WeightDecay), WeightDecay, $"0 with Optimizer {Optimizer}: only AdamW decays weights itself; set Optimizer to AdamW, or use L2 with {Optimizer}");
        if (!Enum.IsDefined(Schedule))
            throw Bad(nameof(Schedule), Schedule, $"one of {string.Join(", ", Enum.GetNames<ScheduleKind>())}");
        Int(nameof(WarmupSteps), WarmupSteps, 0, MaxSteps - 1, $"0..MaxSteps − 1 = {MaxSteps - 1} (the ramp must end before the run does)");
        Int(nameof(DecayEvery), DecayEvery, 1, int.MaxValue);
        Real(nameof(DecayFactor), DecayFactor, double.Epsilon, 1, "(0, 1]");
        Real(nameof(MinLearningRate), MinLearningRate, 0, LearningRate, $"[0, LearningRate = {LearningRate.ToString(CultureInfo.InvariantCulture)}]");
        Real(nameof(ClipNorm), ClipNorm, 0, 1e6, "0 (off) or a positive number up to 1e6, e.g. 5 (a larger one never clips: use 0)");
        Real(nameof(ClipValue), ClipValue, 0, 1e6, "0 (off) or a positive number up to 1e6, e.g. 1 (a larger one never clips: use 0)");

        Real(nameof(L1), L1, 0, 1, "[0, 1], typically 1e-6..1e-4");
        Real(nameof(L2), L2, 0, 1, "[0, 1], typically 1e-6..1e-3");
        Real(nameof(Dropout), Dropout, 0, 0.9, "[0, 0.9], typically 0..0.5 (above 0.9 almost nothing passes, and the kept units are scaled by 1/(1 − p))");

        if (TimeBudget is { } budget && (budget <= TimeSpan.Zero || budget > MaxTimeBudget))
            throw Bad(nameof(TimeBudget), budget, "a positive time up to 30 days such as 00:05:00, or null for no limit (a longer run resumes from its checkpoint)");
        Int(nameof(EvaluateEvery), EvaluateEvery, 1, int.MaxValue);
        Int(nameof(ValidationBatches), ValidationBatches, 0, int.MaxValue, "0 (all) or more");
        Int(nameof(LogEvery), LogEvery, 1, int.MaxValue);
        Int(nameof(Threads), Threads, 0, 1024, "0 (all cores) to 1024 (more threads than cores are capped at the core count)");
        Int(nameof(Patience), Patience, 0, int.MaxValue, "0 (off) or more");
        Real(nameof(MinDelta), MinDelta, 0, 100, "0 or a positive number of nats up to 100 (a loss improves by a few nats at most)");
        if (!(DivergenceFactor == 0 || DivergenceFactor > 1 && DivergenceFactor <= 1e6))
            throw Bad(nameof(DivergenceFactor), DivergenceFactor, "0 (off) or a number above 1 and up to 1e6, e.g. 3");
        if (CheckpointPath is not null && (CheckpointPath.Trim().Length == 0 || CheckpointPath.IndexOfAny(Path.GetInvalidPathChars()) >= 0))
            throw Bad(nameof(CheckpointPath), $"\"{CheckpointPath}\"", "null (no checkpoints) or a file path such as runs/shakespeare.ckpt");
        Int(nameof(CheckpointEvery), CheckpointEvery, 0, int.MaxValue, "0 (at every evaluation) or more");
        return this;
    }

    private const double MaxDecay = 0.99999;               // float rounds 1 − 1e-8 to 1: a decay of 1 never forgets, and Adam's 1 − β^t is then 0
    private const string FloatBelow1 = "[0, 0.99999] (in float, values closer to 1 round to 1: the average never forgets, and Adam's bias correction 1 − β^t divides by 0)";
    private const long MaxLayerWeights = 1L << 25;         // Layers x H²: 2 x 4096² at most
    private const long MaxActivations = 1L << 27;          // Layers x N x T x H
    private static readonly TimeSpan MaxTimeBudget = TimeSpan.FromDays(30);

    private static string Gigabytes(long bytes) => (bytes / 1e9).ToString("0.#", CultureInfo.InvariantCulture);

    private static void Int(string name, int value, int min, int max, string? range = null)
    {
        if (value < min || value > max)
            throw Bad(name, value, range ?? (max == int.MaxValue ? $"{min} or more" : $"{min}..{max}"));
    }

    private static void Real(string name, double value, double min, double max, string range)
    {
        if (!(value >= min && value <= max) || !double.IsFinite(value)) throw Bad(name, value, range);
    }

    private static ArgumentException Bad(string name, object value, string range) =>
        new($"TrainingConfig.{name} is {Format(value)}; it must be {range}.", name);

    private static string Format(object value) => value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? "null";
}

using System.Globalization;

namespace LstmCourse.Training;

public sealed partial record TrainingConfig
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first field out of range, its value and the valid range.</summary>
    public TrainingConfig Validate()
    {
        Int(nameof(HiddenSize), HiddenSize, 1, 4096);
        Int(nameof(Layers), Layers, 1, 16);
        Real(nameof(ForgetBias), ForgetBias, -10, 10, "[-10, 10]");

        Int(nameof(SequenceLength), SequenceLength, 1, 100_000);
        Int(nameof(BatchSize), BatchSize, 1, 4096);
        Real(nameof(ValidationFraction), ValidationFraction, 0, 0.5, "[0, 0.5] (0 = no validation)");
        if (WindowsStartAfter is { Length: 0 })
            throw Bad(nameof(WindowsStartAfter), "\"\"", "null (streams that carry their state) or the text that ends a document, such as \"$$\\n\"");

        Int(nameof(MaxSteps), MaxSteps, 1, int.MaxValue);            // first: WarmupSteps is checked against it
        if (!Enum.IsDefined(Optimizer))
            throw Bad(nameof(Optimizer), Optimizer, $"one of {string.Join(", ", Enum.GetNames<OptimizerKind>())}");
        Real(nameof(LearningRate), LearningRate, double.Epsilon, double.MaxValue, "a positive finite number, e.g. 0.002");
        Real(nameof(Momentum), Momentum, 0, Below1, "[0, 1)");
        if (Nesterov && Optimizer == OptimizerKind.Momentum && Momentum == 0)
            throw Bad(nameof(Momentum), Momentum, "above 0 when Nesterov is true (Nesterov momentum needs a momentum)");
        Real(nameof(Beta1), Beta1, 0, Below1, "[0, 1)");
        Real(nameof(Beta2), Beta2, 0, Below1, "[0, 1)");
        Real(nameof(Alpha), Alpha, 0, Below1, "[0, 1)");
        Real(nameof(Epsilon), Epsilon, double.Epsilon, 1, "(0, 1], e.g. 1e-8");
        Real(nameof(WeightDecay), WeightDecay, 0, 1, "[0, 1]");
        if (WeightDecay > 0 && Optimizer != OptimizerKind.AdamW)
            throw Bad(nameof(WeightDecay), WeightDecay, $"0 with Optimizer {Optimizer}: only AdamW decays weights itself; set Optimizer to AdamW, or use L2 with {Optimizer}");
        if (!Enum.IsDefined(Schedule))
            throw Bad(nameof(Schedule), Schedule, $"one of {string.Join(", ", Enum.GetNames<ScheduleKind>())}");
        Int(nameof(WarmupSteps), WarmupSteps, 0, MaxSteps - 1, $"0..MaxSteps − 1 = {MaxSteps - 1}");
        Int(nameof(DecayEvery), DecayEvery, 1, int.MaxValue);
        Real(nameof(DecayFactor), DecayFactor, double.Epsilon, 1, "(0, 1]");
        Real(nameof(MinLearningRate), MinLearningRate, 0, LearningRate, $"[0, LearningRate = {LearningRate.ToString(CultureInfo.InvariantCulture)}]");
        Real(nameof(ClipNorm), ClipNorm, 0, double.MaxValue, "0 (off) or a positive number, e.g. 5");
        Real(nameof(ClipValue), ClipValue, 0, double.MaxValue, "0 (off) or a positive number, e.g. 1");

        Real(nameof(L1), L1, 0, 1, "[0, 1], typically 1e-6..1e-4");
        Real(nameof(L2), L2, 0, 1, "[0, 1], typically 1e-6..1e-3");
        Real(nameof(Dropout), Dropout, 0, Below1, "[0, 1), typically 0..0.5");

        if (TimeBudget is { } budget && budget <= TimeSpan.Zero)
            throw Bad(nameof(TimeBudget), budget, "a positive time such as 00:05:00, or null for no limit");
        Int(nameof(EvaluateEvery), EvaluateEvery, 1, int.MaxValue);
        Int(nameof(ValidationBatches), ValidationBatches, 0, int.MaxValue, "0 (all) or more");
        Int(nameof(LogEvery), LogEvery, 1, int.MaxValue);
        Int(nameof(Threads), Threads, 0, 1024, "0 (all cores) to 1024");
        Int(nameof(Patience), Patience, 0, int.MaxValue, "0 (off) or more");
        Real(nameof(MinDelta), MinDelta, 0, double.MaxValue, "0 or a positive number of nats");
        if (!(DivergenceFactor == 0 || DivergenceFactor > 1 && double.IsFinite(DivergenceFactor)))
            throw Bad(nameof(DivergenceFactor), DivergenceFactor, "0 (off) or a finite number above 1, e.g. 3");
        if (CheckpointPath is not null && (CheckpointPath.Trim().Length == 0 || CheckpointPath.IndexOfAny(Path.GetInvalidPathChars()) >= 0))
            throw Bad(nameof(CheckpointPath), $"\"{CheckpointPath}\"", "null (no checkpoints) or a file path such as runs/shakespeare.ckpt");
        Int(nameof(CheckpointEvery), CheckpointEvery, 0, int.MaxValue, "0 (at every evaluation) or more");
        return this;
    }

    private const double Below1 = 0.99999999999999989;    // the largest double below 1

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

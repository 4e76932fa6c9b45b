namespace LstmCourse.Training;

/// <summary>The learning rate η_t for update t = 0, 1, 2, ...: a linear warm-up over W steps, then constant, step or cosine decay.</summary>
/// <remarks>
/// <code>
/// warm-up   t &lt; W:  η_t = η · (t + 1) / W
/// then s = t − W, S = total − W:
/// constant:        η_t = η
/// step:            η_t = η · γ^⌊s / k⌋
/// cosine:          η_t = η_min + (η − η_min) · (1 + cos(π · min(s, S) / S)) / 2
/// </code>
/// Warm-up keeps Adam's first, noisy steps small; decay lets the weights settle at the end.
/// Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public sealed class LearningRateSchedule
{
    private LearningRateSchedule(ScheduleKind kind, double peak, int warmup, int every = 1, double gamma = 1, int total = 1, double floor = 0)
    {
        if (!(peak > 0) || !double.IsFinite(peak)) throw new ArgumentOutOfRangeException(nameof(peak), peak, $"the learning rate must be a positive finite number, got {peak}.");
        if (warmup < 0) throw new ArgumentOutOfRangeException(nameof(warmup), warmup, $"warm-up steps must be 0 or more, got {warmup}.");
        Kind = kind; Peak = peak; Warmup = warmup; Every = every; Gamma = gamma; Total = total; Floor = floor;
    }

    public ScheduleKind Kind { get; }
    public double Peak { get; }
    public int Warmup { get; }
    public int Every { get; }
    public double Gamma { get; }
    public int Total { get; }
    public double Floor { get; }

    /// <summary>η_t = η after <paramref name="warmup"/> steps.</summary>
    public static LearningRateSchedule Constant(double learningRate, int warmup = 0) => new(ScheduleKind.Constant, learningRate, warmup);

    /// <summary>η_t = η · γ^⌊s / k⌋: multiply by <paramref name="gamma"/> every <paramref name="every"/> steps.</summary>
    public static LearningRateSchedule Step(double learningRate, int every, double gamma, int warmup = 0)
    {
        if (every < 1) throw new ArgumentOutOfRangeException(nameof(every), every, $"every must be at least 1 step, got {every}.");
        if (!(gamma > 0 && gamma <= 1)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, $"gamma must be in (0, 1], got {gamma}.");
        return new(ScheduleKind.Step, learningRate, warmup, every: every, gamma: gamma);
    }

    /// <summary>Half a cosine from η down to <paramref name="floor"/> at step <paramref name="totalSteps"/>, then η_min.</summary>
    public static LearningRateSchedule Cosine(double learningRate, int totalSteps, double floor = 0, int warmup = 0)
    {
        if (totalSteps <= warmup) throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, $"totalSteps ({totalSteps}) must exceed the warm-up ({warmup}).");
        if (!(floor >= 0 && floor <= learningRate)) throw new ArgumentOutOfRangeException(nameof(floor), floor, $"floor must be in [0, learningRate = {learningRate}], got {floor}.");
        return new(ScheduleKind.Cosine, learningRate, warmup, total: totalSteps, floor: floor);
    }

    /// <summary>The schedule a config describes.</summary>
    public static LearningRateSchedule From(TrainingConfig config) => config.Schedule switch
    {
        ScheduleKind.Constant => Constant(config.LearningRate, config.WarmupSteps),
        ScheduleKind.Step => Step(config.LearningRate, config.DecayEvery, config.DecayFactor, config.WarmupSteps),
        ScheduleKind.Cosine => Cosine(config.LearningRate, config.MaxSteps, config.MinLearningRate, config.WarmupSteps),
        _ => throw new ArgumentException($"Schedule {config.Schedule} is not one of {string.Join(", ", Enum.GetNames<ScheduleKind>())}.", nameof(config)),
    };

    /// <summary>η_t, the rate for update <paramref name="step"/> (0-based).</summary>
    public double At(long step)
    {
        if (step < 0) throw new ArgumentOutOfRangeException(nameof(step), step, $"step must be 0 or more, got {step}.");
        if (step < Warmup) return Peak * (step + 1) / Warmup;
        long s = step - Warmup;
        return Kind switch
        {
            ScheduleKind.Constant => Peak,
            ScheduleKind.Step => Peak * Math.Pow(Gamma, s / Every),
            _ => Floor + (Peak - Floor) * (1 + Math.Cos(Math.PI * Math.Min(s, Total - Warmup) / (Total - Warmup))) / 2,
        };
    }
}

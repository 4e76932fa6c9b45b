namespace LstmCourse.Fitting;

/// <summary>Which update rule <see cref="Fitter"/> uses.</summary>
public enum OptimizerKind
{
    /// <summary>θ ← θ − η g (with momentum when <see cref="FitConfig.Momentum"/> &gt; 0).</summary>
    Sgd,
    /// <summary>θ ← θ − η m̂ / (√v̂ + ε).</summary>
    Adam,
}

/// <summary>Every knob of a <see cref="Fitter.Fit(IFittable, IReadOnlyList{Example}, FitConfig, IReadOnlyList{Example}?, Action{EpochReport}?)"/> run,
/// with defaults; override with <c>with { ... }</c>.</summary>
public sealed record FitConfig
{
    // schedule
    public int Epochs { get; init; } = 10;
    public int BatchSize { get; init; } = 16;            // examples per update; gradients are averaged over them
    public bool Shuffle { get; init; } = true;           // a new order every epoch, drawn from Seed
    public int Seed { get; init; } = 0;

    // optimizer
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;
    public double LearningRate { get; init; } = 0.01;
    public double Momentum { get; init; } = 0;           // SGD only

    // gradient control
    public double? ClipNorm { get; init; } = null;       // clip the global gradient norm to this (null = no clipping)
    public double L1 { get; init; } = 0;                 // λ of λ Σ|θ|
    public double L2 { get; init; } = 0;                 // λ of (λ/2) Σθ²

    /// <summary>A small run for tests and smoke runs.</summary>
    public static FitConfig Tiny => new() { Epochs = 2, BatchSize = 4 };

    /// <summary>The optimizer this config describes (a fresh one, with no state).</summary>
    public IOptimizer CreateOptimizer() => Optimizer switch
    {
        OptimizerKind.Sgd => new Sgd(LearningRate, Momentum),
        OptimizerKind.Adam => new Adam(LearningRate),
        _ => throw new ArgumentException($"unknown optimizer {Optimizer}; use Sgd or Adam.", nameof(Optimizer)),
    };

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first bad knob.</summary>
    public void Validate()
    {
        if (Epochs <= 0) throw new ArgumentException($"Epochs must be positive, got {Epochs}.", nameof(Epochs));
        if (BatchSize <= 0) throw new ArgumentException($"BatchSize must be positive, got {BatchSize}.", nameof(BatchSize));
        if (ClipNorm is { } c && !(c > 0)) throw new ArgumentException($"ClipNorm must be positive or null, got {c}.", nameof(ClipNorm));
        if (!(L1 >= 0)) throw new ArgumentException($"L1 must be ≥ 0, got {L1}.", nameof(L1));
        if (!(L2 >= 0)) throw new ArgumentException($"L2 must be ≥ 0, got {L2}.", nameof(L2));
        CreateOptimizer();
    }
}

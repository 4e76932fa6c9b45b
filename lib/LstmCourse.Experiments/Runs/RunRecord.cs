using LstmCourse.Training;
using LstmCourse.Weather;

namespace LstmCourse.Experiments.Runs;

/// <summary>One run as its folder tells it: config, metrics, how it ended, and the validator's scores of its samples.</summary>
/// <param name="Name">The run's folder name (run-03-HiddenSize=128-LearningRate=0.003 in a sweep).</param>
/// <param name="Folder">The full path of the folder; empty for a <see cref="RunStatus.Missing"/> run.</param>
/// <param name="Problem">What is wrong or unfinished, in words, or null.</param>
/// <param name="Config">config.json (for a missing run: the config its grid point asks for), or null when unreadable.</param>
/// <param name="Metrics">The rows of metrics.csv that could be read.</param>
/// <param name="StopReason">Why training stopped (summary.txt's first line: MaxSteps, TimeBudget, ...), or null.</param>
/// <param name="Scores">ForecastValidator on samples.txt, when the run scored its samples as forecasts.</param>
public sealed record RunRecord(
    string Name, string Folder, RunStatus Status, string? Problem, TrainingConfig? Config,
    IReadOnlyList<TrainingMetrics> Metrics, string? StopReason, ForecastReport? Scores)
{
    /// <summary>Optimizer steps taken (the last row of metrics.csv).</summary>
    public long? Steps => Metrics.Count > 0 ? Metrics[^1].Step : null;

    /// <summary>Training time in seconds (the last row's elapsed_seconds).</summary>
    public double? Seconds => Metrics.Count > 0 ? Metrics[^1].ElapsedSeconds : null;

    /// <summary>The run's final training loss as training reports it: the mean over the last LogEvery steps, in bits/char.</summary>
    public double? TrainBpc => Metrics.Count > 0
        ? TrainingMetrics.BitsPerChar(Metrics.Skip(Math.Max(0, Metrics.Count - (Config?.LogEvery ?? 1))).Average(r => r.TrainLoss))
        : null;

    /// <summary>The last validation loss in bits/char.</summary>
    public double? ValidationBpc => Metrics.LastOrDefault(r => r.ValidationLoss is not null)?.ValidationBpc;

    /// <summary>The lowest validation loss in bits/char, and the step it was reached at.</summary>
    public (double Bpc, long Step)? BestValidation => Metrics.Where(r => r.ValidationLoss is not null)
        .Select(r => ((double Bpc, long Step)?)(r.ValidationBpc!.Value, r.Step))
        .Aggregate(((double Bpc, long Step)?)null, (best, r) => best is null || r!.Value.Bpc < best.Value.Bpc ? r : best);

    /// <summary>True when the run trained to the end or diverged: a sweep does not train it again.</summary>
    public bool IsFinished => Status is RunStatus.Completed or RunStatus.Diverged;
}

namespace LstmCourse.Training;

/// <summary>Progress reports handled at once, on the training thread. <see cref="Progress{T}"/> posts each report to the
/// thread pool when there is no UI thread (as in a notebook kernel), so its lines can arrive late or out of order.</summary>
public sealed class ProgressLog(Action<TrainingProgress> onReport) : IProgress<TrainingProgress>
{
    /// <summary>Writes each report as one line to the console (a notebook cell's output).</summary>
    public static ProgressLog Console { get; } = new(p => System.Console.WriteLine(p));

    public void Report(TrainingProgress value) => onReport(value);
}

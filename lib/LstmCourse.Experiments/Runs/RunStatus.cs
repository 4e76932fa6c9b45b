namespace LstmCourse.Experiments.Runs;

/// <summary>How far a run folder got.</summary>
public enum RunStatus
{
    /// <summary>Trained to the end: summary.txt is written (after the checkpoint and the samples).</summary>
    Completed,

    /// <summary>Training diverged; a sweep wrote diverged.txt with the message, and does not train it again.</summary>
    Diverged,

    /// <summary>Started but not finished: killed, still running, or a lone train run that diverged. A sweep trains it again.</summary>
    Incomplete,

    /// <summary>A file of the folder cannot be read (config.json, or a line in the middle of metrics.csv).</summary>
    Broken,

    /// <summary>A run of a sweep's grid that none of the given folders holds (its shard has not run yet).</summary>
    Missing,
}

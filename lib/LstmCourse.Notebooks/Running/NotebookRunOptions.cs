namespace LstmCourse.Notebooks.Running;

/// <summary>How to run a notebook.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>The default per-cell limit: long enough for a real training cell on a laptop, short enough to catch a hang.</summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromSeconds(600);

    /// <summary>papermill-style <c>-p name=value</c> overrides of the parameters cell, in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>A cell still running after this long is abandoned and the notebook stops.</summary>
    public TimeSpan CellTimeout { get; init; } = DefaultCellTimeout;

    /// <summary>The most characters of output one cell keeps; past it the rest is dropped with a notice.</summary>
    public long OutputLimit { get; init; } = DefaultOutputLimit;

    /// <summary>The default <see cref="OutputLimit"/>: 10 million characters, far above any chart or log a lesson shows.</summary>
    public const long DefaultOutputLimit = Execution.OutputSink.DefaultOutputLimit;

    /// <summary>Stop at the first failing cell instead of going on with the next (the default, as dotnet-repl).</summary>
    public bool StopOnError { get; init; }
}

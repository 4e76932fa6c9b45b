namespace LstmCourse.Notebooks.Running;

/// <summary>How a code cell's run ended.</summary>
public enum CellStatus
{
    Succeeded,
    Failed,
    TimedOut,
    NotRun,
}

/// <summary>
/// One code cell's part in a run. <paramref name="Index"/> is its position among all cells, <paramref name="Ordinal"/>
/// its 1-based position among the <paramref name="CodeCells"/> code cells; <paramref name="Error"/> is the error output's message.
/// </summary>
public sealed record CellResult(int Index, string Label, int Ordinal, int CodeCells, CellStatus Status, TimeSpan Elapsed, string? Error);

using LstmCourse.Notebooks.Model;

namespace LstmCourse.Notebooks.Running;

/// <summary>How a notebook's run ended.</summary>
public enum NotebookStatus
{
    /// <summary>Every code cell ran without error.</summary>
    Succeeded,

    /// <summary>At least one cell failed to compile or threw.</summary>
    Failed,

    /// <summary>A cell was abandoned after the cell timeout; later cells did not run.</summary>
    TimedOut,

    /// <summary>Nothing ran: the notebook has something the runner cannot honour (see the problems).</summary>
    Rejected,
}

/// <summary>
/// A notebook's run: the executed notebook (null when rejected), each code cell's result, the problems that
/// stopped it before it started, and the time it took.
/// </summary>
public sealed record NotebookRunResult(
    Notebook? Executed,
    NotebookStatus Status,
    IReadOnlyList<CellResult> Cells,
    IReadOnlyList<NotebookProblem> Problems,
    TimeSpan Elapsed)
{
    /// <summary>The outputs (cell index, position) that a live display updated after it was first shown.</summary>
    public IReadOnlyCollection<(int Cell, int Position)> UpdatedOutputs { get; init; } = [];

    public int Count(CellStatus status) => Cells.Count(cell => cell.Status == status);

    public bool Succeeded => Status == NotebookStatus.Succeeded;
}

using Microsoft.CodeAnalysis;

namespace LstmCourse.Notebooks.Execution;

/// <summary>How running one cell ended.</summary>
internal enum CellOutcomeKind
{
    Completed,
    CompileFailed,
    Threw,
    TimedOut,
}

/// <summary>The end of one cell's run: its value, its compile errors, its exception, or its timeout.</summary>
internal sealed record CellOutcome(
    CellOutcomeKind Kind,
    object? ReturnValue = null,
    IReadOnlyList<Diagnostic>? Errors = null,
    Exception? Exception = null)
{
    public static CellOutcome Completed(object? value) => new(CellOutcomeKind.Completed, ReturnValue: value);

    public static CellOutcome CompileFailed(IReadOnlyList<Diagnostic> errors) => new(CellOutcomeKind.CompileFailed, Errors: errors);

    public static CellOutcome Threw(Exception exception) => new(CellOutcomeKind.Threw, Exception: exception);

    public static CellOutcome TimedOut() => new(CellOutcomeKind.TimedOut);
}

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

/// <summary>
/// The end of one cell's run: its value, its compile errors, its exception, or its timeout; with the compiler's
/// warnings and infos, which the kernel prints to stderr. <paramref name="HasResult"/>: the cell ends in an expression
/// (no semicolon), so its value is shown even when it is null.
/// </summary>
internal sealed record CellOutcome(
    CellOutcomeKind Kind,
    object? ReturnValue = null,
    IReadOnlyList<Diagnostic>? Errors = null,
    Exception? Exception = null,
    bool HasResult = false)
{
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    public static CellOutcome Completed(object? value, bool hasResult) =>
        new(CellOutcomeKind.Completed, ReturnValue: value, HasResult: hasResult);

    public static CellOutcome CompileFailed(IReadOnlyList<Diagnostic> errors) => new(CellOutcomeKind.CompileFailed, Errors: errors);

    public static CellOutcome Threw(Exception exception) => new(CellOutcomeKind.Threw, Exception: exception);

    public static CellOutcome TimedOut() => new(CellOutcomeKind.TimedOut);
}

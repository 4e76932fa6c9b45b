using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace LstmCourse.Notebooks.Execution;

/// <summary>
/// One Roslyn script state carried across a notebook's cells, as in the kernel: each cell is a submission
/// continuing the last one that compiled. A cell that fails to compile leaves the state as it was; a cell
/// that throws keeps what it assigned before throwing.
/// </summary>
internal sealed class ScriptSession
{
    /// <summary>How long a timed-out cell gets to notice cancellation before it is abandoned.</summary>
    private static readonly TimeSpan GracePeriod = TimeSpan.FromMilliseconds(250);

    private readonly ScriptOptions options;
    private readonly KernelGlobals globals = new();
    private readonly List<int> submissionCells = [];
    private Script<object>? previous;
    private ScriptState<object>? state;

    /// <param name="notebookPath">Full path of the notebook: its folder is the base of <c>#r</c> and <c>#load</c>.</param>
    public ScriptSession(string notebookPath)
    {
        NotebookPath = notebookPath;
        options = KernelScriptOptions.For(notebookPath);
    }

    /// <summary>
    /// Compiles and runs a trivial script with the same options, so the compiler's first-use cost (about a second)
    /// is not charged to the notebook's first cell and its timeout.
    /// </summary>
    public static void WarmUp(string notebookPath) =>
        CSharpScript.Create<object>("System.Linq.Enumerable.Range(0, 1).Sum()", KernelScriptOptions.For(notebookPath), typeof(KernelGlobals))
            .RunAsync(new KernelGlobals()).GetAwaiter().GetResult();

    /// <summary>The notebook's full path: the file name stack frames of cell code carry (a <c>#load</c>ed file has its own).</summary>
    public string NotebookPath { get; }

    /// <summary>The cell index of the <paramref name="submission"/>-th submission (Roslyn's <c>Submission#N</c>), or null.</summary>
    public int? CellOfSubmission(int submission) =>
        submission >= 0 && submission < submissionCells.Count ? submissionCells[submission] : null;

    /// <summary>
    /// Compiles and runs one cell on a dedicated thread. A cell still running after <paramref name="timeout"/>
    /// is cancelled, and if it does not stop, abandoned: the session must not be used after a timeout.
    /// </summary>
    public CellOutcome Run(int cellIndex, string code, TimeSpan timeout)
    {
        Script<object> script = previous is null
            ? CSharpScript.Create<object>(code, options, typeof(KernelGlobals))
            : previous.ContinueWith<object>(code, options);
        var diagnostics = script.GetCompilation().GetDiagnostics();
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            return CellOutcome.CompileFailed(errors);
        }
        var warnings = diagnostics.Where(d => d.Severity is DiagnosticSeverity.Warning or DiagnosticSeverity.Info).ToList();
        bool hasResult = EndsInExpression(script);

        var cancel = new CancellationTokenSource();
        ScriptState<object>? before = state;
        Task<ScriptState<object>> run = Task.Factory.StartNew(
            () => before is null
                ? script.RunAsync(globals, _ => true, cancel.Token)
                : script.RunFromAsync(before, _ => true, cancel.Token),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap();

        if (!Finishes(run, timeout))
        {
            cancel.Cancel();
            Finishes(run, GracePeriod);
            return CellOutcome.TimedOut() with { Warnings = warnings };
        }
        cancel.Dispose();
        if (run.IsCanceled)
        {
            return CellOutcome.TimedOut() with { Warnings = warnings };
        }
        if (run.IsFaulted)
        {
            return CellOutcome.Threw(run.Exception!.InnerException ?? run.Exception) with { Warnings = warnings };
        }
        previous = script;
        state = run.Result;
        submissionCells.Add(cellIndex);
        var outcome = state.Exception is { } thrown ? CellOutcome.Threw(thrown) : CellOutcome.Completed(state.ReturnValue, hasResult);
        return outcome with { Warnings = warnings };
    }

    /// <summary>True when the cell's last statement is an expression without a semicolon: its value is the cell's result.</summary>
    private static bool EndsInExpression(Script script) =>
        script.GetCompilation().SyntaxTrees.LastOrDefault()?.GetRoot() is CompilationUnitSyntax root
        && root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }
        && statement.SemicolonToken.IsMissing;

    private static bool Finishes(Task run, TimeSpan wait)
    {
        try
        {
            return run.Wait(wait);
        }
        catch (AggregateException)
        {
            return true;
        }
    }
}

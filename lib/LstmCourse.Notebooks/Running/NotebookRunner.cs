using System.Diagnostics;
using LstmCourse.Notebooks.Execution;
using LstmCourse.Notebooks.Formatting;
using LstmCourse.Notebooks.Model;

namespace LstmCourse.Notebooks.Running;

/// <summary>
/// Runs a notebook's C# cells in order in one script state, in this process, as the .NET Interactive kernel does,
/// with the notebook's folder as the current directory; returns an executed copy (the source is untouched) and a
/// result per cell. Everything it cannot honour is reported before anything runs. The kernel process
/// (<c>lstm-course-kernel</c>) runs notebooks this way; <see cref="Hosting.NotebookHost"/> runs each in its own kernel
/// process, so that a cell cannot take the host down with it.
/// </summary>
public static class NotebookRunner
{
    /// <summary>Console, current directory and display routing are process-wide: one notebook runs at a time.</summary>
    private static readonly object OneAtATime = new();

    /// <summary>Runs <paramref name="source"/>, which must have a <see cref="Notebook.Path"/> (its folder is where it runs).</summary>
    public static NotebookRunResult Run(Notebook source, NotebookRunOptions? options = null, INotebookRunObserver? observer = null)
    {
        options ??= new NotebookRunOptions();
        var watch = Stopwatch.StartNew();
        var problems = PreparedNotebook.Prepare(source, options.Parameters, out var prepared);
        if (prepared is null)
        {
            return new NotebookRunResult(null, NotebookStatus.Rejected, PreparedNotebook.NotRun(source), problems, watch.Elapsed);
        }
        var cells = Execute(prepared, options, observer, listener: null);
        return new NotebookRunResult(prepared.Notebook, StatusOf(cells), cells, [], watch.Elapsed);
    }

    /// <summary>The notebook's status from its cells' results: success only when every code cell ran and succeeded.</summary>
    public static NotebookStatus StatusOf(IReadOnlyList<CellResult> cells) =>
        cells.Any(c => c.Status == CellStatus.TimedOut) ? NotebookStatus.TimedOut
        : cells.Any(c => c.Status is CellStatus.Failed or CellStatus.NotRun) ? NotebookStatus.Failed
        : NotebookStatus.Succeeded;

    /// <summary>Runs a prepared notebook's code cells, adding their outputs to it; <paramref name="listener"/> hears each output as it happens.</summary>
    internal static List<CellResult> Execute(
        PreparedNotebook prepared, NotebookRunOptions options, INotebookRunObserver? observer, IOutputListener? listener)
    {
        lock (OneAtATime)
        {
            return ExecuteAlone(prepared, options, observer, listener);
        }
    }

    private static List<CellResult> ExecuteAlone(
        PreparedNotebook prepared, NotebookRunOptions options, INotebookRunObserver? observer, IOutputListener? listener)
    {
        Notebook notebook = prepared.Notebook;
        var codeCells = Enumerable.Range(0, notebook.Cells.Count).Where(i => notebook.Cells[i].Kind == CellKind.Code).ToList();
        foreach (int index in codeCells)
        {
            notebook.Cells[index].ClearOutputs();
            notebook.Cells[index].ExecutionCount = null;
        }
        var results = new List<CellResult>();
        var sink = new OutputSink(options.OutputLimit, listener);
        var session = new ScriptSession(notebook.Path!);
        string savedDirectory = Environment.CurrentDirectory;
        TextWriter savedOut = Console.Out, savedError = Console.Error;
        TextReader savedIn = Console.In;
        try
        {
            Environment.CurrentDirectory = Path.GetDirectoryName(notebook.Path)!;
            Console.SetOut(new ConsoleRouter("stdout", savedOut));
            Console.SetError(new ConsoleRouter("stderr", savedError));
            Console.SetIn(TextReader.Null);
            using var channel = DisplayChannel.Open(sink);
            bool stop = false;
            for (int k = 0; k < codeCells.Count; k++)
            {
                int index = codeCells[k];
                Cell cell = notebook.Cells[index];
                if (stop)
                {
                    results.Add(new CellResult(index, prepared.Labels[index], k + 1, codeCells.Count, CellStatus.NotRun, TimeSpan.Zero, null));
                    observer?.CellFinished(results[^1]);
                    continue;
                }
                observer?.CellStarting(k + 1, codeCells.Count, index, prepared.Labels[index], cell);
                var result = RunCell(prepared, index, k + 1, codeCells.Count, session, sink, options);
                results.Add(result);
                observer?.CellFinished(result);
                stop = result.Status == CellStatus.TimedOut || (result.Status == CellStatus.Failed && options.StopOnError);
            }
        }
        finally
        {
            sink.Close();
            Console.SetOut(savedOut);
            Console.SetError(savedError);
            Console.SetIn(savedIn);
            Environment.CurrentDirectory = savedDirectory;
        }
        return results;
    }

    private static CellResult RunCell(
        PreparedNotebook prepared, int index, int ordinal, int codeCells, ScriptSession session, OutputSink sink, NotebookRunOptions options)
    {
        Notebook notebook = prepared.Notebook;
        Cell cell = notebook.Cells[index];
        string label = prepared.Labels[index];
        var watch = Stopwatch.StartNew();
        sink.BeginCell(index);
        cell.ExecutionCount = ordinal;
        CellOutcome outcome = session.Run(index, cell.Source, options.CellTimeout);
        if (outcome.Warnings.Count > 0)
        {
            sink.Write("stderr", CompilerMessages.Text(outcome.Warnings));
        }
        Output? error = outcome.Kind switch
        {
            CellOutcomeKind.CompileFailed => CellErrors.Compile(label, outcome.Errors!),
            CellOutcomeKind.Threw => CellErrors.Exception(label, index, outcome.Exception!, session, i => prepared.Labels[i]),
            CellOutcomeKind.TimedOut => CellErrors.Timeout(label, options.CellTimeout),
            _ => ShowReturnValue(label, outcome, ordinal, sink),
        };
        if (error is not null)
        {
            sink.Add(error);
        }
        foreach (Output output in sink.EndCell())
        {
            cell.AddOutput(output);
        }
        var status = outcome.Kind == CellOutcomeKind.TimedOut ? CellStatus.TimedOut
            : error is null ? CellStatus.Succeeded
            : CellStatus.Failed;
        return new CellResult(index, label, ordinal, codeCells, status, watch.Elapsed, error?.ErrorValue);
    }

    /// <summary>
    /// Shows the value of the cell's last expression as an <c>execute_result</c>, as the kernel does (null too, when the
    /// cell ends in an expression); returns an error output if formatting it throws. A <see cref="DisplayedValue"/>
    /// (a cell ending in <c>x.Display()</c>) was shown already.
    /// </summary>
    private static Output? ShowReturnValue(string label, CellOutcome outcome, int executionCount, OutputSink sink)
    {
        object? value = outcome.ReturnValue;
        if (value is DisplayedValue || (value is null && !outcome.HasResult))
        {
            return null;
        }
        try
        {
            sink.Add(Output.ExecuteResult(ValueFormatter.Format(value), executionCount));
            return null;
        }
        catch (Exception error)
        {
            return CellErrors.Failure(label, $"formatting the cell's value ({value?.GetType()}) failed", error);
        }
    }
}

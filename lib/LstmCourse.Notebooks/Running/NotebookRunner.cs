using System.Diagnostics;
using LstmCourse.Notebooks.Execution;
using LstmCourse.Notebooks.Formatting;
using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Parameters;

namespace LstmCourse.Notebooks.Running;

/// <summary>
/// Runs a notebook's C# cells in order in one script state, as the Polyglot kernel does, with the notebook's
/// folder as the current directory; returns an executed copy (the source is untouched) and a result per cell.
/// Everything it cannot honour is reported before anything runs.
/// </summary>
public static class NotebookRunner
{
    /// <summary>Console, current directory and display routing are process-wide: one notebook runs at a time.</summary>
    private static readonly object OneAtATime = new();

    /// <summary>Runs <paramref name="source"/>, which must have a <see cref="Notebook.Path"/> (its folder is where it runs).</summary>
    public static NotebookRunResult Run(Notebook source, NotebookRunOptions? options = null, INotebookRunObserver? observer = null)
    {
        options ??= new NotebookRunOptions();
        if (source.Path is null)
        {
            throw new ArgumentException("The notebook has no path; load it from a file so its folder can be the current directory.", nameof(source));
        }
        var watch = Stopwatch.StartNew();
        Notebook notebook = source.Clone();
        var problems = Preflight.Check(notebook).ToList();
        try
        {
            ParameterInjector.Inject(notebook, options.Parameters);
        }
        catch (ParameterException error)
        {
            problems.AddRange(error.Problems.Select(problem =>
                new NotebookProblem("parameters", problem, "fix the -p option, or the parameters cell.")));
        }
        if (problems.Count > 0)
        {
            var codeCells = source.Cells.Select((cell, index) => (cell, index)).Where(c => c.cell.Kind == CellKind.Code).ToList();
            var notRun = codeCells.Select((c, k) =>
                new CellResult(c.index, c.cell.Label(c.index), k + 1, codeCells.Count, CellStatus.NotRun, TimeSpan.Zero, null)).ToList();
            return new NotebookRunResult(null, NotebookStatus.Rejected, notRun, problems, watch.Elapsed);
        }
        lock (OneAtATime)
        {
            var cells = Execute(notebook, options, observer);
            var status = cells.Any(c => c.Status == CellStatus.TimedOut) ? NotebookStatus.TimedOut
                : cells.Any(c => c.Status == CellStatus.Failed) ? NotebookStatus.Failed
                : NotebookStatus.Succeeded;
            return new NotebookRunResult(notebook, status, cells, [], watch.Elapsed);
        }
    }

    private static List<CellResult> Execute(Notebook notebook, NotebookRunOptions options, INotebookRunObserver? observer)
    {
        var codeCells = Enumerable.Range(0, notebook.Cells.Count).Where(i => notebook.Cells[i].Kind == CellKind.Code).ToList();
        foreach (int index in codeCells)
        {
            notebook.Cells[index].ClearOutputs();
            notebook.Cells[index].ExecutionCount = null;
        }
        var results = new List<CellResult>();
        var sink = new OutputSink();
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
                    results.Add(new CellResult(index, cell.Label(index), k + 1, codeCells.Count, CellStatus.NotRun, TimeSpan.Zero, null));
                    observer?.CellFinished(results[^1]);
                    continue;
                }
                observer?.CellStarting(k + 1, codeCells.Count, index, cell);
                var result = RunCell(notebook, index, k + 1, codeCells.Count, session, sink, options);
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
        Notebook notebook, int index, int ordinal, int codeCells, ScriptSession session, OutputSink sink, NotebookRunOptions options)
    {
        Cell cell = notebook.Cells[index];
        string label = cell.Label(index);
        var watch = Stopwatch.StartNew();
        sink.BeginCell();
        cell.ExecutionCount = ordinal;
        CellOutcome outcome = session.Run(index, cell.Source, options.CellTimeout);
        Output? error = outcome.Kind switch
        {
            CellOutcomeKind.CompileFailed => CellErrors.Compile(label, outcome.Errors!),
            CellOutcomeKind.Threw => CellErrors.Exception(label, index, outcome.Exception!, session, i => notebook.Cells[i].Label(i)),
            CellOutcomeKind.TimedOut => CellErrors.Timeout(label, options.CellTimeout),
            _ => DisplayReturnValue(label, outcome.ReturnValue, sink),
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
    /// Shows the value of the cell's last expression; returns an error output if formatting it throws.
    /// A <see cref="DisplayedValue"/> (a cell ending in <c>x.Display()</c>) was shown already.
    /// </summary>
    private static Output? DisplayReturnValue(string label, object? value, OutputSink sink)
    {
        if (value is null or DisplayedValue)
        {
            return null;
        }
        try
        {
            sink.Add(Output.DisplayData(ValueFormatter.Format(value)));
            return null;
        }
        catch (Exception error)
        {
            return CellErrors.Failure(label, $"formatting the cell's value ({value.GetType()}) failed", error);
        }
    }
}

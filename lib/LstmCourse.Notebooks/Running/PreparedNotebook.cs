using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Parameters;

namespace LstmCourse.Notebooks.Running;

/// <summary>
/// A notebook ready to run: a copy of the source with the <c>-p</c> values injected, and the label of every cell as
/// the learner sees it in the source (the injected cell does not shift the numbers of the cells after it).
/// </summary>
public sealed class PreparedNotebook
{
    private PreparedNotebook(Notebook notebook, IReadOnlyList<string> labels, int codeCells)
    {
        Notebook = notebook;
        Labels = labels;
        CodeCells = codeCells;
    }

    /// <summary>The copy that runs and collects the outputs.</summary>
    public Notebook Notebook { get; }

    /// <summary>The label of each cell of <see cref="Notebook"/>, by index.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>How many code cells run.</summary>
    public int CodeCells { get; }

    /// <summary>
    /// Checks <paramref name="source"/> (see <see cref="Preflight"/>) and injects <paramref name="parameters"/>.
    /// Returns the problems that keep it from running, or an empty list and the prepared copy.
    /// </summary>
    public static IReadOnlyList<NotebookProblem> Prepare(
        Notebook source, IReadOnlyList<KeyValuePair<string, string>> parameters, out PreparedNotebook? prepared, bool inThisProcess = true)
    {
        prepared = null;
        if (source.Path is null)
        {
            throw new ArgumentException("The notebook has no path; load it from a file so its folder can be the current directory.", nameof(source));
        }
        Notebook notebook = source.Clone();
        var problems = Preflight.Check(notebook, inThisProcess).ToList();
        int? injected = null;
        try
        {
            injected = ParameterInjector.Inject(notebook, parameters);
        }
        catch (ParameterException error)
        {
            problems.AddRange(error.Problems.Select(problem =>
                new NotebookProblem("parameters", problem, "fix the -p option, or the parameters cell.")));
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        var labels = notebook.Cells.Select((cell, index) => LabelOf(cell, index, injected)).ToList();
        prepared = new PreparedNotebook(notebook, labels, notebook.Cells.Count(cell => cell.Kind == CellKind.Code));
        return [];
    }

    /// <summary>Rebuilds a prepared notebook that crossed a process boundary (the kernel process).</summary>
    internal static PreparedNotebook Restore(Notebook notebook, IReadOnlyList<string> labels) =>
        labels.Count == notebook.Cells.Count
            ? new PreparedNotebook(notebook, labels, notebook.Cells.Count(cell => cell.Kind == CellKind.Code))
            : throw new ArgumentException($"{labels.Count} labels for {notebook.Cells.Count} cells.", nameof(labels));

    /// <summary>The results of a run in which no cell ran.</summary>
    public static IReadOnlyList<CellResult> NotRun(Notebook source)
    {
        var codeCells = source.Cells.Select((cell, index) => (cell, index)).Where(c => c.cell.Kind == CellKind.Code).ToList();
        return codeCells.Select((c, k) =>
            new CellResult(c.index, c.cell.Label(c.index), k + 1, codeCells.Count, CellStatus.NotRun, TimeSpan.Zero, null)).ToList();
    }

    private static string LabelOf(Cell cell, int index, int? injected) =>
        index == injected ? $"the injected parameters cell (after {cell.Label(index - 1).Split(" (")[0]}, from -p)"
        : injected is int at && index > at ? cell.Label(index - 1)
        : cell.Label(index);
}

using LstmCourse.Notebooks.Format;
using LstmCourse.Notebooks.Model;

namespace LstmCourse.Runner.Commands;

/// <summary><c>lstm-course clear</c>: removes outputs and execution counts, keeping everything else as it was.</summary>
public sealed class ClearCommand : ICommand
{
    public string Name => "clear";

    public string Summary => "remove outputs and execution counts from notebooks (to commit them clean)";

    public string Usage => """
        lstm-course clear <notebook-or-folder>...

        Removes every code cell's outputs and sets its execution_count to null. Everything else (metadata,
        cell ids, attachments, key order, indentation) stays as it was; a notebook with nothing to clear is
        not rewritten. Files are replaced atomically.

        Exit codes: 0 done; 1 usage error (missing file); 2 a notebook is malformed (left untouched).
        """;

    public int Execute(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var parsed = Arguments.Parse(Name, args, [], []);
        int exit = ExitCodes.Ok;
        foreach (string path in NotebookPaths.Expand(parsed.Positionals))
        {
            Notebook notebook;
            try
            {
                notebook = Notebook.Load(path);
            }
            catch (NotebookFormatException malformed)
            {
                error.WriteLine($"error: {malformed.Message}");
                exit = ExitCodes.Failed;
                continue;
            }
            var codeCells = notebook.Cells.Where(cell => cell.Kind == CellKind.Code).ToList();
            int outputs = codeCells.Sum(cell => cell.Outputs.Count);
            int counts = codeCells.Count(cell => cell.ExecutionCount is not null);
            if (outputs == 0 && counts == 0)
            {
                output.WriteLine($"unchanged {NotebookPaths.Show(path)}");
                continue;
            }
            foreach (Cell cell in codeCells)
            {
                cell.ClearOutputs();
                cell.ExecutionCount = null;
            }
            notebook.Save(path);
            output.WriteLine($"cleared   {NotebookPaths.Show(path)}: {outputs} output(s), {counts} execution count(s)");
        }
        return exit;
    }
}

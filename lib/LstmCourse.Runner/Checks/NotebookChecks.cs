using LstmCourse.Notebooks.Checking;
using LstmCourse.Notebooks.Execution;
using LstmCourse.Notebooks.Format;
using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Running;

namespace LstmCourse.Runner.Checks;

/// <summary>
/// The notebook half of <c>check</c>: every <c>#r</c>'d DLL exists (else the build command), every notebook
/// reads, holds nothing the runner cannot run, and its code cells compile (cumulatively, without running).
/// </summary>
public static class NotebookChecks
{
    public static void Check(CheckReport report, IReadOnlyList<string> notebookPaths, string notebooksFolder)
    {
        var notebooks = new List<Notebook>();
        foreach (string path in notebookPaths)
        {
            try
            {
                notebooks.Add(Notebook.Load(path));
            }
            catch (NotebookFormatException malformed)
            {
                report.Problem($"{Path.GetFileName(path)} cannot be read: {malformed.Message}",
                    "repair the JSON (or restore the file from version control)");
            }
        }
        var missing = CheckReferences(report, notebooks, notebooksFolder);
        foreach (Notebook notebook in notebooks)
        {
            CheckNotebook(report, notebook, missing);
        }
    }

    /// <summary>Reports each referenced DLL once; returns the notebooks that reference a missing one.</summary>
    private static HashSet<Notebook> CheckReferences(CheckReport report, IReadOnlyList<Notebook> notebooks, string notebooksFolder)
    {
        var uses = new SortedDictionary<string, List<(Notebook Notebook, string Where, string Written)>>(StringComparer.Ordinal);
        foreach (Notebook notebook in notebooks)
        {
            string folder = Path.GetDirectoryName(notebook.Path)!;
            for (int index = 0; index < notebook.Cells.Count; index++)
            {
                Cell cell = notebook.Cells[index];
                if (cell.Kind != CellKind.Code)
                {
                    continue;
                }
                foreach (var (line, written) in Directives.FileReferences(cell.Source))
                {
                    string full = Path.GetFullPath(Path.Combine(folder, written));
                    if (!uses.TryGetValue(full, out var list))
                    {
                        uses[full] = list = [];
                    }
                    list.Add((notebook, $"{Path.GetFileName(notebook.Path)} {cell.Label(index)}, line {line}", written));
                }
            }
        }
        var missing = new HashSet<Notebook>();
        foreach (var (full, list) in uses)
        {
            int count = list.Select(use => use.Notebook).Distinct().Count();
            string shown = list[0].Written;
            if (File.Exists(full))
            {
                report.Ok($"{shown} exists (#r in {count} notebook{(count == 1 ? "" : "s")})");
                continue;
            }
            report.Problem($"{shown} does not exist ({full}; #r in {list[0].Where}{(list.Count > 1 ? $" and {list.Count - 1} more" : "")})",
                BuildHint.For(full, notebooksFolder));
            missing.UnionWith(list.Select(use => use.Notebook));
        }
        return missing;
    }

    private static void CheckNotebook(CheckReport report, Notebook notebook, HashSet<Notebook> missingReferences)
    {
        string name = Path.GetFileName(notebook.Path)!;
        var problems = Preflight.Check(notebook, inThisProcess: false);   // notebooks run in kernel processes, which carry no library
        foreach (var problem in problems)
        {
            report.Problem($"{name} {problem.Where}: {problem.Message}", problem.Fix);
        }
        if (problems.Count > 0 || missingReferences.Contains(notebook))
        {
            report.Skipped($"{name}: cells not compiled until the problems above are fixed");
            return;
        }
        var errors = NotebookCompiler.Compile(notebook);
        foreach (var error in errors)
        {
            report.Problem($"{name} {error}",
                "correct the cell's code (or rebuild the library if the cell uses something new in it)");
        }
        if (errors.Count == 0)
        {
            int codeCells = notebook.Cells.Count(cell => cell.Kind == CellKind.Code);
            report.Ok($"{name}: reads, and its {codeCells} code cell{(codeCells == 1 ? "" : "s")} compile");
        }
    }
}

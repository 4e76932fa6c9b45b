using LstmCourse.Notebooks.Execution;
using LstmCourse.Notebooks.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace LstmCourse.Notebooks.Checking;

/// <summary>
/// Compiles a notebook's code cells without running them, each continuing the ones before it as a run would
/// (a cell that does not compile is left out of the chain, as in a run).
/// </summary>
public static class NotebookCompiler
{
    /// <summary>Every compile error of every code cell; empty when all compile. The notebook needs a <see cref="Notebook.Path"/>.</summary>
    public static IReadOnlyList<CompileError> Compile(Notebook notebook)
    {
        string path = notebook.Path ?? throw new ArgumentException("The notebook has no path; its folder is the base of #r.", nameof(notebook));
        ScriptOptions options = KernelScriptOptions.For(path);
        Script<object>? previous = null;
        var errors = new List<CompileError>();
        for (int index = 0; index < notebook.Cells.Count; index++)
        {
            Cell cell = notebook.Cells[index];
            if (cell.Kind != CellKind.Code)
            {
                continue;
            }
            Script<object> script = previous is null
                ? CSharpScript.Create<object>(cell.Source, options, typeof(KernelGlobals))
                : previous.ContinueWith<object>(cell.Source, options);
            var cellErrors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            foreach (Diagnostic error in cellErrors)
            {
                var start = error.Location.GetLineSpan().StartLinePosition;
                errors.Add(new CompileError(
                    index, $"{cell.Label(index)}, line {start.Line + 1}, column {start.Character + 1}", error.Id, error.GetMessage()));
            }
            if (cellErrors.Count == 0)
            {
                previous = script;
            }
        }
        return errors;
    }
}

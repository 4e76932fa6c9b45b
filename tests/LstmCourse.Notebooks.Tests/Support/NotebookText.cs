using System.Text.Json.Nodes;
using LstmCourse.Notebooks.Format;
using LstmCourse.Notebooks.Model;

namespace LstmCourse.Notebooks.Tests.Support;

/// <summary>Builds small Polyglot C# notebooks from code strings, with the metadata VS Code writes.</summary>
internal static class NotebookText
{
    /// <summary>A notebook whose code cells have ids c1, c2, ... and the given sources.</summary>
    public static string Of(params string[] codeCells)
    {
        var cells = new JsonArray();
        for (int i = 0; i < codeCells.Length; i++)
        {
            cells.Add(Cell.NewCode($"c{i + 1}", codeCells[i]).Json);
        }
        var notebook = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = JsonNode.Parse("""
                {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
                 "language_info": {"name": "polyglot-notebook"},
                 "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [{"aliases": [], "name": "csharp"}]}}}
                """),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return new Notebook(notebook, NotebookLayout.Jupyter, null).ToText();
    }

    /// <summary>Writes such a notebook to <paramref name="path"/> and loads it.</summary>
    public static Notebook Save(string path, params string[] codeCells)
    {
        File.WriteAllText(path, Of(codeCells));
        return Notebook.Load(path);
    }

    /// <summary>The cell with the given id.</summary>
    public static Cell CellById(this Notebook notebook, string id) =>
        notebook.Cells.Single(cell => cell.Id == id);
}

using LstmCourse.Notebooks.IO;
using LstmCourse.Notebooks.Model;

namespace LstmCourse.Notebooks.Format;

/// <summary>Writes notebooks as Jupyter and VS Code do, in the layout the file was read with, atomically.</summary>
public static class NotebookWriter
{
    /// <summary>The file text: Jupyter-style JSON in the notebook's layout.</summary>
    public static string ToText(Notebook notebook) => JupyterJson.Serialize(notebook.Json, notebook.Layout);

    /// <summary>Writes the notebook to <paramref name="path"/> through a temp file in the same folder.</summary>
    public static void Write(Notebook notebook, string path) => AtomicFile.WriteAllText(path, ToText(notebook));
}

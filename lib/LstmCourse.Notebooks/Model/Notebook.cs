using System.Text.Json.Nodes;
using LstmCourse.Notebooks.Format;

namespace LstmCourse.Notebooks.Model;

/// <summary>
/// An nbformat 4 notebook over its JSON. Every field this code does not touch (unknown metadata,
/// cell ids, attachments, key order) is kept as read, so reading then writing changes nothing.
/// </summary>
public sealed class Notebook
{
    private readonly List<Cell> cells;

    internal Notebook(JsonObject json, NotebookLayout layout, string? path)
    {
        Json = json;
        Layout = layout;
        Path = path;
        cells = CellArray().Select(cell => new Cell((JsonObject)cell!)).ToList();
    }

    /// <summary>The notebook's JSON document.</summary>
    public JsonObject Json { get; }

    /// <summary>The indentation and line endings the file was written with; the writer keeps them.</summary>
    public NotebookLayout Layout { get; }

    /// <summary>The full path the notebook was read from, or null for one built in memory.</summary>
    public string? Path { get; }

    /// <summary>The notebook-level metadata.</summary>
    public JsonObject Metadata => (JsonObject)Json["metadata"]!;

    /// <summary><c>nbformat_minor</c>: 5 and up have cell ids.</summary>
    public int FormatMinor => Json["nbformat_minor"]!.GetValue<int>();

    /// <summary>All cells in order.</summary>
    public IReadOnlyList<Cell> Cells => cells;

    /// <summary>
    /// The kernel of cells that name none: <c>metadata.polyglot_notebook.kernelInfo.defaultKernelName</c>,
    /// else <c>csharp</c>.
    /// </summary>
    public string DefaultLanguage =>
        Metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>() ?? "csharp";

    /// <summary>Reads a notebook file; malformed JSON or schema throws <see cref="NotebookFormatException"/>.</summary>
    public static Notebook Load(string path) => NotebookReader.Read(path);

    /// <summary>Reads a notebook from its text; <paramref name="path"/> names it in errors and sets the run folder.</summary>
    public static Notebook Parse(string text, string? path = null) => NotebookReader.Parse(text, path);

    /// <summary>Writes the notebook atomically, keeping its layout.</summary>
    public void Save(string path) => NotebookWriter.Write(this, path);

    /// <summary>The notebook as the text <see cref="Save"/> writes.</summary>
    public string ToText() => NotebookWriter.ToText(this);

    /// <summary>A deep copy to run or edit while this one stays as read.</summary>
    public Notebook Clone() => new((JsonObject)Json.DeepClone(), Layout, Path);

    /// <summary>The language a code cell runs in: its own, else the notebook's default.</summary>
    public string LanguageOf(Cell cell) => cell.Language ?? DefaultLanguage;

    /// <summary>Inserts a cell at <paramref name="index"/>.</summary>
    public void InsertCell(int index, Cell cell)
    {
        CellArray().Insert(index, cell.Json);
        cells.Insert(index, cell);
    }

    /// <summary>Removes a cell.</summary>
    public void RemoveCell(Cell cell)
    {
        CellArray().Remove(cell.Json);
        cells.Remove(cell);
    }

    private JsonArray CellArray() => (JsonArray)Json["cells"]!;
}

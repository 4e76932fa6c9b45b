namespace LstmCourse.Notebooks.Model;

/// <summary>The nbformat <c>cell_type</c> of a cell.</summary>
public enum CellKind
{
    Code,
    Markdown,
    Raw,
}

namespace LstmCourse.Notebooks.Checking;

/// <summary>A compile error of a cell: where (cell, line, column), the diagnostic id and its message.</summary>
public sealed record CompileError(int Index, string Where, string Id, string Message)
{
    public override string ToString() => $"{Where}: error {Id}: {Message}";
}

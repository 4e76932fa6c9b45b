namespace LstmCourse.Notebooks.Format;

/// <summary>A notebook file that is not valid JSON or not nbformat 4; the message names the file, line and column, and what is wrong.</summary>
public sealed class NotebookFormatException : Exception
{
    public NotebookFormatException(string path, int line, int? column, string problem)
        : base($"{path}:{line}{(column is null ? "" : $":{column}")}: {problem}")
    {
        FilePath = path;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The notebook file.</summary>
    public string FilePath { get; }

    /// <summary>1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>1-based column (byte in line) of a JSON syntax error; null for schema problems.</summary>
    public int? Column { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}

namespace LstmCourse.Notebooks.Format;

/// <summary>
/// How a notebook file is laid out. Jupyter and VS Code write 1-space indentation, <c>\n</c> line ends
/// and a final newline; VS Code keeps another indentation it finds in the file, and so does this.
/// </summary>
/// <param name="Indent">One level of indentation, or null for JSON on one line.</param>
/// <param name="NewLine"><c>\n</c> or <c>\r\n</c>.</param>
/// <param name="FinalNewLine">Whether the file ends with a newline.</param>
public sealed record NotebookLayout(string? Indent, string NewLine, bool FinalNewLine)
{
    /// <summary>What Jupyter (<c>json.dumps(indent=1)</c>) and VS Code (<c>JSON.stringify(.., ' ')</c>) write.</summary>
    public static NotebookLayout Jupyter { get; } = new(" ", "\n", true);

    /// <summary>The layout of a file's text: indentation of its second line, its line ends, its final newline.</summary>
    public static NotebookLayout Detect(string text)
    {
        bool finalNewLine = text.EndsWith('\n');
        int firstNewLine = text.TrimEnd('\r', '\n').IndexOf('\n');
        if (firstNewLine < 0)
        {
            return new NotebookLayout(null, text.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n", finalNewLine);
        }
        string newLine = firstNewLine > 0 && text[firstNewLine - 1] == '\r' ? "\r\n" : "\n";
        int start = firstNewLine + 1;
        int end = start;
        while (end < text.Length && (text[end] == ' ' || text[end] == '\t'))
        {
            end++;
        }
        string indent = end > start ? text[start..end] : " ";
        return new NotebookLayout(indent, newLine, finalNewLine);
    }
}

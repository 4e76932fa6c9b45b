using Microsoft.CodeAnalysis;

namespace LstmCourse.Notebooks.Execution;

/// <summary>
/// The compiler's warnings and infos for a cell, written to stderr as the .NET Interactive kernel writes them:
/// <c>"\n(4,52): info CS9236: ...\n\n"</c>, one blank line between messages, the position (line, column) in the cell
/// when the message has one.
/// </summary>
internal static class CompilerMessages
{
    public static string Text(IEnumerable<Diagnostic> diagnostics) =>
        "\n" + string.Join("\n\n", diagnostics.Select(Line)) + "\n\n";

    private static string Line(Diagnostic diagnostic)
    {
        string severity = diagnostic.Severity.ToString().ToLowerInvariant();
        string message = $"{severity} {diagnostic.Id}: {diagnostic.GetMessage()}";
        if (!diagnostic.Location.IsInSource)
        {
            return message;
        }
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        return $"({start.Line + 1},{start.Character + 1}): {message}";
    }
}

using System.Reflection;

namespace LstmCourse.Notebooks.Formatting;

/// <summary>A type's convention formatters and the mime types it prefers (empty: all of them).</summary>
internal sealed record FormatterSet(IReadOnlyList<string> PreferredMimeTypes, IReadOnlyList<ConventionFormatter> Formatters)
{
    public ConventionFormatter? ForMimeType(string mimeType) =>
        Formatters.FirstOrDefault(f => string.Equals(f.MimeType, mimeType, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One convention formatter, called through reflection.</summary>
internal sealed record ConventionFormatter(string MimeType, object Target, MethodInfo FormatMethod)
{
    /// <summary>The formatted text, or null when the formatter declines (returns false).</summary>
    public string? Format(object value)
    {
        using var writer = new StringWriter();
        object? handled;
        try
        {
            handled = FormatMethod.Invoke(Target, [value, writer]);
        }
        catch (TargetInvocationException error) when (error.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error.InnerException).Throw();
            throw;
        }
        return handled is false ? null : writer.ToString();
    }
}

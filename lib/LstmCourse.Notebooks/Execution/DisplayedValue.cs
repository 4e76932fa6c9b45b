using LstmCourse.Notebooks.Formatting;
using LstmCourse.Notebooks.Model;

namespace LstmCourse.Notebooks.Execution;

/// <summary>
/// A value shown by <c>display</c>, <c>Display()</c> or <c>DisplayAs()</c>. <see cref="Update"/> replaces that
/// same output, so a progress display updated a thousand times is saved as one output with the final content.
/// </summary>
public sealed class DisplayedValue
{
    private readonly OutputSink sink;
    private readonly OutputSlot? output;
    private readonly IReadOnlyList<string> mimeTypes;
    private readonly bool asIs;

    internal DisplayedValue(OutputSink sink, OutputSlot? output, IReadOnlyList<string> mimeTypes, bool asIs)
    {
        this.sink = sink;
        this.output = output;
        this.mimeTypes = mimeTypes;
        this.asIs = asIs;
    }

    /// <summary>The mime types the value was displayed as; empty for the value's defaults.</summary>
    public IReadOnlyList<string> MimeTypes => mimeTypes;

    /// <summary>Shows <paramref name="value"/> in place of what was displayed, with the same mime types.</summary>
    public void Update(object? value)
    {
        if (output is null)
        {
            return;
        }
        var bundle = asIs && value is string content
            ? ValueFormatter.AsIs(content, mimeTypes)
            : ValueFormatter.Format(value, mimeTypes);
        sink.Replace(output, bundle);
    }
}

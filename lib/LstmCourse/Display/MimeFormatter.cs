namespace LstmCourse.Display;

/// <summary>One formatter of the name-based convention: a <see cref="MimeType"/> and exactly one public <see cref="Format"/>.</summary>
/// <remarks>The kernel looks <c>Format</c> up by name, so it must never be overloaded.</remarks>
internal sealed class MimeFormatter
{
    private readonly Func<object, string?> render;

    public MimeFormatter(string mimeType, Func<object, string?> render)
    {
        MimeType = mimeType;
        this.render = render;
    }

    public string MimeType { get; }

    /// <summary>Writes <paramref name="instance"/> as <see cref="MimeType"/>; false when it is not a type this formatter knows.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        var text = instance is null ? null : render(instance);
        if (text is null) return false;
        writer.Write(text);
        return true;
    }
}

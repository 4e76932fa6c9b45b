namespace LstmCourse.Notebooks.Formatting;

/// <summary>
/// Turns a displayed value into a mime bundle (mime type to text), as the Polyglot kernel does:
/// the type's convention formatters first (its preferred mime types, else all of them), then the defaults:
/// strings as text/plain, <see cref="HtmlString"/> as text/html, anything else as text/html (the kernel's default).
/// </summary>
public static class ValueFormatter
{
    /// <summary>Formats <paramref name="value"/> for <paramref name="mimeTypes"/>, or for its default mime types when none are given.</summary>
    public static IReadOnlyDictionary<string, string> Format(object? value, IReadOnlyList<string>? mimeTypes = null)
    {
        FormatterSet? formatters = value is null ? null : ConventionFormatters.For(value.GetType());
        var bundle = new Dictionary<string, string>(StringComparer.Ordinal);
        if (mimeTypes is { Count: > 0 })
        {
            foreach (string mimeType in mimeTypes)
            {
                bundle[mimeType] = FormatOne(value, mimeType, formatters);
            }
            return bundle;
        }
        if (formatters is not null && value is not null)
        {
            IEnumerable<string> wanted = formatters.PreferredMimeTypes.Count > 0
                ? formatters.PreferredMimeTypes
                : formatters.Formatters.Select(f => f.MimeType);
            foreach (string mimeType in wanted.Distinct(StringComparer.Ordinal))
            {
                if (formatters.ForMimeType(mimeType)?.Format(value) is { } text)
                {
                    bundle[mimeType] = text;
                }
                else if (formatters.PreferredMimeTypes.Count > 0)
                {
                    bundle[mimeType] = FormatOne(value, mimeType, null);
                }
            }
            if (bundle.Count > 0)
            {
                return bundle;
            }
        }
        switch (value)
        {
            case string text:
                bundle[MimeTypes.PlainText] = text;
                break;
            case HtmlString html:
                bundle[MimeTypes.Html] = html.Html;
                break;
            default:
                bundle[MimeTypes.Html] = HtmlFormatter.Format(value);
                break;
        }
        return bundle;
    }

    /// <summary>A string that is already content of the given mime types, shown as is (what <c>DisplayAs</c> does).</summary>
    public static IReadOnlyDictionary<string, string> AsIs(string content, IEnumerable<string> mimeTypes) =>
        mimeTypes.Distinct(StringComparer.Ordinal).ToDictionary(mimeType => mimeType, _ => content, StringComparer.Ordinal);

    private static string FormatOne(object? value, string mimeType, FormatterSet? formatters)
    {
        if (value is not null && formatters?.ForMimeType(mimeType)?.Format(value) is { } text)
        {
            return text;
        }
        return mimeType switch
        {
            MimeTypes.Html => HtmlFormatter.Format(value),
            MimeTypes.PlainText => PlainTextFormatter.Format(value),
            _ => value as string ?? PlainTextFormatter.Format(value),
        };
    }
}

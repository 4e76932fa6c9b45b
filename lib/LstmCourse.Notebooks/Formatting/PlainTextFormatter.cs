using System.Collections;
using System.Text;

namespace LstmCourse.Notebooks.Formatting;

/// <summary>text/plain for any value: <c>ToString()</c>, and <c>[ a, b, c ]</c> for collections.</summary>
internal static class PlainTextFormatter
{
    public static string Format(object? value)
    {
        switch (value)
        {
            case null:
                return "<null>";
            case string text:
                return text;
            case IEnumerable items when !HtmlFormatter.IsScalar(value.GetType()) && !HasOwnToString(value.GetType()):
                var line = new StringBuilder("[ ");
                int shown = 0;
                foreach (object? item in items)
                {
                    if (shown == HtmlFormatter.MaxItems)
                    {
                        line.Append(", ...");
                        break;
                    }
                    line.Append(shown++ == 0 ? "" : ", ").Append(item?.ToString() ?? "<null>");
                }
                return line.Append(" ]").ToString();
            default:
                return value.ToString() ?? "";
        }
    }

    private static bool HasOwnToString(Type type) =>
        type.GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType is { } declaring && declaring != typeof(object);
}

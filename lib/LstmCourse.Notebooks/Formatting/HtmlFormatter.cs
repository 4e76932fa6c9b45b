using System.Collections;
using System.Net;
using System.Reflection;
using System.Text;

namespace LstmCourse.Notebooks.Formatting;

/// <summary>
/// The default text/html for values with no formatter of their own: scalars in a <c>pre</c>, objects as a
/// table of their public properties and fields, collections as a table of items (first <see cref="MaxItems"/>).
/// Everything is HTML-escaped.
/// </summary>
internal static class HtmlFormatter
{
    /// <summary>Items shown from a collection, as the Polyglot kernel's list expansion limit.</summary>
    public const int MaxItems = 20;

    private const int MaxCellText = 200;

    public static string Format(object? value) => value switch
    {
        HtmlString html => html.Html,
        null => Pre("<null>"),
        _ when IsScalar(value.GetType()) => Pre(value.ToString() ?? ""),
        IDictionary dictionary => DictionaryTable(dictionary),
        IEnumerable items => ItemsTable(items),
        _ => ObjectTable(value),
    };

    /// <summary>Values shown as one piece of text rather than a table.</summary>
    public static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
        || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(Uri)
        || Nullable.GetUnderlyingType(type) is { } inner && IsScalar(inner);

    private static string Pre(string text) => $"<div class=\"dni-plaintext\"><pre>{Escape(text)}</pre></div>";

    private static string ObjectTable(object value)
    {
        var html = new StringBuilder("<table><thead><tr><th>property</th><th>value</th></tr></thead><tbody>");
        foreach (var (name, read) in Members(value.GetType()))
        {
            html.Append("<tr><td>").Append(Escape(name)).Append("</td><td>").Append(CellText(Read(read, value))).Append("</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    private static string ItemsTable(IEnumerable items)
    {
        var html = new StringBuilder("<table><thead><tr><th><i>index</i></th>");
        var rows = new StringBuilder();
        IReadOnlyList<(string Name, Func<object, object?> Read)>? columns = null;
        int index = 0;
        foreach (object? item in items)
        {
            if (index == MaxItems)
            {
                string more = items is ICollection collection ? $"{collection.Count - MaxItems} more" : "more";
                rows.Append("<tr><td colspan=\"99\"><i>... ").Append(more).Append("</i></td></tr>");
                break;
            }
            columns ??= item is null || IsScalar(item.GetType()) ? [] : Members(item.GetType());
            rows.Append("<tr><td>").Append(index++).Append("</td>");
            if (columns.Count == 0)
            {
                rows.Append("<td>").Append(CellText(item)).Append("</td>");
            }
            foreach (var (_, read) in columns)
            {
                rows.Append("<td>").Append(item is null ? "" : CellText(Read(read, item))).Append("</td>");
            }
            rows.Append("</tr>");
        }
        if (columns is null || columns.Count == 0)
        {
            html.Append("<th>value</th>");
        }
        foreach (var (name, _) in columns ?? [])
        {
            html.Append("<th>").Append(Escape(name)).Append("</th>");
        }
        return html.Append("</tr></thead><tbody>").Append(rows).Append("</tbody></table>").ToString();
    }

    private static string DictionaryTable(IDictionary dictionary)
    {
        var html = new StringBuilder("<table><thead><tr><th><i>key</i></th><th>value</th></tr></thead><tbody>");
        int shown = 0;
        foreach (DictionaryEntry entry in dictionary)
        {
            if (shown++ == MaxItems)
            {
                html.Append("<tr><td colspan=\"2\"><i>... ").Append(dictionary.Count - MaxItems).Append(" more</i></td></tr>");
                break;
            }
            html.Append("<tr><td>").Append(CellText(entry.Key)).Append("</td><td>").Append(CellText(entry.Value)).Append("</td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    private static IReadOnlyList<(string Name, Func<object, object?> Read)> Members(Type type)
    {
        var members = new List<(string, Func<object, object?>)>();
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.CanRead && property.GetIndexParameters().Length == 0 && property.GetMethod!.IsPublic)
            {
                members.Add((property.Name, property.GetValue));
            }
        }
        foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            members.Add((field.Name, field.GetValue));
        }
        return members;
    }

    private static object? Read(Func<object, object?> read, object target)
    {
        try
        {
            return read(target);
        }
        catch (TargetInvocationException error)
        {
            return $"(threw {(error.InnerException ?? error).GetType().Name})";
        }
    }

    private static string CellText(object? value)
    {
        string text = value switch
        {
            null => "<null>",
            string s => s,
            IEnumerable items when !IsScalar(value.GetType()) => PlainTextFormatter.Format(items),
            _ => value.ToString() ?? "",
        };
        return Escape(text.Length > MaxCellText ? text[..MaxCellText] + "..." : text);
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LstmCourse.Notebooks.Format;

/// <summary>
/// Serializes JSON the way Jupyter (<c>json.dumps(indent=1, ensure_ascii=False)</c>) and VS Code
/// (<c>JSON.stringify(.., indent)</c>) do: <c>"key": value</c>, empty containers as <c>{}</c> and <c>[]</c>,
/// only quote, backslash and control characters escaped, numbers as they were read. Key order is kept.
/// </summary>
internal static class JupyterJson
{
    public static string Serialize(JsonNode node, NotebookLayout layout)
    {
        var text = new StringBuilder();
        Write(text, node, 0, layout);
        if (layout.FinalNewLine)
        {
            text.Append(layout.NewLine);
        }
        return text.ToString();
    }

    private static void Write(StringBuilder text, JsonNode? node, int depth, NotebookLayout layout)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                WriteContainer(text, '{', '}', obj.Count, obj.Select(pair => ((string?)pair.Key, pair.Value)), depth, layout);
                break;
            case JsonArray array:
                WriteContainer(text, '[', ']', array.Count, array.Select(item => ((string?)null, item)), depth, layout);
                break;
            default:
                var value = node.AsValue();
                if (value.GetValueKind() == JsonValueKind.String)
                {
                    WriteString(text, value.GetValue<string>());
                }
                else
                {
                    text.Append(value.ToJsonString());
                }
                break;
        }
    }

    private static void WriteContainer(
        StringBuilder text, char open, char close, int count,
        IEnumerable<(string? Key, JsonNode? Value)> items, int depth, NotebookLayout layout)
    {
        text.Append(open);
        if (count == 0)
        {
            text.Append(close);
            return;
        }
        bool first = true;
        foreach (var (key, value) in items)
        {
            if (!first)
            {
                text.Append(',');
            }
            first = false;
            NewLine(text, depth + 1, layout);
            if (key is not null)
            {
                WriteString(text, key);
                text.Append(layout.Indent is null ? ":" : ": ");
            }
            Write(text, value, depth + 1, layout);
        }
        NewLine(text, depth, layout);
        text.Append(close);
    }

    private static void NewLine(StringBuilder text, int depth, NotebookLayout layout)
    {
        if (layout.Indent is null)
        {
            return;
        }
        text.Append(layout.NewLine);
        for (int i = 0; i < depth; i++)
        {
            text.Append(layout.Indent);
        }
    }

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    if (c < ' ')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        text.Append('"');
    }
}

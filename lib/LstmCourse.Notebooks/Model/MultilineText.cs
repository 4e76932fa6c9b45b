using System.Text.Json.Nodes;

namespace LstmCourse.Notebooks.Model;

/// <summary>
/// nbformat's "multiline string": one string, or an array of lines each ending in <c>\n</c>
/// except perhaps the last. Jupyter and VS Code write arrays; both forms load.
/// </summary>
public static class MultilineText
{
    /// <summary>The text a multiline field holds, whichever form it has.</summary>
    public static string Join(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(line => line?.GetValue<string>() ?? "")),
        _ => node.GetValue<string>(),
    };

    /// <summary>Splits text into the array of lines Jupyter and VS Code write: <c>"a\nb"</c> becomes <c>["a\n", "b"]</c>.</summary>
    public static JsonArray Split(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }
        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }
        return lines;
    }
}

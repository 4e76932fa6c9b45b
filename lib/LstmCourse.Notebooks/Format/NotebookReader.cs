using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LstmCourse.Notebooks.Model;

namespace LstmCourse.Notebooks.Format;

/// <summary>
/// Reads nbformat 4 notebooks. Anything malformed (JSON syntax, or the nbformat fields this runner relies on)
/// throws <see cref="NotebookFormatException"/> naming file, line and what is wrong; nothing is guessed.
/// </summary>
public static class NotebookReader
{
    internal const int MaxDepth = 256;

    private static readonly string[] CellTypes = ["code", "markdown", "raw"];

    /// <summary>Reads and checks a notebook file.</summary>
    public static Notebook Read(string path)
    {
        string fullPath = Path.GetFullPath(path);
        return Parse(File.ReadAllBytes(fullPath), fullPath);
    }

    /// <summary>Parses notebook text; <paramref name="path"/> names it in errors and becomes <see cref="Notebook.Path"/>.</summary>
    public static Notebook Parse(string text, string? path = null) => Parse(Encoding.UTF8.GetBytes(text), path);

    private static Notebook Parse(byte[] bytes, string? path)
    {
        string name = path ?? "<notebook>";
        ReadOnlySpan<byte> utf8 = bytes.AsSpan();
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth });
            Materialize(root);
        }
        catch (JsonException error)
        {
            throw new NotebookFormatException(
                name, (int)(error.LineNumber ?? 0) + 1, (int)(error.BytePositionInLine ?? 0) + 1, SyntaxProblem(error));
        }
        catch (ArgumentException error)
        {
            throw new NotebookFormatException(name, 1, null, $"the JSON is not a valid notebook: {error.Message}");
        }
        if (root is not JsonObject json)
        {
            throw new NotebookFormatException(name, 1, 1, "a notebook is a JSON object ({ ... }) with nbformat, metadata and cells");
        }
        var cellLines = JsonLineMap.CellLines(utf8);
        CheckSchema(json, name, cellLines);
        return new Notebook(json, NotebookLayout.Detect(Encoding.UTF8.GetString(utf8)), path);
    }

    private static void CheckSchema(JsonObject json, string name, IReadOnlyList<int> cellLines)
    {
        void Fail(string problem, int line = 1) => throw new NotebookFormatException(name, line, null, problem);

        if (!IsInteger(json["nbformat"], out long major))
        {
            Fail("'nbformat' is missing or not an integer; this is not a Jupyter notebook");
        }
        if (major != 4)
        {
            Fail($"nbformat is {major}; this runner reads nbformat 4 (open the notebook in VS Code or Jupyter and save it to upgrade)");
        }
        if (!IsInteger(json["nbformat_minor"], out _))
        {
            Fail("'nbformat_minor' is missing or not an integer");
        }
        if (json["metadata"] is not JsonObject)
        {
            Fail("'metadata' is missing or not an object");
        }
        if (json["cells"] is not JsonArray cells)
        {
            Fail("'cells' is missing or not an array");
            return;
        }
        for (int i = 0; i < cells.Count; i++)
        {
            int line = i < cellLines.Count ? cellLines[i] : 1;
            string problem = CellProblem(cells[i]) ?? "";
            if (problem.Length > 0)
            {
                string id = cells[i]?["id"] is JsonValue idValue && idValue.GetValueKind() == JsonValueKind.String
                    ? $" (id {idValue.GetValue<string>()})"
                    : "";
                Fail($"cell {i + 1}{id}: {problem}", line);
            }
        }
    }

    private static string? CellProblem(JsonNode? node)
    {
        if (node is not JsonObject cell)
        {
            return "a cell is a JSON object";
        }
        if (!IsString(cell["cell_type"]) || !CellTypes.Contains(cell["cell_type"]!.GetValue<string>()))
        {
            return "'cell_type' must be \"code\", \"markdown\" or \"raw\"";
        }
        if (cell.ContainsKey("id") && !IsString(cell["id"]))
        {
            return "'id' must be a string";
        }
        if (!IsMultiline(cell["source"]))
        {
            return "'source' must be a string or an array of strings";
        }
        if (cell["metadata"] is not JsonObject metadata)
        {
            return "'metadata' is missing or not an object";
        }
        if (metadata["tags"] is { } tags && !(tags is JsonArray tagArray && tagArray.All(IsString)))
        {
            return "'metadata.tags' must be an array of strings";
        }
        if (cell["cell_type"]!.GetValue<string>() != "code")
        {
            return null;
        }
        if (cell["execution_count"] is { } count && !IsInteger(count, out _))
        {
            return "'execution_count' must be an integer or null";
        }
        if (cell.ContainsKey("outputs") && cell["outputs"] is not JsonArray)
        {
            return "'outputs' must be an array";
        }
        if (cell["outputs"] is JsonArray outputs && !outputs.All(output => output is JsonObject o && IsString(o["output_type"])))
        {
            return "every output must be an object with a string 'output_type'";
        }
        return null;
    }

    private static bool IsString(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    private static bool IsMultiline(JsonNode? node) => IsString(node) || (node is JsonArray lines && lines.All(IsString));

    private static bool IsInteger(JsonNode? node, out long value)
    {
        value = 0;
        return node is JsonValue number && number.GetValueKind() == JsonValueKind.Number && number.TryGetValue(out value);
    }

    /// <summary>Touches every object so duplicate keys surface here, not later.</summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var pair in obj)
                {
                    Materialize(pair.Value);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Materialize(item);
                }
                break;
        }
    }

    private static string SyntaxProblem(JsonException error)
    {
        string message = error.Message;
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        string what = (cut >= 0 ? message[..cut] : message).Trim();
        return $"invalid JSON: {what}";
    }
}

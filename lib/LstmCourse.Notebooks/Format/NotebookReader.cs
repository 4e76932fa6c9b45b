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
        if (InvalidUtf8At(utf8) is int bad)
        {
            int line = utf8[..bad].Count((byte)'\n') + 1;
            int column = bad - (utf8[..bad].LastIndexOf((byte)'\n') + 1) + 1;
            throw new NotebookFormatException(name, line, column,
                $"byte 0x{utf8[bad]:X2} at offset {bad} is not valid UTF-8; a notebook is UTF-8 text (re-save it from VS Code or Jupyter, or restore it from version control)");
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
        if (!IsInteger(json["nbformat_minor"], out long minor) || minor is < 0 or > 1000)
        {
            Fail("'nbformat_minor' is missing or not a small non-negative integer");
        }
        if (json["metadata"] is not JsonObject metadata)
        {
            Fail("'metadata' is missing or not an object");
            return;
        }
        if (MetadataProblem(metadata) is { } metadataProblem)
        {
            Fail($"metadata: {metadataProblem}");
        }
        if (json["cells"] is not JsonArray cells)
        {
            Fail("'cells' is missing or not an array");
            return;
        }
        for (int i = 0; i < cells.Count; i++)
        {
            int line = i < cellLines.Count ? cellLines[i] : 1;
            if (CellProblem(cells[i]) is { } problem)
            {
                string id = cells[i] is JsonObject cell && cell["id"] is JsonValue idValue && idValue.GetValueKind() == JsonValueKind.String
                    ? $" (id {idValue.GetValue<string>()})"
                    : "";
                Fail($"cell {i + 1}{id}: {problem}", line);
            }
        }
    }

    /// <summary>The notebook metadata fields the runner reads (kernelspec, polyglot_notebook), checked for their types.</summary>
    private static string? MetadataProblem(JsonObject metadata)
    {
        if (metadata["kernelspec"] is { } kernelspec)
        {
            if (kernelspec is not JsonObject spec)
            {
                return "'kernelspec' must be an object with name, display_name and language";
            }
            foreach (string field in new[] { "name", "display_name", "language" })
            {
                if (spec[field] is { } value && !IsString(value))
                {
                    return $"'kernelspec.{field}' must be a string";
                }
            }
        }
        if (metadata["polyglot_notebook"] is { } polyglot)
        {
            if (polyglot is not JsonObject polyglotObject)
            {
                return "'polyglot_notebook' must be an object";
            }
            if (polyglotObject["kernelInfo"] is { } kernelInfo)
            {
                if (kernelInfo is not JsonObject info)
                {
                    return "'polyglot_notebook.kernelInfo' must be an object";
                }
                if (info["defaultKernelName"] is { } defaultKernel && !IsString(defaultKernel))
                {
                    return "'polyglot_notebook.kernelInfo.defaultKernelName' must be a string, e.g. \"csharp\"";
                }
            }
        }
        return null;
    }

    private static string? CellProblem(JsonNode? node)
    {
        if (node is not JsonObject cell)
        {
            return $"a cell is a JSON object with cell_type, metadata and source, not {Describe(node)}";
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
        if ((KernelProblem(metadata, "polyglot_notebook", "kernelName") ?? KernelProblem(metadata, "dotnet_interactive", "language")) is { } kernel)
        {
            return kernel;
        }
        if (cell["cell_type"]!.GetValue<string>() != "code")
        {
            return null;
        }
        if (cell["execution_count"] is { } count && !(IsInteger(count, out long n) && n is >= 0 and <= int.MaxValue))
        {
            return "'execution_count' must be a non-negative integer or null";
        }
        if (cell.ContainsKey("outputs") && cell["outputs"] is not JsonArray)
        {
            return "'outputs' must be an array";
        }
        if (cell["outputs"] is JsonArray outputs)
        {
            for (int k = 0; k < outputs.Count; k++)
            {
                if (OutputProblem(outputs[k]) is { } problem)
                {
                    return $"output {k + 1}: {problem}";
                }
            }
        }
        return null;
    }

    /// <summary>A cell's kernel field (<c>metadata.polyglot_notebook.kernelName</c>, say), when present, must be a string in an object.</summary>
    private static string? KernelProblem(JsonObject metadata, string section, string field) => metadata[section] switch
    {
        null => null,
        JsonObject inner when inner[field] is { } value && !IsString(value) => $"'metadata.{section}.{field}' must be a string, e.g. \"csharp\"",
        JsonObject => null,
        _ => $"'metadata.{section}' must be an object",
    };

    /// <summary>An output's fields that the runner reads, checked for their types.</summary>
    private static string? OutputProblem(JsonNode? node)
    {
        if (node is not JsonObject output || !IsString(output["output_type"]))
        {
            return "an output must be an object with a string 'output_type'";
        }
        foreach (string field in new[] { "name", "ename", "evalue" })
        {
            if (output[field] is { } value && !IsString(value))
            {
                return $"'{field}' must be a string";
            }
        }
        if (output["text"] is { } text && !IsMultiline(text))
        {
            return "'text' must be a string or an array of strings";
        }
        if (output["traceback"] is { } traceback && !(traceback is JsonArray lines && lines.All(IsString)))
        {
            return "'traceback' must be an array of strings";
        }
        if (output["data"] is { } data && data is not JsonObject)
        {
            return "'data' must be an object of mime types";
        }
        if (output["metadata"] is { } outputMetadata && outputMetadata is not JsonObject)
        {
            return "'metadata' must be an object";
        }
        if (output["execution_count"] is { } count && !(IsInteger(count, out long n) && n is >= 0 and <= int.MaxValue))
        {
            return "'execution_count' must be a non-negative integer or null";
        }
        return null;
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            _ => value.ToJsonString(),
        },
        _ => "something else",
    };

    private static bool IsString(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    private static bool IsMultiline(JsonNode? node) => IsString(node) || (node is JsonArray lines && lines.All(IsString));

    private static bool IsInteger(JsonNode? node, out long value)
    {
        value = 0;
        return node is JsonValue number && number.GetValueKind() == JsonValueKind.Number && number.TryGetValue(out value);
    }

    /// <summary>The offset of the first byte that is not part of valid UTF-8, or null.</summary>
    private static int? InvalidUtf8At(ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return null;
        }
        var status = System.Text.Unicode.Utf8.ToUtf16(utf8, new char[utf8.Length], out int read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? null : read;
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

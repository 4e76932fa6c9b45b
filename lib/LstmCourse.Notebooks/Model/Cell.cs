using System.Text.Json.Nodes;

namespace LstmCourse.Notebooks.Model;

/// <summary>One notebook cell over its JSON: fields this class does not touch (attachments, unknown metadata) stay as read.</summary>
public sealed class Cell
{
    private readonly List<Output> outputs;

    internal Cell(JsonObject json)
    {
        Json = json;
        outputs = json["outputs"] is JsonArray array
            ? array.Select(output => new Output((JsonObject)output!)).ToList()
            : [];
    }

    /// <summary>The cell's JSON object.</summary>
    public JsonObject Json { get; }

    /// <summary>code, markdown or raw.</summary>
    public CellKind Kind => Json["cell_type"]!.GetValue<string>() switch
    {
        "code" => CellKind.Code,
        "markdown" => CellKind.Markdown,
        _ => CellKind.Raw,
    };

    /// <summary>The nbformat 4.5 cell id; null in older notebooks.</summary>
    public string? Id => Json["id"]?.GetValue<string>();

    /// <summary>The cell's source text.</summary>
    public string Source => MultilineText.Join(Json["source"]);

    /// <summary>The cell's metadata object.</summary>
    public JsonObject Metadata => (JsonObject)(Json["metadata"] ??= new JsonObject());

    /// <summary>The cell's <c>metadata.tags</c>.</summary>
    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags ? tags.Select(tag => tag?.GetValue<string>() ?? "").ToList() : [];

    /// <summary>
    /// The kernel the cell is for: <c>metadata.polyglot_notebook.kernelName</c>, else
    /// <c>metadata.dotnet_interactive.language</c>, else null (the notebook's default).
    /// </summary>
    public string? Language =>
        Metadata["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
        ?? Metadata["dotnet_interactive"]?["language"]?.GetValue<string>();

    /// <summary>A code cell's outputs.</summary>
    public IReadOnlyList<Output> Outputs => outputs;

    /// <summary>A code cell's <c>execution_count</c>; null when not run.</summary>
    public int? ExecutionCount
    {
        get => Json["execution_count"]?.GetValue<int>();
        set => Json["execution_count"] = value;
    }

    /// <summary>True when <c>metadata.tags</c> holds <paramref name="tag"/>.</summary>
    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);

    /// <summary>How messages name the cell: its 1-based position and its id, e.g. <c>cell 3 (id a1b2)</c>.</summary>
    public string Label(int index) => Id is null ? $"cell {index + 1}" : $"cell {index + 1} (id {Id})";

    /// <summary>Replaces the source, stored as an array of lines.</summary>
    public void SetSource(string source) => Json["source"] = MultilineText.Split(source);

    /// <summary>Appends an output.</summary>
    public void AddOutput(Output output)
    {
        OutputArray().Add(output.Json);
        outputs.Add(output);
    }

    /// <summary>Puts <paramref name="output"/> in place of the output at <paramref name="position"/> (a display that was updated).</summary>
    public void ReplaceOutput(int position, Output output)
    {
        OutputArray()[position] = output.Json;
        outputs[position] = output;
    }

    /// <summary>Removes every output.</summary>
    public void ClearOutputs()
    {
        OutputArray().Clear();
        outputs.Clear();
    }

    /// <summary>A new C# code cell with Polyglot metadata, keys in the order Jupyter and VS Code write.</summary>
    public static Cell NewCode(string? id, string source, params string[] tags)
    {
        var metadata = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
        };
        if (tags.Length > 0)
        {
            metadata["tags"] = new JsonArray(tags.Select(tag => (JsonNode?)JsonValue.Create(tag)).ToArray());
        }
        var json = new JsonObject { ["cell_type"] = "code", ["execution_count"] = null };
        if (id is not null)
        {
            json["id"] = id;
        }
        json["metadata"] = metadata;
        json["outputs"] = new JsonArray();
        json["source"] = MultilineText.Split(source);
        return new Cell(json);
    }

    private JsonArray OutputArray() => (JsonArray)(Json["outputs"] ??= new JsonArray());
}

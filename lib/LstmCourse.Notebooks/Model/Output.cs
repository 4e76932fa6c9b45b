using System.Text.Json.Nodes;

namespace LstmCourse.Notebooks.Model;

/// <summary>
/// One output of a code cell over its JSON (<c>stream</c>, <c>display_data</c>, <c>execute_result</c>, <c>error</c>).
/// New outputs are built with their keys in the sorted order Jupyter and VS Code write.
/// </summary>
public sealed class Output
{
    public const string StreamType = "stream";
    public const string DisplayDataType = "display_data";
    public const string ExecuteResultType = "execute_result";
    public const string ErrorType = "error";

    internal Output(JsonObject json) => Json = json;

    /// <summary>The output's JSON object, unknown fields included.</summary>
    public JsonObject Json { get; }

    /// <summary>The nbformat <c>output_type</c>.</summary>
    public string OutputType => Json["output_type"]!.GetValue<string>();

    /// <summary>A stream's name (<c>stdout</c> or <c>stderr</c>); null for other outputs.</summary>
    public string? StreamName => Json["name"]?.GetValue<string>();

    /// <summary>A stream's text.</summary>
    public string Text => MultilineText.Join(Json["text"]);

    /// <summary>The mime bundle of a display_data or execute_result output, each value as one string.</summary>
    public IReadOnlyDictionary<string, string> Data =>
        Json["data"] is JsonObject data
            ? data.ToDictionary(pair => pair.Key, pair => DataText(pair.Value), StringComparer.Ordinal)
            : new Dictionary<string, string>();

    /// <summary>An error output's exception name.</summary>
    public string? ErrorName => Json["ename"]?.GetValue<string>();

    /// <summary>An error output's message.</summary>
    public string? ErrorValue => Json["evalue"]?.GetValue<string>();

    /// <summary>An error output's traceback lines.</summary>
    public IReadOnlyList<string> Traceback =>
        Json["traceback"] is JsonArray lines ? lines.Select(line => line?.GetValue<string>() ?? "").ToList() : [];

    /// <summary>A <c>stream</c> output; <paramref name="name"/> is <c>stdout</c> or <c>stderr</c>.</summary>
    public static Output Stream(string name, string text) => new(new JsonObject
    {
        ["name"] = name,
        ["output_type"] = StreamType,
        ["text"] = MultilineText.Split(text),
    });

    /// <summary>A <c>display_data</c> output carrying every mime type of <paramref name="bundle"/>, as VS Code saves displays.</summary>
    public static Output DisplayData(IReadOnlyDictionary<string, string> bundle) => new(new JsonObject
    {
        ["data"] = MimeData(bundle),
        ["metadata"] = new JsonObject(),
        ["output_type"] = DisplayDataType,
    });

    /// <summary>
    /// An <c>execute_result</c>: the value of a cell's last expression, as the .NET Interactive kernel saves it
    /// through Jupyter (VS Code's Polyglot extension saves the same bundle as <c>display_data</c>; both load everywhere).
    /// </summary>
    public static Output ExecuteResult(IReadOnlyDictionary<string, string> bundle, int executionCount) => new(new JsonObject
    {
        ["data"] = MimeData(bundle),
        ["execution_count"] = executionCount,
        ["metadata"] = new JsonObject(),
        ["output_type"] = ExecuteResultType,
    });

    /// <summary>Rebuilds an output from its JSON (as it crossed a process boundary).</summary>
    public static Output FromJson(JsonObject json) => new(json);

    /// <summary>How many characters the output holds: what output limits count.</summary>
    public long Size => Json.ToJsonString().Length;

    /// <summary>An <c>error</c> output.</summary>
    public static Output Error(string name, string value, IEnumerable<string> traceback) => new(new JsonObject
    {
        ["ename"] = name,
        ["evalue"] = value,
        ["output_type"] = ErrorType,
        ["traceback"] = new JsonArray(traceback.Select(line => (JsonNode?)JsonValue.Create(line)).ToArray()),
    });

    /// <summary>Replaces a display's mime bundle in place (what <c>DisplayedValue.Update</c> does).</summary>
    internal void ReplaceData(IReadOnlyDictionary<string, string> bundle) => Json["data"] = MimeData(bundle);

    /// <summary>
    /// nbformat stores text/* and image/svg+xml as arrays of lines, JSON mime types as JSON,
    /// everything else (base64 images) as one string; keys sorted as Jupyter and VS Code write them.
    /// </summary>
    private static JsonObject MimeData(IReadOnlyDictionary<string, string> bundle)
    {
        var data = new JsonObject();
        foreach (var (mimeType, content) in bundle.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            data[mimeType] = MimeValue(mimeType, content);
        }
        return data;
    }

    private static JsonNode MimeValue(string mimeType, string content)
    {
        if (mimeType.StartsWith("text/", StringComparison.Ordinal) || mimeType == "image/svg+xml")
        {
            return MultilineText.Split(content);
        }
        if (mimeType == "application/json" || mimeType.EndsWith("+json", StringComparison.Ordinal))
        {
            try
            {
                return JsonNode.Parse(content) ?? JsonValue.Create(content);
            }
            catch (System.Text.Json.JsonException)
            {
                return JsonValue.Create(content);
            }
        }
        return JsonValue.Create(content);
    }

    private static string DataText(JsonNode? node) => node switch
    {
        JsonArray or null => MultilineText.Join(node),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}

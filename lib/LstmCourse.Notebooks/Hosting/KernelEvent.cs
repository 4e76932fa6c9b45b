using System.Globalization;
using System.Text.Json.Nodes;
using LstmCourse.Notebooks.Running;

namespace LstmCourse.Notebooks.Hosting;

/// <summary>
/// What the kernel process tells its host, one JSON object per line, as the run goes:
/// <code>
/// {"event":"start","cell":5,"ordinal":3}                          a code cell starts
/// {"event":"output","cell":5,"position":0,"output":{...}}         an output was added (nbformat JSON)
/// {"event":"replace","cell":2,"position":1,"output":{...}}        a display was updated (any earlier cell)
/// {"event":"finish","cell":5,"ordinal":3,"status":"Succeeded","seconds":0.12,"error":null}
/// {"event":"done"}                                                every cell ran or was skipped
/// </code>
/// The host rebuilds the executed notebook from these, so whatever a cell does to its process, every output
/// that happened before is kept.
/// </summary>
internal sealed record KernelEvent(string Kind, int Cell = -1, int Position = -1, int Ordinal = 0, JsonObject? Output = null,
    CellStatus Status = CellStatus.Succeeded, double Seconds = 0, string? Error = null)
{
    public const string Start = "start", Added = "output", Replaced = "replace", Finish = "finish", Done = "done";

    public string ToLine()
    {
        var json = new JsonObject { ["event"] = Kind };
        if (Kind != Done)
        {
            json["cell"] = Cell;
        }
        if (Kind is Added or Replaced)
        {
            json["position"] = Position;
            json["output"] = Output!.DeepClone();
        }
        if (Kind is Start or Finish)
        {
            json["ordinal"] = Ordinal;
        }
        if (Kind == Finish)
        {
            json["status"] = Status.ToString();
            json["seconds"] = Seconds;
            json["error"] = Error;
        }
        return json.ToJsonString();
    }

    /// <summary>Reads one line; throws <see cref="FormatException"/> for anything that is not an event.</summary>
    public static KernelEvent Parse(string line)
    {
        try
        {
            var json = JsonNode.Parse(line) as JsonObject ?? throw new FormatException("not a JSON object");
            string kind = json["event"]!.GetValue<string>();
            int Int(string name) => json[name] is { } node ? node.GetValue<int>() : -1;
            JsonObject? output = json["output"] as JsonObject;
            json.Remove("output");   // the output joins a cell; a node has one parent
            return kind switch
            {
                Start => new KernelEvent(kind, Int("cell"), Ordinal: Int("ordinal")),
                Added or Replaced => new KernelEvent(kind, Int("cell"), Int("position"),
                    Output: output ?? throw new FormatException("no output")),
                Finish => new KernelEvent(kind, Int("cell"), Ordinal: Int("ordinal"),
                    Status: Enum.Parse<CellStatus>(json["status"]!.GetValue<string>()),
                    Seconds: json["seconds"]!.GetValue<double>(), Error: json["error"]?.GetValue<string>()),
                Done => new KernelEvent(kind),
                _ => throw new FormatException($"unknown event '{kind}'"),
            };
        }
        catch (Exception error) when (error is not FormatException)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"not a kernel event: {error.Message}"), error);
        }
    }
}

using System.Text.Json.Nodes;
using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Running;

namespace LstmCourse.Notebooks.Hosting;

/// <summary>What the host sends the kernel process on its stdin: the prepared notebook, its labels and how to run it.</summary>
internal sealed record KernelRequest(PreparedNotebook Prepared, bool StopOnError, long OutputLimit)
{
    public string ToJson() => new JsonObject
    {
        ["path"] = Prepared.Notebook.Path,
        ["notebook"] = Prepared.Notebook.Json.DeepClone(),
        ["labels"] = new JsonArray(Prepared.Labels.Select(label => (JsonNode?)JsonValue.Create(label)).ToArray()),
        ["stopOnError"] = StopOnError,
        ["outputLimit"] = OutputLimit,
    }.ToJsonString();

    public static KernelRequest Parse(string text)
    {
        var json = JsonNode.Parse(text) as JsonObject ?? throw new FormatException("the request is not a JSON object");
        string path = json["path"]!.GetValue<string>();
        var notebook = Notebook.Parse(json["notebook"]!.ToJsonString(), path);
        var labels = json["labels"]!.AsArray().Select(label => label!.GetValue<string>()).ToList();
        return new KernelRequest(
            PreparedNotebook.Restore(notebook, labels), json["stopOnError"]!.GetValue<bool>(), json["outputLimit"]!.GetValue<long>());
    }
}

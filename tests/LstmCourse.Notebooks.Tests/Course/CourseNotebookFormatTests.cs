using System.Text.Json.Nodes;

namespace LstmCourse.Notebooks.Tests.Course;

/// <summary>The committed course notebooks: Polyglot metadata, no outputs, one shared first cell, a parameters cell with a seed.</summary>
public class CourseNotebookFormatTests
{
    private static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(CourseNotebooks.Folder, name)))!.AsObject();

    private static IEnumerable<JsonObject> CodeCells(JsonObject nb) =>
        nb["cells"]!.AsArray().Select(c => c!.AsObject()).Where(c => (string?)c["cell_type"] == "code");

    private static string Source(JsonObject cell) =>
        cell["source"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)cell["source"] ?? "";

    [Fact]
    public void The_course_has_its_nine_numbered_notebooks()
    {
        var names = CourseNotebooks.Paths.Select(Path.GetFileName).ToList();
        foreach (string prefix in new[] { "00-", "01-", "02-", "03-", "04-", "05-", "06-", "07-", "08-" })
            Assert.True(names.Any(n => n!.StartsWith(prefix, StringComparison.Ordinal)), $"no notebook starts with {prefix}: {string.Join(", ", names)}");
        Assert.All(names, n => Assert.Matches(@"^\d\d-[a-z0-9]+(-[a-z0-9]+)*\.ipynb$", n!));
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    public void Is_a_polyglot_csharp_notebook_committed_without_outputs(string name)
    {
        var nb = Load(name);
        Assert.StartsWith(".net-", (string?)nb["metadata"]?["kernelspec"]?["name"]);
        Assert.Equal("csharp", (string?)nb["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]);
        Assert.Equal(4, (int?)nb["nbformat"]);
        foreach (var cell in CodeCells(nb))
        {
            Assert.True(cell["outputs"] is JsonArray { Count: 0 }, $"{name}: cell {cell["id"]} has outputs; clear with `lstm-course clear notebooks`.");
            Assert.Null(cell["execution_count"]?.GetValue<int?>());
            Assert.Equal("csharp", (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"]);
        }
    }

    [Fact]
    public void Every_notebook_starts_with_the_same_first_code_cell()
    {
        var firsts = CourseNotebooks.Paths.Select(p => Path.GetFileName(p)).ToDictionary(n => n, n => Source(CodeCells(Load(n)).First()));
        Assert.NotEmpty(firsts);
        string expected = firsts.First().Value;
        Assert.StartsWith("#r \"../artifacts/lib/LstmCourse.dll\"", expected);
        Assert.All(firsts, kv => Assert.True(kv.Value == expected, $"{kv.Key}'s first code cell differs from {firsts.First().Key}'s"));
    }

    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    public void Has_a_parameters_cell_with_a_seed(string name)
    {
        var parameters = CodeCells(Load(name))
            .Where(c => c["metadata"]?["tags"] is JsonArray tags && tags.Any(t => (string?)t == "parameters"))
            .ToList();
        var cell = Assert.Single(parameters);
        Assert.Matches(@"(?m)^\s*int\s+seed\s*=\s*\d+\s*;", Source(cell));
    }
}

using System.Text;
using System.Text.Json.Nodes;
using LstmCourse.Notebooks.Format;
using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Running;
using LstmCourse.Notebooks.Tests.Support;

namespace LstmCourse.Notebooks.Tests.Format;

/// <summary>
/// Mutated notebooks, thousands of them: every JSON value of a real notebook replaced by values of every other type,
/// fields removed, invalid UTF-8 put inside strings. Each mutant either reads (and then everything the runner does
/// before running works on it) or is a <see cref="NotebookFormatException"/> naming the file and a line: never
/// another exception.
/// </summary>
public class NotebookReaderFuzzTests
{
    private static readonly JsonNode?[] Replacements =
        [JsonValue.Create(5), JsonValue.Create("x"), new JsonArray(), new JsonArray(JsonValue.Create(1)), new JsonObject(), null,
         JsonValue.Create(true), JsonValue.Create(-1), JsonValue.Create(1e300), JsonValue.Create(99999999999L)];

    public static TheoryData<string> Fixtures => new() { "success.ipynb", "parameters.ipynb", "console.ipynb", "progress.ipynb" };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_value_replaced_by_any_type_reads_or_is_a_clear_error(string fixture)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(TempFolder.FixturesFolder, fixture)))!;
        var paths = Paths(root, "").ToList();
        int mutants = 0;
        foreach (string path in paths)
        {
            foreach (var replacement in Replacements)
            {
                var mutant = root.DeepClone();
                Replace(mutant, path, replacement?.DeepClone(), remove: false);
                Check(mutant.ToJsonString(), $"{fixture}: {path} := {replacement?.ToJsonString() ?? "null"}");
                mutants++;
            }
            var without = root.DeepClone();
            Replace(without, path, null, remove: true);
            Check(without.ToJsonString(), $"{fixture}: without {path}");
            mutants++;
        }
        Assert.True(mutants > 300, $"only {mutants} mutants of {fixture}");
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC3 })]                 // a lead byte with no continuation
    [InlineData(new byte[] { 0xC0, 0xAF })]           // an overlong '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]     // a UTF-16 surrogate written as UTF-8
    [InlineData(new byte[] { 0x80 })]                 // a lone continuation byte
    public void Invalid_utf8_inside_a_string_is_an_error_with_its_line_before_anything_runs(byte[] bad)
    {
        byte[] text = File.ReadAllBytes(Path.Combine(TempFolder.FixturesFolder, "success.ipynb"));
        int quote = Encoding.UTF8.GetString(text).IndexOf("\"sum", StringComparison.Ordinal);
        int at = Encoding.UTF8.GetByteCount(Encoding.UTF8.GetString(text)[..(quote + 1)]);
        byte[] mutant = [.. text[..at], .. bad, .. text[at..]];
        using var temp = new TempFolder();
        string path = temp.PathOf("bad.ipynb");
        File.WriteAllBytes(path, mutant);

        var error = Assert.Throws<NotebookFormatException>(() => Notebook.Load(path));

        int line = Encoding.UTF8.GetString(text[..at]).Count(c => c == '\n') + 1;
        Assert.StartsWith($"{path}:{line}:", error.Message);
        Assert.Contains("is not valid UTF-8", error.Message);
    }

    /// <summary>The mutant reads and everything before running works on it, or it is a clear format error.</summary>
    private static void Check(string text, string what)
    {
        Notebook notebook;
        try
        {
            notebook = Notebook.Parse(text, "/tmp/mutant.ipynb");
        }
        catch (NotebookFormatException error)
        {
            Assert.StartsWith("/tmp/mutant.ipynb:", error.Message);
            return;
        }
        catch (Exception other)
        {
            Assert.Fail($"{what}: reading threw {other.GetType().Name}: {other.Message}");
            return;
        }
        try
        {
            _ = notebook.DefaultLanguage;
            _ = notebook.FormatMinor;
            foreach (var (cell, index) in notebook.Cells.Select((c, i) => (c, i)))
            {
                _ = (cell.Kind, cell.Id, cell.Source, cell.Tags, cell.Language, cell.ExecutionCount, cell.Label(index), notebook.LanguageOf(cell));
                foreach (var output in cell.Outputs)
                {
                    _ = (output.OutputType, output.StreamName, output.Text, output.Data, output.ErrorName, output.ErrorValue, output.Traceback, output.Size);
                }
            }
            Preflight.Check(notebook);
            PreparedNotebook.Prepare(notebook, [], out _);
            PreparedNotebook.Prepare(notebook, [new("steps", "3")], out _);
            var copy = notebook.Clone();
            foreach (var cell in copy.Cells.Where(c => c.Kind == CellKind.Code))
            {
                cell.ClearOutputs();
                cell.ExecutionCount = null;
            }
            Notebook.Parse(copy.ToText(), "/tmp/copy.ipynb");
            Notebook.Parse(notebook.ToText(), "/tmp/again.ipynb");
        }
        catch (Exception error)
        {
            Assert.Fail($"{what}: read, then {error.GetType().Name}: {error.Message}\n{error.StackTrace}");
        }
    }

    private static IEnumerable<string> Paths(JsonNode? node, string path)
    {
        if (path.Length > 0)
        {
            yield return path;
        }
        switch (node)
        {
            case JsonObject obj:
                foreach (var pair in obj)
                {
                    foreach (string inner in Paths(pair.Value, $"{path}/{pair.Key}"))
                    {
                        yield return inner;
                    }
                }
                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    foreach (string inner in Paths(array[i], $"{path}/{i}"))
                    {
                        yield return inner;
                    }
                }
                break;
        }
    }

    private static void Replace(JsonNode root, string path, JsonNode? value, bool remove)
    {
        string[] parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        JsonNode parent = root;
        foreach (string part in parts[..^1])
        {
            parent = parent is JsonArray array ? array[int.Parse(part)]! : parent[part]!;
        }
        string last = parts[^1];
        if (parent is JsonArray list)
        {
            int index = int.Parse(last);
            if (remove)
            {
                list.RemoveAt(index);
            }
            else
            {
                list[index] = value;
            }
        }
        else if (remove)
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = value;
        }
    }
}

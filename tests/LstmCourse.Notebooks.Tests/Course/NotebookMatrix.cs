using System.Text.RegularExpressions;
using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Parameters;

namespace LstmCourse.Notebooks.Tests.Course;

/// <summary>One run of a course notebook: its name, the <c>-p</c> values, and why the row exists.</summary>
public sealed record NotebookRow(string Notebook, IReadOnlyList<string> Parameters, string Why)
{
    public override string ToString() => Parameters.Count == 0 ? $"{Notebook} (defaults)" : $"{Notebook} {string.Join(" ", Parameters.Select(p => "-p " + p))} ({Why})";
}

/// <summary>
/// Every run a learner is invited to make, read from the course itself: each notebook at its defaults, with other
/// seeds, with each override its "Try this" section suggests (every markdown code span holding <c>-p name=value</c>
/// is one row), and the README's own <c>lstm-course run ... -p</c> examples.
/// <c>LSTMCOURSE_NOTEBOOK_MATRIX=fast</c> keeps the defaults, one other seed, the overrides and the README's examples;
/// the full matrix (the default) adds two more seeds.
/// </summary>
public static partial class NotebookMatrix
{
    /// <summary>Seeds other than each notebook's default: the full matrix runs all, the fast one the first.</summary>
    public static readonly int[] OtherSeeds = [7, 3, 1234];

    public static bool Fast => Environment.GetEnvironmentVariable("LSTMCOURSE_NOTEBOOK_MATRIX") == "fast";

    public static IReadOnlyList<NotebookRow> Rows { get; } = Build();

    /// <summary>The rows by name, one theory case each (names, not records, so every row is its own test).</summary>
    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var row in Rows) data.Add(row.ToString());
            return data;
        }
    }

    public static NotebookRow Row(string name) => Rows.Single(row => row.ToString() == name);

    /// <summary>The markdown code spans of a notebook that hold <c>-p</c> overrides, each as its list of name=value.</summary>
    public static IEnumerable<IReadOnlyList<string>> Overrides(Notebook notebook) =>
        notebook.Cells.Where(cell => cell.Kind == CellKind.Markdown)
            .SelectMany(cell => CodeSpan().Matches(cell.Source).Select(span => span.Groups[1].Value))
            .Select(Parameters)
            .Where(list => list.Count > 0);

    /// <summary>The README's <c>run notebooks/NAME -p ...</c> examples.</summary>
    public static IEnumerable<(string Notebook, IReadOnlyList<string> Parameters)> ReadmeExamples(string readme) =>
        ReadmeRun().Matches(readme).Select(m => (m.Groups[1].Value, Parameters(m.Groups[2].Value))).Where(e => e.Item2.Count > 0);

    /// <summary>The name=value of each <c>-p</c>, with the quotes a shell would remove (<c>-p names="a,b"</c>) removed.</summary>
    private static IReadOnlyList<string> Parameters(string text) =>
        Option().Matches(text).Select(m => m.Groups[1].Value + Unquote(m.Groups[2].Value)).ToList();

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;

    private static List<NotebookRow> Build()
    {
        var rows = new List<NotebookRow>();
        string readme = File.ReadAllText(Path.Combine(CourseNotebooks.RepositoryRoot, "README.md"));
        var examples = ReadmeExamples(readme).ToList();
        foreach (string path in CourseNotebooks.Paths)
        {
            string name = Path.GetFileName(path);
            var notebook = Notebook.Load(path);
            rows.Add(new NotebookRow(name, [], "defaults"));
            int? seed = DefaultSeed(notebook);
            if (seed is not null)
            {
                foreach (int other in OtherSeeds.Where(s => s != seed).Take(Fast ? 1 : 3))
                {
                    rows.Add(new NotebookRow(name, [$"seed={other}"], "another seed"));
                }
            }
            foreach (var parameters in Overrides(notebook).DistinctBy(p => string.Join(" ", p)))
            {
                rows.Add(new NotebookRow(name, parameters, "Try this"));
            }
            foreach (var example in examples.Where(e => e.Notebook == name))
            {
                rows.Add(new NotebookRow(name, example.Parameters, "README example"));
            }
        }
        // One row per distinct run; a run suggested in two places (Try this and the README) says both.
        return rows.GroupBy(row => (row.Notebook, string.Join(" ", row.Parameters)))
            .Select(group => group.First() with { Why = string.Join(", ", group.Select(row => row.Why).Distinct()) })
            .ToList();
    }

    private static int? DefaultSeed(Notebook notebook)
    {
        int? index = ParameterCell.Find(notebook);
        var seed = index is int i ? ParameterCell.Declarations(notebook.Cells[i].Source).FirstOrDefault(d => d.Name == "seed") : null;
        return seed is not null && SeedValue().Match(notebook.Cells[index!.Value].Source) is { Success: true } m ? int.Parse(m.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"`([^`\n]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"(?<!\S)-p\s+([A-Za-z_][A-Za-z0-9_]*=)(""[^""]*""|'[^']*'|[^\s`]+)")]
    private static partial Regex Option();

    [GeneratedRegex(@"lstm-course run notebooks/([\w.-]+\.ipynb)((?:\s+-p\s+\S+)+)")]
    private static partial Regex ReadmeRun();

    [GeneratedRegex(@"\bseed\s*=\s*(-?\d+)")]
    private static partial Regex SeedValue();
}

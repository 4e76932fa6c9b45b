using System.Globalization;
using LstmCourse.Charts;
using LstmCourse.Notebooks.IO;
using LstmCourse.Runner.Lab;
using LstmCourse.Tables;
using LstmCourse.Training;

namespace LstmCourse.Runner.Commands;

/// <summary><c>lstm-course sweep</c>: trains every combination of a grid of config values and compares the runs.</summary>
public sealed class SweepCommand : ICommand
{
    public string Name => "sweep";

    public string Summary => "train every combination of a grid of config values and tabulate and chart the runs";

    public string Usage => """
        lstm-course sweep --config FILE|NAME --grid name=v1,v2[,...] [--grid ...] --out DIR [--time-budget TIME] [--set name=value]... [--corpus DIR|FILE]

        Trains one run per combination of the grid values (the first --grid varies slowest), each with
        lstm-course train's settings and run folder (DIR/run-01-HiddenSize=64-LearningRate=0.01/...), then writes:
          results.csv, results.html, results.txt   one row per run: the grid values, steps, seconds, train and
                                                   validation bits/char, and the validator's scores of its samples
          runs.svg                                 validation bits/char against training time, one line per run
        A run that diverges is recorded as diverged and the sweep goes on.

          --config FILE|NAME  the base config: a JSON file or a built-in one (default, tiny)
          --grid name=v1,v2   a config field and the values to try (repeatable; at most 64 runs in all)
          --out DIR           the sweep folder (required)
          --time-budget TIME  training time per run, e.g. 30s or 2m (sets TimeBudget)
          --set name=value    change a config field for every run (repeatable)
          --corpus DIR|FILE   as for train (default datasets/weather)

        Exit codes: 0 every run trained; 1 usage error (unknown option or config field, bad value, missing file);
        2 a run diverged.
        """;

    public const int MaxRuns = 64;

    public int Execute(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var parsed = Arguments.Parse(Name, args, [], ["--config", "--grid", "--out", "--time-budget", "--set", "--corpus"]);
        if (parsed.Positionals.Count > 0)
            throw new UsageException($"sweep takes no positional arguments, got '{parsed.Positionals[0]}'.");
        string outFolder = parsed.Value("--out") ?? throw new UsageException("--out DIR is required: the folder the runs and results go to.");
        var baseConfig = LabInputs.Config(parsed.Value("--config"), parsed.Values("--set"), parsed.Value("--time-budget"));
        var grid = parsed.Values("--grid").Select(ParseGrid).ToList();
        if (grid.Count == 0) throw new UsageException("give at least one --grid name=v1,v2, e.g. --grid HiddenSize=64,128.");
        if (grid.GroupBy(g => g.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new UsageException($"--grid {twice.Key} is given twice; list all its values in one --grid.");
        long count = grid.Aggregate(1L, (n, g) => n * g.Values.Count);
        if (count > MaxRuns) throw new UsageException($"the grid has {count} combinations; at most {MaxRuns} are allowed. Trim the value lists.");

        var combinations = Combinations(grid).ToList();
        var configs = new List<TrainingConfig>();
        foreach (var combination in combinations)            // every value checked before the first run starts
        {
            try { configs.Add(baseConfig.WithOverrides(combination.Select(c => $"{c.Name}={c.Value}")).Validate()); }
            catch (ArgumentException e) { throw new UsageException(e.Message.Replace(" (Parameter '", " ('", StringComparison.Ordinal)); }
        }
        var data = LabInputs.Corpus(parsed.Value("--corpus"), baseConfig);
        Directory.CreateDirectory(outFolder);

        var columns = new List<string> { "run" };
        columns.AddRange(grid.Select(g => g.Name));
        columns.AddRange(["steps", "seconds", "train_bpc", "validation_bpc", "parsed", "weekdays_consistent", "status"]);
        var table = new ResultsTable([.. columns]) { Caption = $"sweep of {count} runs" };
        var chart = new LineChart("Validation loss per run", "training time (s)", "validation bits/char");
        bool diverged = false;
        for (int r = 0; r < combinations.Count; r++)
        {
            var combination = combinations[r];
            string label = string.Join(" ", combination.Select(c => $"{c.Name}={c.Value}"));
            string folder = Path.Combine(outFolder, $"run-{r + 1:00}-" + string.Join("-", combination.Select(c => $"{c.Name}={Safe(c.Value)}")));
            output.WriteLine($"[{r + 1}/{combinations.Count}] {label} -> {folder}");
            var row = new List<object?> { r + 1 };
            row.AddRange(combination.Select(c => (object?)c.Value));
            try
            {
                var run = LabRun.Train(configs[r], data, folder, output, progressPrefix: "    ");
                var history = Checkpointless(run);
                row.AddRange([run.Result.Steps, Math.Round(run.Result.Elapsed.TotalSeconds, 1), run.TrainBpc, run.ValidationBpc,
                    run.SampleScores?.ParsedFraction, run.SampleScores?.WeekdaysConsistentFraction, run.Result.Reason.ToString()]);
                if (history.Count > 0) chart.Add(label, history.Select(h => h.Seconds), history.Select(h => h.Bpc));
            }
            catch (TrainingDivergedException e)
            {
                error.WriteLine($"    diverged: {e.Message}");
                row.AddRange([e.Step, null, null, null, null, null, "diverged"]);
                diverged = true;
            }
            table.AddRow([.. row]);
        }
        table.SaveCsv(Path.Combine(outFolder, "results.csv"));
        AtomicFile.WriteAllText(Path.Combine(outFolder, "results.html"), table.ToHtml());
        AtomicFile.WriteAllText(Path.Combine(outFolder, "results.txt"), table.ToText());
        if (chart.Series.Count > 0) chart.SaveSvg(Path.Combine(outFolder, "runs.svg"));
        output.WriteLine();
        output.WriteLine(table.ToText());
        output.WriteLine($"wrote {Path.Combine(outFolder, "results.csv")}, results.html, results.txt{(chart.Series.Count > 0 ? ", runs.svg" : "")}");
        return diverged ? ExitCodes.Failed : ExitCodes.Ok;
    }

    /// <summary>(seconds, validation bpc) at each evaluation of the run, read back from its metrics.csv.</summary>
    private static List<(double Seconds, double Bpc)> Checkpointless(LabRunResult run)
    {
        var points = new List<(double, double)>();
        foreach (string line in File.ReadLines(Path.Combine(run.Folder, "metrics.csv")).Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length > 7 && cells[7].Length > 0)
                points.Add((double.Parse(cells[2], CultureInfo.InvariantCulture), double.Parse(cells[7], CultureInfo.InvariantCulture)));
        }
        return points;
    }

    private static (string Name, IReadOnlyList<string> Values) ParseGrid(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1)
            throw new UsageException($"--grid takes name=v1,v2,..., e.g. --grid LearningRate=0.001,0.003; got '{text}'.");
        string name = text[..eq].Trim();
        var known = TrainingConfig.KnobNames.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                    ?? throw new UsageException($"--grid names an unknown config field \"{name}\"; known fields: {string.Join(", ", TrainingConfig.KnobNames)}.");
        var values = text[(eq + 1)..].Split(',').Select(v => v.Trim()).ToList();
        if (values.Any(v => v.Length == 0)) throw new UsageException($"--grid {known} has an empty value in '{text}'; separate values by single commas.");
        if (values.Distinct(StringComparer.OrdinalIgnoreCase).Count() != values.Count) throw new UsageException($"--grid {known} lists a value twice in '{text}'.");
        return (known, values);
    }

    private static IEnumerable<List<(string Name, string Value)>> Combinations(List<(string Name, IReadOnlyList<string> Values)> grid, int from = 0)
    {
        if (from == grid.Count) { yield return []; yield break; }
        foreach (string value in grid[from].Values)
            foreach (var rest in Combinations(grid, from + 1))
                yield return [(grid[from].Name, value), .. rest];
    }

    private static string Safe(string value) => new(value.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
}

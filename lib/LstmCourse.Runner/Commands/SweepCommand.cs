using System.Diagnostics;
using System.Globalization;
using LstmCourse.Charts;
using LstmCourse.Experiments;
using LstmCourse.Experiments.Runs;
using LstmCourse.Experiments.Sweeps;
using LstmCourse.Notebooks.IO;
using LstmCourse.Runner.Lab;
using LstmCourse.Tables;
using LstmCourse.Training;

namespace LstmCourse.Runner.Commands;

/// <summary><c>lstm-course sweep</c>: trains every combination of a grid of config values (or one shard of them) into a
/// resumable sweep folder, and tabulates and charts the runs.</summary>
public sealed class SweepCommand : ICommand
{
    public string Name => "sweep";

    public string Summary => "train every combination of a grid of config values (or one shard of them) and tabulate and chart the runs";

    public string Usage => $"""
        lstm-course sweep --config FILE|NAME --grid name=v1,v2[,...] [--grid ...] --out DIR [--shard k/n] [--time-budget TIME] [--set name=value]... [--corpus DIR|FILE]

        Trains one run per combination of the grid values (the first --grid varies slowest), each with
        lstm-course train's settings and run folder (DIR/run-01-HiddenSize=64-LearningRate=0.01/...), then writes:
          sweep.json                               the base config, the grid and the corpus's checksum: what DIR is a sweep of
          results.csv, results.html, results.txt   one row per run: the grid values, steps, seconds, train and
                                                   validation bits/char, and the validator's scores of its samples
          runs.svg                                 validation bits/char against training time, one line per run
        A run that diverges is recorded as diverged (diverged.txt in its folder) and the sweep goes on. After each run a
        line gives the time it took and an estimate of when the sweep ends.

        The sweep folder is resumable: run the same command again and finished runs (summary.txt or diverged.txt written,
        same config) are skipped; a run killed half-way is trained again from the start.

        --shard k/n trains only runs k, k+n, k+2n, ... (run i is in shard ((i - 1) mod n) + 1), so n machines, a CI matrix
        or a Slurm array can each run one shard: into one shared DIR, or each into its own. The results files of a shard are
        named results-shard-k-of-n.csv, ...; lstm-course report DIR [DIR...] merges the shards into one page.

          --config FILE|NAME  the base config: a JSON file or a built-in one (default, tiny)
          --grid name=v1,v2   a config field and the values to try (repeatable; at most {SweepGrid.MaxRuns} runs in all);
                              --grid Seed=1,2,3 repeats every run with three seeds, which the report averages
          --out DIR           the sweep folder (required)
          --shard k/n         train only shard k of n (1 <= k <= n; default 1/1, the whole grid)
          --time-budget TIME  training time per run, e.g. 30s or 2m (sets TimeBudget; runs that stop on MaxSteps instead
                              are the ones that give the same numbers on every machine)
          --set name=value    change a config field for every run (repeatable)
          --corpus DIR|FILE   as for train (default datasets/weather)

        Exit codes: 0 every run of the shard trained; 1 usage error (unknown option or config field, bad value or shard,
        missing file, DIR holds another sweep); 2 a run diverged.
        """;

    public int Execute(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var parsed = Arguments.Parse(Name, args, [], ["--config", "--grid", "--out", "--shard", "--time-budget", "--set", "--corpus"]);
        if (parsed.Positionals.Count > 0)
            throw new UsageException($"sweep takes no positional arguments, got '{parsed.Positionals[0]}'.");
        string outFolder = parsed.Value("--out") ?? throw new UsageException("--out DIR is required: the folder the runs and results go to.");
        var baseConfig = LabInputs.Config(parsed.Value("--config"), parsed.Values("--set"), parsed.Value("--time-budget"));
        SweepGrid grid;
        Shard shard;
        try
        {
            grid = SweepGrid.Parse(parsed.Values("--grid"));
            shard = parsed.Value("--shard") is { } text ? Shard.Parse(text) : Shard.All;
        }
        catch (ExperimentInputException e) { throw new UsageException(e.Message); }

        var configs = new List<TrainingConfig>();
        foreach (var point in grid.Points())               // every value of the whole grid checked before the first run starts
        {
            try { configs.Add(baseConfig.WithOverrides(point.Overrides).Validate()); }
            catch (ArgumentException e) { throw new UsageException(e.Message.Replace(" (Parameter '", " ('", StringComparison.Ordinal)); }
        }
        var data = LabInputs.Corpus(parsed.Value("--corpus"), baseConfig);
        var manifest = new SweepManifest(baseConfig, grid, CorpusFingerprint.Of(data));
        CheckSameSweep(outFolder, manifest);
        Directory.CreateDirectory(outFolder);
        AtomicFile.WriteAllText(Path.Combine(outFolder, SweepManifest.FileName), manifest.ToJson());

        var selected = shard.Runs(grid.Count).ToList();
        string Folder(int index) => Path.Combine(outFolder, grid.FolderName(index));
        bool Finished(int index) => Directory.Exists(Folder(index)) && RunFolder.Read(Folder(index)) is { IsFinished: true } run
                                    && manifest.IsConfigOf(index, run.Config);
        var toTrain = selected.Where(i => !Finished(i)).ToList();
        output.WriteLine($"sweep of {grid.Count} runs into {Path.GetFullPath(outFolder)}"
                         + (shard.N > 1 ? $"; shard {shard}: {selected.Count} of them" : "")
                         + $"; {toTrain.Count} to train, {selected.Count - toTrain.Count} already finished");
        if (selected.Count == 0)
        {
            output.WriteLine($"shard {shard} has no runs: the grid has only {grid.Count}, and run i is in shard ((i - 1) mod {shard.N}) + 1.");
            return ExitCodes.Ok;
        }

        var clock = new Stopwatch();
        int trained = 0;
        for (int r = 0; r < selected.Count; r++)
        {
            int index = selected[r];
            var point = grid.Point(index);
            string folder = Folder(index);
            string where = shard.N > 1 || selected.Count != grid.Count ? $" (run {index} of {grid.Count})" : "";
            if (!toTrain.Contains(index))
            {
                output.WriteLine($"[{r + 1}/{selected.Count}] {point.Label}{where}: already finished in {folder}, skipped");
                continue;
            }
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                var unfinished = RunFolder.Read(folder);
                output.WriteLine($"[{r + 1}/{selected.Count}] {folder}: {unfinished.Problem ?? "its config differs from the grid's"}; training it again from the start");
                Empty(folder);
            }
            output.WriteLine($"[{r + 1}/{selected.Count}] {point.Label}{where} -> {folder}");
            clock.Start();
            try
            {
                LabRun.Train(configs[index - 1], data, folder, output, progressPrefix: "    ");
            }
            catch (TrainingDivergedException e)
            {
                error.WriteLine($"    diverged: {e.Message}");
                AtomicFile.WriteAllText(Path.Combine(folder, RunFolder.DivergedFile), e.Message + "\n");
            }
            clock.Stop();
            trained++;
            int left = toTrain.Count - trained;
            double mean = clock.Elapsed.TotalSeconds / trained;
            output.WriteLine($"    run {trained} of {toTrain.Count} to train done; {Time(mean)} a run on average"
                             + (left > 0 ? $"; {left} to go, ETA {Time(mean * left)} (about {DateTime.Now.AddSeconds(mean * left):HH:mm})" : "; the last one"));
            output.Flush();
        }

        var records = selected.Select(i => RunFolder.Read(Folder(i))).ToList();
        string suffix = shard.N > 1 ? $"-shard-{shard.K}-of-{shard.N}" : "";
        var (table, chart) = Results(grid, selected, records, shard);
        table.SaveCsv(Path.Combine(outFolder, $"results{suffix}.csv"));
        AtomicFile.WriteAllText(Path.Combine(outFolder, $"results{suffix}.html"), table.ToHtml());
        AtomicFile.WriteAllText(Path.Combine(outFolder, $"results{suffix}.txt"), table.ToText());
        if (chart.Series.Count > 0) chart.SaveSvg(Path.Combine(outFolder, $"runs{suffix}.svg"));
        output.WriteLine();
        output.WriteLine(table.ToText());
        output.WriteLine($"wrote {Path.Combine(outFolder, $"results{suffix}.csv")}, results{suffix}.html, results{suffix}.txt{(chart.Series.Count > 0 ? $", runs{suffix}.svg" : "")}");
        output.WriteLine($"every run of the sweep on one page: lstm-course report {outFolder}");
        return records.Any(r => r.Status == RunStatus.Diverged) ? ExitCodes.Failed : ExitCodes.Ok;
    }

    /// <summary>The shard's table (one row per run, read back from its folder) and its validation curves.</summary>
    private static (ResultsTable Table, LineChart Chart) Results(SweepGrid grid, List<int> selected, List<RunRecord> records, Shard shard)
    {
        var columns = new List<string> { "run" };
        columns.AddRange(grid.Dimensions.Select(g => g.Name));
        columns.AddRange(["steps", "seconds", "train_bpc", "validation_bpc", "parsed", "weekdays_consistent", "status"]);
        var table = new ResultsTable([.. columns])
        {
            Caption = shard.N > 1 ? $"shard {shard} of a sweep of {grid.Count} runs: {selected.Count} runs" : $"sweep of {grid.Count} runs",
        };
        var chart = new LineChart("Validation loss per run", "training time (s)", "validation bits/char");
        for (int r = 0; r < selected.Count; r++)
        {
            var point = grid.Point(selected[r]);
            var run = records[r];
            var row = new List<object?> { selected[r] };
            row.AddRange(point.Values.Select(v => (object?)v.Value));
            row.AddRange([run.Steps, run.Seconds is { } s ? Math.Round(s, 1) : null, run.TrainBpc, run.ValidationBpc,
                run.Scores?.ParsedFraction, run.Scores?.WeekdaysConsistentFraction, StatusOf(run)]);
            table.AddRow([.. row]);
            var validation = run.Metrics.Where(m => m.ValidationLoss is not null).ToList();
            if (validation.Count > 0) chart.Add(point.Label, validation.Select(m => m.ElapsedSeconds), validation.Select(m => m.ValidationBpc!.Value));
        }
        return (table, chart);
    }

    private static string StatusOf(RunRecord run) => run.Status switch
    {
        RunStatus.Completed => run.StopReason ?? "completed",
        _ => run.Status.ToString().ToLowerInvariant(),
    };

    /// <summary>Refuses a folder whose sweep.json describes another sweep, naming what differs.</summary>
    private static void CheckSameSweep(string outFolder, SweepManifest manifest)
    {
        string path = Path.Combine(outFolder, SweepManifest.FileName);
        if (!File.Exists(path)) return;
        SweepManifest existing;
        try { existing = SweepManifest.Parse(File.ReadAllText(path)); }
        catch (InvalidDataException e) { throw new UsageException($"{path}: {e.Message}; delete it to start the sweep there afresh, or give another --out."); }
        if (existing.Identity == manifest.Identity) return;                   // Threads may differ: it changes no number
        var differences = new List<string>();
        if (!existing.Grid.Dimensions.Select(d => $"{d.Name}={string.Join(",", d.Values)}").SequenceEqual(manifest.Grid.Dimensions.Select(d => $"{d.Name}={string.Join(",", d.Values)}")))
            differences.Add($"its grid is {string.Join(" ", existing.Grid.Dimensions.Select(d => $"--grid {d.Name}={string.Join(",", d.Values)}"))}");
        var was = KnobValues.Of(existing.BaseConfig);
        var now = KnobValues.Of(manifest.BaseConfig);
        var changed = was.Where(kv => kv.Key != nameof(TrainingConfig.Threads) && now[kv.Key] != kv.Value).Select(kv => $"{kv.Key}={kv.Value}").ToList();
        if (changed.Count > 0) differences.Add($"its config has {string.Join(", ", changed)}");
        if (existing.Corpus != manifest.Corpus) differences.Add("it was trained on another corpus");
        throw new UsageException($"{outFolder} holds another sweep ({string.Join("; ", differences)}); give another --out, "
                               + "or the same --config, --set, --time-budget, --grid and --corpus as the sweep there.");
    }

    /// <summary>Removes what a killed run left, keeping the folder.</summary>
    private static void Empty(string folder)
    {
        foreach (string file in Directory.GetFiles(folder)) File.Delete(file);
        foreach (string sub in Directory.GetDirectories(folder)) Directory.Delete(sub, recursive: true);
    }

    /// <summary>"4.2 s", "3:07" (minutes), "26:03:07" (hours).</summary>
    private static string Time(double seconds)
    {
        if (seconds < 60) return seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        var t = TimeSpan.FromSeconds(Math.Round(seconds));
        return seconds < 3600 ? t.ToString(@"m\:ss", CultureInfo.InvariantCulture) : $"{(int)t.TotalHours}:{t.ToString(@"mm\:ss", CultureInfo.InvariantCulture)}";
    }
}

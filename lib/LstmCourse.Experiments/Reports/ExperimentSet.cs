using LstmCourse.Experiments.Runs;
using LstmCourse.Experiments.Sweeps;
using LstmCourse.Training;

namespace LstmCourse.Experiments.Reports;

/// <summary>The runs of one or more run and sweep folders, merged: the parts of one sweep (shards in one folder or in
/// many, recognised by equal sweep.json) become one sweep, runs of its grid found in no folder are listed as missing,
/// and the knobs are the config fields that tell the runs apart.</summary>
public sealed class ExperimentSet
{
    private readonly Dictionary<object, IReadOnlyDictionary<string, string>> knobValues;     // by reference: two runs may be equal records

    private ExperimentSet(IReadOnlyList<RunRecord> runs, IReadOnlyList<string> knobs, IReadOnlyList<string> sources, IReadOnlyList<string> notes)
    {
        Runs = runs;
        Knobs = knobs;
        Sources = sources;
        Notes = notes;
        knobValues = new(ReferenceEqualityComparer.Instance);
        foreach (var run in runs) knobValues[run] = run.Config is { } c ? KnobValues.Of(c) : new Dictionary<string, string>();
    }

    /// <summary>Every run, sweep by sweep in the order given, each sweep's runs in grid order.</summary>
    public IReadOnlyList<RunRecord> Runs { get; }

    /// <summary>The config fields that tell the runs apart: the sweeps' grid dimensions first, then any other field whose value differs.</summary>
    public IReadOnlyList<string> Knobs { get; }

    /// <summary>What was read, one line per sweep or run folder.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Things the reader should know: runs that are missing, broken or found twice; an unreadable sweep.json.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The value of <paramref name="knob"/> in <paramref name="run"/>'s config ("" when it has none).</summary>
    public string ValueOf(RunRecord run, string knob) => knobValues[run].TryGetValue(knob, out var v) ? v : "";

    /// <summary>"HiddenSize=128 LearningRate=0.003", or the folder name when no knob tells the runs apart.</summary>
    public string LabelOf(RunRecord run) => Knobs.Count == 0 || run.Config is null ? run.Name : string.Join(" ", Knobs.Select(k => $"{k}={ValueOf(run, k)}"));

    /// <summary>Reads <paramref name="folders"/>: each a run folder (config.json, metrics.csv, ...) or a sweep folder (sweep.json and
    /// run-* folders, or any folder of run folders).</summary>
    /// <exception cref="ExperimentInputException">No folder given, or one that does not exist, is empty or is not a run or sweep folder.</exception>
    public static ExperimentSet Load(IReadOnlyList<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        if (folders.Count == 0) throw new ExperimentInputException("give at least one run or sweep folder, e.g. lstm-course report runs/sweep.");
        var notes = new List<string>();
        var sources = new List<string>();
        var parts = new List<(string Input, SweepManifest? Manifest, List<RunRecord> Runs, bool IsSweep)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string input in folders)
        {
            string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(input));
            if (!seen.Add(full)) continue;                                      // a folder given twice (runs/sweep runs/sweep/) is read once
            if (File.Exists(full))
                throw new ExperimentInputException($"'{input}' is a file; give a run folder (config.json, metrics.csv, ...) or a sweep folder (sweep.json and run-* folders).");
            if (!Directory.Exists(full))
                throw new ExperimentInputException($"there is no folder '{full}'; give a run folder written by lstm-course train or a sweep folder written by lstm-course sweep.");
            if (RunFolder.LooksLikeRun(full))
            {
                parts.Add((input, null, [RunFolder.Read(full)], false));
                sources.Add($"{input}: a run folder");
                continue;
            }
            SweepManifest? manifest = null;
            try { manifest = SweepManifest.Read(full); }
            catch (InvalidDataException e) { notes.Add($"{input}: {e.Message}; its runs are shown without their grid."); }
            var runFolders = Directory.GetDirectories(full)
                .Where(d => Path.GetFileName(d).StartsWith("run-", StringComparison.Ordinal) || RunFolder.LooksLikeRun(d))
                .OrderBy(d => Path.GetFileName(d), StringComparer.Ordinal).ToList();
            if (manifest is null && runFolders.Count == 0 && !File.Exists(Path.Combine(full, SweepManifest.FileName)))
            {
                if (!Directory.EnumerateFileSystemEntries(full).Any())
                    throw new ExperimentInputException($"'{input}' is empty; train into it first (lstm-course train --out {input}, or lstm-course sweep ... --out {input}).");
                throw new ExperimentInputException($"'{input}' is not a run or sweep folder: it has no config.json or metrics.csv, no sweep.json and no run folders; "
                                                 + "give the folder lstm-course train or sweep wrote (its --out).");
            }
            parts.Add((input, manifest, [.. runFolders.Select(RunFolder.Read)], true));
            sources.Add($"{input}: {(manifest is null ? "a folder of" : $"sweep of {manifest.Grid.Count} runs over {string.Join(" x ", manifest.Grid.Dimensions.Select(d => d.Name))},")} "
                        + $"{runFolders.Count} run folder{(runFolders.Count == 1 ? "" : "s")} here");
        }

        var runs = new List<RunRecord>();
        var knobs = new List<string>();
        foreach (var sweep in parts.Where(p => p.Manifest is not null).GroupBy(p => p.Manifest!.Identity))
        {
            var manifest = sweep.First().Manifest!;
            foreach (var d in manifest.Grid.Dimensions) if (!knobs.Contains(d.Name)) knobs.Add(d.Name);
            var byName = new Dictionary<string, RunRecord>(StringComparer.Ordinal);
            foreach (var run in sweep.SelectMany(p => p.Runs))
            {
                if (!byName.TryGetValue(run.Name, out var kept)) { byName[run.Name] = run; continue; }
                var better = !kept.IsFinished && run.IsFinished ? run : kept;
                byName[run.Name] = better;
                notes.Add($"{run.Name} is in {kept.Folder} and in {run.Folder}; the report shows the one in {better.Folder}{(better.IsFinished ? " (finished)" : "")}.");
            }
            var missing = new List<string>();
            for (int i = 1; i <= manifest.Grid.Count; i++)
            {
                string name = manifest.Grid.FolderName(i);
                if (byName.ContainsKey(name)) continue;
                TrainingConfig? expected = null;
                try { expected = manifest.ConfigOf(i); } catch (ArgumentException) { }
                byName[name] = new RunRecord(name, "", RunStatus.Missing, "in none of the folders given: its shard has not run yet, or wrote elsewhere", expected, [], null, null);
                missing.Add(name);
            }
            if (missing.Count > 0)
                notes.Add($"{missing.Count} of the {manifest.Grid.Count} runs of the sweep in {string.Join(", ", sweep.Select(p => p.Input))} are in none of the folders given "
                          + $"(shards not run yet?): {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", ..." : "")}.");
            runs.AddRange(byName.Values.OrderBy(r => r.Name, StringComparer.Ordinal));
        }
        foreach (var part in parts.Where(p => p.Manifest is null)) runs.AddRange(part.Runs);
        runs = Disambiguated(runs);

        var valued = runs.Where(r => r.Config is not null).Select(r => KnobValues.Of(r.Config!)).ToList();
        foreach (string knob in TrainingConfig.KnobNames)
            if (knob is not (nameof(TrainingConfig.CheckpointPath) or nameof(TrainingConfig.Threads))     // neither changes a run's numbers
                && !knobs.Contains(knob) && valued.Select(v => v[knob]).Distinct().Count() > 1)
                knobs.Add(knob);
        var unfinished = runs.Where(r => r.Status is RunStatus.Broken or RunStatus.Incomplete or RunStatus.Diverged).ToList();
        foreach (var run in unfinished) notes.Add($"{run.Name}: {run.Status.ToString().ToLowerInvariant()}: {run.Problem}");
        return new ExperimentSet(runs, knobs, sources, notes);
    }

    /// <summary>Runs of different folders that share a name get their parent folder's name in front (sweepA/run-01-...).</summary>
    private static List<RunRecord> Disambiguated(List<RunRecord> runs)
    {
        var clashes = runs.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return [.. runs.Select(r => clashes.Contains(r.Name) && r.Folder.Length > 0
            ? r with { Name = $"{Path.GetFileName(Path.GetDirectoryName(r.Folder))}/{r.Name}" }
            : r)];
    }
}

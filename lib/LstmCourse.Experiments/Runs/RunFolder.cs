using System.Text.RegularExpressions;
using LstmCourse.Training;
using LstmCourse.Weather;

namespace LstmCourse.Experiments.Runs;

/// <summary>Reads a run folder as <c>lstm-course train</c> writes it (config.json first, metrics.csv, then checkpoint,
/// samples.txt and last summary.txt), whatever state it was left in: a folder that is half-written or broken becomes a
/// <see cref="RunRecord"/> that says so, never an exception. How a run writes it is in RunFolder.Writing.cs.</summary>
public static partial class RunFolder
{
    public const string ConfigFile = "config.json";
    public const string MetricsFile = "metrics.csv";
    public const string SamplesFile = "samples.txt";
    public const string SummaryFile = "summary.txt";

    /// <summary>Written by <c>lstm-course sweep</c> into a run that diverged: the message, so the sweep does not train it again.</summary>
    public const string DivergedFile = "diverged.txt";

    /// <summary>True when <paramref name="folder"/> holds a file only a run folder has.</summary>
    public static bool LooksLikeRun(string folder) =>
        new[] { ConfigFile, MetricsFile, SummaryFile, DivergedFile }.Any(f => File.Exists(Path.Combine(folder, f)));

    /// <summary>The run in <paramref name="folder"/>.</summary>
    public static RunRecord Read(string folder)
    {
        string full = Path.GetFullPath(folder);
        string name = Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar));
        try
        {
            return ReadChecked(full, name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new RunRecord(name, full, RunStatus.Broken, $"cannot be read: {e.Message}", null, [], null, null);
        }
    }

    private static RunRecord ReadChecked(string full, string name)
    {
        string File(string file) => Path.Combine(full, file);
        TrainingConfig? config = null;
        string? configProblem = null;
        if (!System.IO.File.Exists(File(ConfigFile)))
        {
            if (!Directory.EnumerateFileSystemEntries(full).Any())                     // killed before training wrote anything
                return new RunRecord(name, full, RunStatus.Incomplete, "not started: the folder is empty", null, [], null, null);
            configProblem = $"no {ConfigFile}";
        }
        else
        {
            try { config = TrainingConfig.Load(File(ConfigFile)); }
            catch (InvalidDataException e) { configProblem = $"{ConfigFile} is unreadable: {e.Message.Replace($"Config file '{File(ConfigFile)}': ", "")}"; }
        }

        var metrics = System.IO.File.Exists(File(MetricsFile)) ? MetricsCsv.Parse(System.IO.File.ReadAllText(File(MetricsFile))) : null;
        bool summarised = System.IO.File.Exists(File(SummaryFile));
        string? diverged = System.IO.File.Exists(File(DivergedFile)) ? System.IO.File.ReadAllText(File(DivergedFile)).Trim() : null;
        var rows = metrics?.Rows ?? [];

        if (configProblem is not null) return new RunRecord(name, full, RunStatus.Broken, configProblem, null, rows, null, null);
        if (metrics?.Problem is { } metricsProblem) return new RunRecord(name, full, RunStatus.Broken, metricsProblem, config, rows, null, null);
        if (diverged is not null) return new RunRecord(name, full, RunStatus.Diverged, $"diverged: {diverged}", config, rows, "Diverged", null);
        if (!summarised)
        {
            string why = metrics is null ? $"no {MetricsFile} yet" : $"{rows.Count} steps in {MetricsFile}{(metrics.TornLastLine ? ", its last line cut short" : "")}";
            return new RunRecord(name, full, RunStatus.Incomplete, $"not finished ({why}, no {SummaryFile}): killed, still running, or diverged", config, rows, null, null);
        }
        if (metrics is null) return new RunRecord(name, full, RunStatus.Broken, $"{SummaryFile} but no {MetricsFile}", config, rows, null, null);

        string summary = System.IO.File.ReadAllText(File(SummaryFile));
        string? reason = StopLine().Match(summary) is { Success: true } m ? m.Groups[1].Value : null;
        ForecastReport? scores = null;
        if (summary.Contains("; validator: ", StringComparison.Ordinal))                  // the run scored its samples as forecasts
        {
            if (!System.IO.File.Exists(File(SamplesFile)))
                return new RunRecord(name, full, RunStatus.Broken, $"{SummaryFile} reports validator scores but {SamplesFile} is missing", config, rows, reason, null);
            scores = ForecastValidator.Validate(System.IO.File.ReadAllText(File(SamplesFile)));
        }
        return new RunRecord(name, full, RunStatus.Completed, null, config, rows, reason, scores);
    }

    [GeneratedRegex(@"^stopped \((\w+)\)")]
    private static partial Regex StopLine();
}

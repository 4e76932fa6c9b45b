using System.Globalization;
using LstmCourse.Experiments;
using LstmCourse.Experiments.Reports;
using LstmCourse.Notebooks.IO;

namespace LstmCourse.Runner.Commands;

/// <summary><c>lstm-course report</c>: one offline HTML page (and CSV) comparing the runs of run and sweep folders.</summary>
public sealed class ReportCommand : ICommand
{
    public string Name => "report";

    public string Summary => "compare the runs of run and sweep folders (shards merged) on one interactive offline HTML page, and a CSV";

    public string Usage => """
        lstm-course report <run or sweep folder>... [--out FILE.html]

        Reads every run of the folders (lstm-course train's run folders, lstm-course sweep's sweep folders; the shards of
        one sweep, in one folder or in many, are merged by their sweep.json) and writes one page that needs no network:
          learning curves   train and validation bits/char of every run against step and against seconds; checkboxes
                            hide runs by knob value, the legend hides single runs
          the sweep         the best validation bits/char as a heatmap over the first two knobs (or against the one knob),
                            and parallel coordinates over all knobs; runs repeated with different seeds are averaged
          validator scores  ForecastValidator's fractions of each run's samples, where it scored them
          runs              a table of every run sortable by any column; unfinished, broken and missing runs are marked
        and beside it FILE.csv (one row per run) and, when some knob combination ran with several seeds, FILE-groups.csv
        (mean and standard deviation over seeds).

          --out FILE.html   the page (default: report.html in the first folder); a folder means FILE.html = report.html in it

        Exit codes: 0 written (also when some runs are unfinished or broken: they are marked); 1 usage error (no folder,
        a folder that does not exist, is empty or is not a run or sweep folder).
        """;

    public int Execute(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var parsed = Arguments.Parse(Name, args, [], ["--out"]);
        if (parsed.Positionals.Count == 0)
            throw new UsageException("give at least one run or sweep folder, e.g. lstm-course report runs/sweep.");
        string page = PagePath(parsed.Value("--out"), parsed.Positionals[0]);

        ExperimentSet set;
        try { set = ExperimentSet.Load(parsed.Positionals); }
        catch (ExperimentInputException e) { throw new UsageException(e.Message); }
        string stem = Path.GetFileNameWithoutExtension(page);
        string csv = Path.Combine(Path.GetDirectoryName(page)!, stem + ".csv"), groupsCsv = Path.Combine(Path.GetDirectoryName(page)!, stem + "-groups.csv");
        var report = ExperimentReport.Build(set, Path.GetFileName(csv), Path.GetFileName(groupsCsv));

        foreach (string source in set.Sources) output.WriteLine($"read {source}");
        output.WriteLine($"{set.Runs.Count} run{(set.Runs.Count == 1 ? "" : "s")}: {string.Join(", ", set.Runs.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"))}"
                         + (set.Knobs.Count > 0 ? $"; knobs: {string.Join(", ", set.Knobs)}" : ""));
        foreach (string note in set.Notes) error.WriteLine($"note: {note}");
        AtomicFile.WriteAllText(page, report.Html);
        AtomicFile.WriteAllText(csv, report.RunsCsv);
        if (report.GroupsCsv is { } groups) AtomicFile.WriteAllText(groupsCsv, groups);
        else if (File.Exists(groupsCsv)) File.Delete(groupsCsv);              // an older report's, no longer true
        string size = (new FileInfo(page).Length / 1e6).ToString("0.0", CultureInfo.InvariantCulture);
        output.WriteLine($"wrote {page} ({size} MB, {report.Figures.Count} charts; open it in any browser, no network needed), {csv}"
                         + (report.GroupsCsv is null ? "" : $", {groupsCsv}"));
        return ExitCodes.Ok;
    }

    /// <summary>The page's path: --out as given (a folder gets report.html inside), or report.html in the first folder.</summary>
    private static string PagePath(string? option, string firstFolder)
    {
        if (option is null) return Path.GetFullPath(Path.Combine(firstFolder, "report.html"));
        if (Directory.Exists(option)) return Path.GetFullPath(Path.Combine(option, "report.html"));
        if (!option.EndsWith(".html", StringComparison.OrdinalIgnoreCase) && !option.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"--out takes the page's file name ending in .html, e.g. --out runs/sweep/report.html; got '{option}'.");
        return Path.GetFullPath(option);
    }
}

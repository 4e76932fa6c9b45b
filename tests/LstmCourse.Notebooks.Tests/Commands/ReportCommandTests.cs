using LstmCourse.Notebooks.Tests.Support;
using LstmCourse.Runner.Commands;

namespace LstmCourse.Notebooks.Tests.Commands;

public class ReportCommandTests
{
    private static Cli.Result Sweep(string folder) =>
        Cli.Run("sweep", "--config", "tiny", "--set", "MaxSteps=20", "--set", "EvaluateEvery=10", "--corpus", LabFixture.TinyWeather,
            "--grid", "HiddenSize=8,12", "--grid", "Seed=1,2", "--out", folder);

    [Fact]
    public void A_sweep_with_a_broken_and_a_half_written_run_is_reported_with_those_runs_marked()
    {
        using var temp = new TempFolder();
        string sweep = temp.PathOf("sweep");
        Assert.Equal(ExitCodes.Ok, Sweep(sweep).ExitCode);
        string half = Path.Combine(sweep, "run-02-HiddenSize=8-Seed=2"), broken = Path.Combine(sweep, "run-04-HiddenSize=12-Seed=2");
        File.Delete(Path.Combine(half, "summary.txt"));
        string metrics = File.ReadAllText(Path.Combine(half, "metrics.csv"));
        File.WriteAllText(Path.Combine(half, "metrics.csv"), metrics[..(metrics.Length * 2 / 3)]);
        File.WriteAllText(Path.Combine(broken, "config.json"), "{ \"HiddenSize\": 12,");

        var result = Cli.Run("report", sweep);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.Contains("4 runs: 2 completed, 1 incomplete, 1 broken; knobs: HiddenSize, Seed", result.Output);
        Assert.Contains("note: run-02-HiddenSize=8-Seed=2: incomplete: not finished", result.Error);
        Assert.Contains("note: run-04-HiddenSize=12-Seed=2: broken: config.json is unreadable", result.Error);
        string html = File.ReadAllText(Path.Combine(sweep, "report.html"));
        Assert.Contains("<tr data-run=\"1\" class=\"incomplete\"", html);
        Assert.Contains("<tr data-run=\"3\" class=\"broken\"", html);
        string[] csv = File.ReadAllLines(Path.Combine(sweep, "report.csv"));
        Assert.Equal(5, csv.Length);
        Assert.Contains(",incomplete,", csv[2]);
        Assert.Contains(",broken,", csv[4]);
        Assert.Contains($"wrote {Path.Combine(sweep, "report.html")} (3.", result.Output);
    }

    [Fact]
    public void Out_names_the_page_and_the_csv_goes_beside_it()
    {
        using var temp = new TempFolder();
        string sweep = temp.PathOf("sweep");
        Assert.Equal(ExitCodes.Ok, Sweep(sweep).ExitCode);
        Directory.CreateDirectory(temp.PathOf("pages"));

        Assert.Equal(ExitCodes.Ok, Cli.Run("report", sweep, "--out", temp.PathOf("pages", "h.html")).ExitCode);
        Assert.Equal(ExitCodes.Ok, Cli.Run("report", sweep, "--out", temp.PathOf("pages")).ExitCode);

        Assert.True(File.Exists(temp.PathOf("pages", "h.csv")));
        Assert.True(File.Exists(temp.PathOf("pages", "h-groups.csv")));               // two seeds per HiddenSize: mean and spread
        Assert.True(File.Exists(temp.PathOf("pages", "report.html")));
        Assert.True(File.Exists(temp.PathOf("pages", "report.csv")));
    }

    [Fact]
    public void Bad_input_is_a_usage_error_that_says_what_to_give()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.PathOf("empty"));
        Directory.CreateDirectory(temp.PathOf("photos", "2024"));
        File.WriteAllText(temp.PathOf("photos", "cat.txt"), "meow");

        (string[] Args, string Message)[] cases =
        [
            ([], "give at least one run or sweep folder, e.g. lstm-course report runs/sweep."),
            ([temp.PathOf("empty")], $"'{temp.PathOf("empty")}' is empty; train into it first"),
            ([temp.PathOf("photos")], $"'{temp.PathOf("photos")}' is not a run or sweep folder: it has no config.json or metrics.csv, no sweep.json and no run folders"),
            ([temp.PathOf("photos", "cat.txt")], $"'{temp.PathOf("photos", "cat.txt")}' is a file; give a run folder"),
            ([temp.PathOf("nowhere")], $"there is no folder '{temp.PathOf("nowhere")}'"),
            ([temp.PathOf("empty"), "--out", temp.PathOf("r.txt")], "--out takes the page's file name ending in .html"),
        ];
        foreach (var (args, message) in cases)
        {
            var result = Cli.Run(["report", .. args]);
            Assert.True(result.ExitCode == ExitCodes.Usage, $"{string.Join(" ", args)}: exit {result.ExitCode}");
            Assert.Contains($"lstm-course report: {message}", result.Error);
            Assert.Contains("usage: lstm-course report <run or sweep folder>...", result.Error);
        }
        Assert.Empty(Directory.GetFiles(temp.PathOf("empty")));
    }
}

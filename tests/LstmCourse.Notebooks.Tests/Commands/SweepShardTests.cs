using LstmCourse.Notebooks.Tests.Support;
using LstmCourse.Runner.Commands;

namespace LstmCourse.Notebooks.Tests.Commands;

/// <summary>lstm-course sweep --shard and resumed sweep folders, through the command line. Tiny runs with step budgets, so
/// that the same grid point gives the same numbers in any shard or folder.</summary>
public class SweepShardTests
{
    private static readonly string[] Grid = ["--grid", "HiddenSize=8,12", "--grid", "LearningRate=0.01,0.02", "--grid", "Seed=1,2"];

    private static Cli.Result Sweep(string folder, params string[] more) =>
        Cli.Run(["sweep", "--config", "tiny", "--set", "MaxSteps=20", "--set", "EvaluateEvery=10", "--corpus", LabFixture.TinyWeather, .. Grid, "--out", folder, .. more]);

    /// <summary>The report's CSV without the seconds column (training time is the one number that differs between runs).</summary>
    private static string[] ReportTable(params string[] folders)
    {
        var report = Cli.Run(["report", .. folders, "--out", Path.Combine(folders[0], "merged.html")]);
        Assert.True(report.ExitCode == ExitCodes.Ok, report.Error);
        var lines = File.ReadAllLines(Path.Combine(folders[0], "merged.csv"));
        int seconds = Array.IndexOf(lines[0].Split(','), "seconds");
        Assert.True(seconds > 0, lines[0]);
        return [.. lines.Select(line => string.Join(",", line.Split(',').Where((_, i) => i != seconds)))];
    }

    [Fact]
    public void Shards_run_into_one_folder_or_many_report_the_same_table_as_one_sweep()
    {
        using var temp = new TempFolder();
        Assert.Equal(ExitCodes.Ok, Sweep(temp.PathOf("whole")).ExitCode);
        foreach (string shard in new[] { "2/3", "1/3", "3/3" })                // three machines sharing one folder, in any order,
        {                                                                        // one of them with two cores
            var part = Sweep(temp.PathOf("shared"), ["--shard", shard, .. shard == "3/3" ? new[] { "--set", "Threads=2" } : []]);
            Assert.True(part.ExitCode == ExitCodes.Ok, part.Error);
        }
        foreach (string shard in new[] { "1/2", "2/2" })                       // two machines, each with its own folder
            Assert.Equal(ExitCodes.Ok, Sweep(temp.PathOf($"own-{shard[0]}"), "--shard", shard).ExitCode);

        var whole = ReportTable(temp.PathOf("whole"));

        Assert.Equal(9, whole.Length);
        Assert.All(whole.Skip(1), row => Assert.Contains(",completed,20,", row));
        Assert.Equal(whole, ReportTable(temp.PathOf("shared")));
        Assert.Equal(whole, ReportTable(temp.PathOf("own-1"), temp.PathOf("own-2")));
        Assert.Equal(8, Directory.GetDirectories(temp.PathOf("shared"), "run-*").Length);
        Assert.Equal(["run-01-HiddenSize=8-LearningRate=0.01-Seed=1", "run-03-HiddenSize=8-LearningRate=0.02-Seed=1",
            "run-05-HiddenSize=12-LearningRate=0.01-Seed=1", "run-07-HiddenSize=12-LearningRate=0.02-Seed=1"],
            Directory.GetDirectories(temp.PathOf("own-1"), "run-*").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_shard_writes_its_own_results_and_prints_a_line_per_run_with_an_eta()
    {
        using var temp = new TempFolder();

        var result = Sweep(temp.PathOf("sweep"), "--shard", "2/3");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.Contains("sweep of 8 runs into", result.Output);
        Assert.Contains("; shard 2/3: 3 of them; 3 to train, 0 already finished", result.Output);
        Assert.Contains("[1/3] HiddenSize=8 LearningRate=0.01 Seed=2 (run 2 of 8) ->", result.Output);
        Assert.Contains("[3/3] HiddenSize=12 LearningRate=0.02 Seed=2 (run 8 of 8) ->", result.Output);
        Assert.Contains("run 1 of 3 to train done; ", result.Output);
        Assert.Contains("; 2 to go, ETA ", result.Output);
        Assert.Contains("run 3 of 3 to train done; ", result.Output);
        string[] csv = File.ReadAllLines(temp.PathOf("sweep", "results-shard-2-of-3.csv"));
        Assert.Equal(["2", "5", "8"], csv.Skip(1).Select(line => line.Split(',')[0]));
        Assert.False(File.Exists(temp.PathOf("sweep", "results.csv")));
        Assert.Contains("lstm-course report", result.Output);
    }

    [Fact]
    public void A_resumed_sweep_skips_finished_runs_and_trains_killed_ones_again_to_the_same_numbers()
    {
        using var temp = new TempFolder();
        string sweep = temp.PathOf("sweep");
        Assert.Equal(ExitCodes.Ok, Sweep(sweep, "--shard", "1/2").ExitCode);
        var before = ReportTable(sweep);
        string killed = Path.Combine(sweep, "run-03-HiddenSize=8-LearningRate=0.02-Seed=1");
        File.Delete(Path.Combine(killed, "summary.txt"));                     // killed after its metrics, before its summary
        string metrics = File.ReadAllText(Path.Combine(killed, "metrics.csv"));
        File.WriteAllText(Path.Combine(killed, "metrics.csv"), metrics[..(metrics.Length / 2)]);
        Directory.Delete(Path.Combine(sweep, "run-05-HiddenSize=12-LearningRate=0.01-Seed=1"), recursive: true);   // never started

        var resumed = Sweep(sweep, "--shard", "1/2");

        Assert.True(resumed.ExitCode == ExitCodes.Ok, resumed.Error);
        Assert.Contains("; shard 1/2: 4 of them; 2 to train, 2 already finished", resumed.Output);
        Assert.Contains("[1/4] HiddenSize=8 LearningRate=0.01 Seed=1 (run 1 of 8): already finished in", resumed.Output);
        Assert.Contains($"[2/4] {killed}: not finished (", resumed.Output);
        Assert.Contains("training it again from the start", resumed.Output);
        Assert.Contains("[3/4] HiddenSize=12 LearningRate=0.01 Seed=1 (run 5 of 8) ->", resumed.Output);
        Assert.Contains("[4/4] HiddenSize=12 LearningRate=0.02 Seed=1 (run 7 of 8): already finished in", resumed.Output);
        Assert.Equal(before, ReportTable(sweep));
    }

    [Fact]
    public void A_diverged_run_is_recorded_once_and_not_trained_again()
    {
        using var temp = new TempFolder();
        string[] args = ["sweep", "--config", "tiny", "--set", "MaxSteps=20", "--set", "Optimizer=Sgd", "--set", "ClipNorm=0", "--corpus", LabFixture.TinyWeather,
            "--grid", "LearningRate=0.01,50", "--out", temp.PathOf("sweep")];

        var first = Cli.Run(args);
        var again = Cli.Run(args);

        Assert.Equal(ExitCodes.Failed, first.ExitCode);
        Assert.Contains("diverged", first.Error);
        Assert.True(File.Exists(temp.PathOf("sweep", "run-02-LearningRate=50", "diverged.txt")));
        Assert.Equal(ExitCodes.Failed, again.ExitCode);
        Assert.Contains("0 to train, 2 already finished", again.Output);
        Assert.EndsWith("diverged", File.ReadAllLines(temp.PathOf("sweep", "results.csv"))[2]);
    }

    [Fact]
    public void A_folder_that_holds_another_sweep_is_refused_naming_the_difference()
    {
        using var temp = new TempFolder();
        string sweep = temp.PathOf("sweep");
        Assert.Equal(ExitCodes.Ok, Sweep(sweep, "--shard", "8/8").ExitCode);

        var other = Cli.Run("sweep", "--config", "tiny", "--set", "MaxSteps=30", "--set", "EvaluateEvery=10", "--corpus", LabFixture.TinyWeather,
            "--grid", "HiddenSize=8,12", "--out", sweep, "--shard", "1/8");

        Assert.Equal(ExitCodes.Usage, other.ExitCode);
        Assert.Contains("holds another sweep (its grid is --grid HiddenSize=8,12 --grid LearningRate=0.01,0.02 --grid Seed=1,2; its config has MaxSteps=20)", other.Error);
        Assert.Single(Directory.GetDirectories(sweep, "run-*"));
    }

    [Fact]
    public void A_shard_beyond_the_grid_has_nothing_to_do()
    {
        using var temp = new TempFolder();

        var result = Cli.Run("sweep", "--config", "tiny", "--corpus", LabFixture.TinyWeather, "--grid", "Layers=1,2", "--shard", "3/4", "--out", temp.PathOf("sweep"));

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("shard 3/4 has no runs: the grid has only 2", result.Output);
        Assert.Empty(Directory.GetDirectories(temp.PathOf("sweep")));
    }

    [Theory]
    [InlineData("3/2", "--shard 3/2: there is no shard 3 of 2; shards are numbered from 1 to 2.")]
    [InlineData("0/2", "--shard 0/2: shards are numbered from 1 to 2; the first is --shard 1/2.")]
    [InlineData("1-2", "--shard takes k/n, shard k of n with 1 <= k <= n, e.g. --shard 1/4; got '1-2'.")]
    public void A_bad_shard_is_a_usage_error_before_anything_is_written(string shard, string message)
    {
        using var temp = new TempFolder();

        var result = Sweep(temp.PathOf("sweep"), "--shard", shard);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains($"lstm-course sweep: {message}", result.Error);
        Assert.Contains("usage: lstm-course sweep", result.Error);
        Assert.False(Directory.Exists(temp.PathOf("sweep")));
    }
}

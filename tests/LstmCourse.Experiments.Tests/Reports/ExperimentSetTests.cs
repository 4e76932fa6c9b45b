using LstmCourse.Experiments.Reports;
using LstmCourse.Experiments.Runs;
using LstmCourse.Experiments.Sweeps;
using LstmCourse.Experiments.Tests.Support;

namespace LstmCourse.Experiments.Tests.Reports;

public class ExperimentSetTests
{
    private static readonly string[] Grid = ["HiddenSize=8,12", "Seed=1,2,3"];

    [Fact]
    public void Shards_written_into_separate_folders_merge_into_one_sweep_in_grid_order()
    {
        using var temp = new TempFolder();
        var shards = Enumerable.Range(1, 3).Select(k => new Shard(k, 3)).ToList();
        foreach (var shard in shards)                                          // each folder holds only its shard's runs, trained with
            FakeRuns.Sweep(temp.PathOf($"shard{shard.K}"), Grid, p => shard.Contains(p.Index) ? [3.0, 2.5 - p.Index * 0.01] : null,
                Lab.Config(30) with { Threads = shard.K });                        // as many threads as its machine had

        var set = ExperimentSet.Load([temp.PathOf("shard2"), temp.PathOf("shard1"), temp.PathOf("shard3"), temp.PathOf("shard1") + "/"]);

        var grid = SweepGrid.Parse(Grid);
        Assert.Equal(Enumerable.Range(1, 6).Select(grid.FolderName), set.Runs.Select(r => r.Name));
        Assert.All(set.Runs, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.Equal(["HiddenSize", "Seed"], set.Knobs);
        Assert.Empty(set.Notes);
        Assert.Equal("HiddenSize=12 Seed=2", set.LabelOf(set.Runs[4]));
        Assert.Equal(2.5 - 0.05, set.Runs[4].BestValidation!.Value.Bpc, 12);
    }

    [Fact]
    public void Runs_of_a_shard_not_yet_run_are_listed_as_missing()
    {
        using var temp = new TempFolder();
        FakeRuns.Sweep(temp.PathOf("sweep"), Grid, p => new Shard(1, 2).Contains(p.Index) ? [2.0] : null);

        var set = ExperimentSet.Load([temp.PathOf("sweep")]);

        Assert.Equal(6, set.Runs.Count);
        Assert.Equal([RunStatus.Completed, RunStatus.Missing, RunStatus.Completed, RunStatus.Missing, RunStatus.Completed, RunStatus.Missing],
            set.Runs.Select(r => r.Status));
        Assert.Equal("HiddenSize=8 Seed=2", set.LabelOf(set.Runs[1]));          // a missing run still has its grid point's knobs
        Assert.Contains(set.Notes, n => n.StartsWith("3 of the 6 runs of the sweep in", StringComparison.Ordinal) && n.Contains("run-02-HiddenSize=8-Seed=2"));
    }

    [Fact]
    public void A_run_found_in_two_folders_of_one_sweep_is_shown_once_preferring_the_finished_copy()
    {
        using var temp = new TempFolder();
        FakeRuns.Sweep(temp.PathOf("a"), Grid, p => [2.0]);
        var manifest = FakeRuns.Sweep(temp.PathOf("b"), Grid, p => p.Index == 1 ? [2.0] : null);
        File.Delete(Path.Combine(temp.PathOf("a"), manifest.Grid.FolderName(1), RunFolder.SummaryFile));   // a's copy was killed

        var set = ExperimentSet.Load([temp.PathOf("a"), temp.PathOf("b")]);

        Assert.Equal(6, set.Runs.Count);
        Assert.Equal(Path.Combine(temp.PathOf("b"), manifest.Grid.FolderName(1)), set.Runs[0].Folder);
        Assert.Equal(RunStatus.Completed, set.Runs[0].Status);
        Assert.Contains(set.Notes, n => n.Contains("run-01-HiddenSize=8-Seed=1 is in") && n.EndsWith("(finished).", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_different_sweeps_stay_apart_and_runs_with_the_same_name_get_their_folder_in_front()
    {
        using var temp = new TempFolder();
        FakeRuns.Sweep(temp.PathOf("lr1"), ["HiddenSize=8,12"], p => [2.0], Lab.Config(30) with { LearningRate = 0.01 });
        FakeRuns.Sweep(temp.PathOf("lr2"), ["HiddenSize=8,12"], p => [1.9], Lab.Config(30) with { LearningRate = 0.02 });

        var set = ExperimentSet.Load([temp.PathOf("lr1"), temp.PathOf("lr2")]);

        Assert.Equal(["lr1/run-01-HiddenSize=8", "lr1/run-02-HiddenSize=12", "lr2/run-01-HiddenSize=8", "lr2/run-02-HiddenSize=12"], set.Runs.Select(r => r.Name));
        Assert.Equal(["HiddenSize", "LearningRate"], set.Knobs);                 // the grid's knob, then the field that differs
        Assert.Equal("HiddenSize=12 LearningRate=0.02", set.LabelOf(set.Runs[3]));
    }

    [Fact]
    public void Loose_run_folders_are_told_apart_by_the_fields_that_differ()
    {
        using var temp = new TempFolder();
        FakeRuns.Run(temp.PathOf("small"), Lab.Config(30) with { HiddenSize = 8 }, [2.2]);
        FakeRuns.Run(temp.PathOf("large"), Lab.Config(30) with { HiddenSize = 32, Dropout = 0.1 }, [2.1]);

        var set = ExperimentSet.Load([temp.PathOf("small"), temp.PathOf("large")]);

        Assert.Equal(["small", "large"], set.Runs.Select(r => r.Name));
        Assert.Equal(["HiddenSize", "Dropout"], set.Knobs);
        Assert.Equal("HiddenSize=32 Dropout=0.1", set.LabelOf(set.Runs[1]));
    }

    [Fact]
    public void A_sweep_with_a_broken_and_a_half_written_run_is_read_with_those_runs_marked()
    {
        using var temp = new TempFolder();
        var manifest = FakeRuns.Sweep(temp.PathOf("sweep"), Grid, p => [2.0, 1.9]);
        string broken = Path.Combine(temp.PathOf("sweep"), manifest.Grid.FolderName(2)), half = Path.Combine(temp.PathOf("sweep"), manifest.Grid.FolderName(5));
        File.WriteAllText(Path.Combine(broken, RunFolder.ConfigFile), "{ not json");
        File.Delete(Path.Combine(half, RunFolder.SummaryFile));
        string metrics = File.ReadAllText(Path.Combine(half, RunFolder.MetricsFile));
        File.WriteAllText(Path.Combine(half, RunFolder.MetricsFile), metrics[..(metrics.Length / 2)]);

        var set = ExperimentSet.Load([temp.PathOf("sweep")]);

        Assert.Equal(6, set.Runs.Count);
        Assert.Equal(RunStatus.Broken, set.Runs[1].Status);
        Assert.Equal(RunStatus.Incomplete, set.Runs[4].Status);
        Assert.Equal(4, set.Runs.Count(r => r.Status == RunStatus.Completed));
        Assert.Contains(set.Notes, n => n.StartsWith("run-02-HiddenSize=8-Seed=2: broken: config.json is unreadable", StringComparison.Ordinal));
        Assert.Contains(set.Notes, n => n.StartsWith("run-05-HiddenSize=12-Seed=2: incomplete: not finished", StringComparison.Ordinal));
    }

    [Fact]
    public void Folders_that_hold_no_runs_are_errors_that_say_what_to_give()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.PathOf("empty"));
        Directory.CreateDirectory(temp.PathOf("notes"));
        File.WriteAllText(temp.PathOf("notes", "todo.txt"), "try LearningRate 3e-3");
        Directory.CreateDirectory(temp.PathOf("notes", "drafts"));
        File.WriteAllText(temp.PathOf("file.txt"), "");

        Assert.Contains("give at least one run or sweep folder", Assert.Throws<ExperimentInputException>(() => ExperimentSet.Load([])).Message);
        Assert.Contains("is empty; train into it first", Load(temp.PathOf("empty")));
        Assert.Contains("is not a run or sweep folder: it has no config.json or metrics.csv, no sweep.json and no run folders", Load(temp.PathOf("notes")));
        Assert.Contains("is a file; give a run folder", Load(temp.PathOf("file.txt")));
        Assert.Contains("there is no folder", Load(temp.PathOf("nowhere")));

        static string Load(string folder) => Assert.Throws<ExperimentInputException>(() => ExperimentSet.Load([folder])).Message;
    }

    [Fact]
    public void An_unreadable_sweep_json_is_a_note_and_its_runs_are_still_shown()
    {
        using var temp = new TempFolder();
        FakeRuns.Sweep(temp.PathOf("sweep"), Grid, p => [2.0]);
        File.WriteAllText(temp.PathOf("sweep", SweepManifest.FileName), "{ \"Runs\": ");

        var set = ExperimentSet.Load([temp.PathOf("sweep")]);

        Assert.Equal(6, set.Runs.Count(r => r.Status == RunStatus.Completed));
        Assert.Contains(set.Notes, n => n.Contains("sweep.json is unreadable") && n.EndsWith("its runs are shown without their grid.", StringComparison.Ordinal));
        Assert.Equal(["HiddenSize", "Seed"], set.Knobs);                         // still told apart by the fields that differ
    }
}

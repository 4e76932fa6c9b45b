using LstmCourse.Experiments.Reports;
using LstmCourse.Experiments.Sweeps;
using LstmCourse.Experiments.Tests.Support;

namespace LstmCourse.Experiments.Tests.Reports;

public class RunFramesTests
{
    /// <summary>Best validation bits/char of a grid point: 2 + H/100 + 10 LR + 0.1 Layers + 0.01 Seed (its second evaluation;
    /// the first is 3), a knob outside the grid counting 0.</summary>
    private static double Best(GridPoint p)
    {
        double Knob(string name) => p.Values.Any(v => v.Name == name) ? FakeRuns.Knob(p, name) : 0;
        return 2 + Knob("HiddenSize") / 100 + 10 * Knob("LearningRate") + 0.1 * Knob("Layers") + 0.01 * Knob("Seed");
    }

    private static RunFrames Frames(TempFolder temp, params string[] grids)
    {
        FakeRuns.Sweep(temp.PathOf("sweep"), grids, p => [3.0, Best(p)]);
        return RunFrames.Of(ExperimentSet.Load([temp.PathOf("sweep")]));
    }

    [Fact]
    public void Runs_repeated_with_different_seeds_are_averaged_with_their_spread()
    {
        using var temp = new TempFolder();

        var frames = Frames(temp, "HiddenSize=8,12", "LearningRate=0.01,0.02", "Seed=1,2,3");

        Assert.True(frames.HasRepeats);
        Assert.Equal(["HiddenSize", "LearningRate"], frames.GroupKnobs);
        var groups = frames.Groups!;
        Assert.Equal(4, groups.RowCount);
        Assert.Equal(["8", "8", "12", "12"], groups.GetColumn<string>("HiddenSize").Values);
        Assert.Equal(["0.01", "0.02", "0.01", "0.02"], groups.GetColumn<string>("LearningRate").Values);
        Assert.All(groups.GetColumn<double>("runs").Values, n => Assert.Equal(3, n));
        double[] means = [.. groups.GetColumn<double>("best_validation_bpc_mean").Values];
        double[] expected = [2 + 0.08 + 0.1 + 0.02, 2 + 0.08 + 0.2 + 0.02, 2 + 0.12 + 0.1 + 0.02, 2 + 0.12 + 0.2 + 0.02];   // seeds add 0.01, 0.02, 0.03
        for (int g = 0; g < 4; g++) Assert.Equal(expected[g], means[g], 12);
        Assert.All(groups.GetColumn<double>("best_validation_bpc_std").Values, s => Assert.Equal(0.01, s, 12));   // sample sd of 0.01, 0.02, 0.03
        Assert.All(groups.GetColumn<double>("validation_bpc_mean").Values.Zip(means), p => Assert.Equal(p.Second, p.First, 12));   // the last is the best here
    }

    [Fact]
    public void The_pivot_holds_the_seed_mean_at_each_pair_of_values_and_the_best_over_other_knobs()
    {
        using var temp = new TempFolder();

        var frames = Frames(temp, "HiddenSize=8,12", "Layers=1,2", "LearningRate=0.01,0.02", "Seed=1,2");
        var pivot = frames.Pivot("HiddenSize", "LearningRate");

        Assert.Equal(["8", "12"], pivot.RowKeys.Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(["0.01", "0.02"], pivot.ColumnKeys);
        foreach (string h in new[] { "8", "12" })
            foreach (string lr in new[] { "0.01", "0.02" })                       // Layers=1 is better (0.1 less); seeds 1, 2 average to 0.015
                Assert.Equal(2 + double.Parse(h) / 100 + 10 * double.Parse(lr, System.Globalization.CultureInfo.InvariantCulture) + 0.1 + 0.015,
                    pivot.GetColumn<double>(lr)[h], 12);
    }

    [Fact]
    public void Without_repeats_every_group_is_one_run_and_has_no_spread()
    {
        using var temp = new TempFolder();

        var frames = Frames(temp, "HiddenSize=8,12", "LearningRate=0.01,0.02", "Seed=1");

        Assert.False(frames.HasRepeats);
        Assert.Equal(4, frames.Groups!.RowCount);
        Assert.Empty(frames.Groups.GetColumn<double>("best_validation_bpc_std").Values);   // all missing
    }

    [Fact]
    public void The_runs_frame_has_one_row_per_run_with_knobs_status_and_final_numbers()
    {
        using var temp = new TempFolder();

        var frames = Frames(temp, "HiddenSize=8,12", "Seed=1,2");
        var runs = frames.Runs;

        Assert.Equal(["run", "HiddenSize", "Seed", "status", .. RunFrames.Measures, "problem"], runs.ColumnKeys);
        Assert.Equal(4, runs.RowCount);
        Assert.Equal("run-03-HiddenSize=12-Seed=1", runs.GetColumn<string>("run")[2]);
        Assert.Equal("completed", runs.GetColumn<string>("status")[2]);
        Assert.Equal(20, runs.GetColumn<double>("steps")[2]);
        Assert.Equal(20, runs.GetColumn<double>("best_step")[2]);
        Assert.Equal(2 + 0.12 + 0.01, runs.GetColumn<double>("best_validation_bpc")[2], 12);
        Assert.Equal(5.0, runs.GetColumn<double>("seconds")[2]);
        Assert.Empty(runs.GetColumn<double>("parsed").Values);                    // no run scored samples: missing, not 0
    }
}

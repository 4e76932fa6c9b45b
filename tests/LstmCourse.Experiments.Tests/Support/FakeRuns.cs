using System.Globalization;
using LstmCourse.Experiments.Runs;
using LstmCourse.Experiments.Sweeps;
using LstmCourse.Training;

namespace LstmCourse.Experiments.Tests.Support;

/// <summary>Run and sweep folders written by hand with chosen numbers, as training would leave them: the report's
/// arithmetic is checked against values known in advance, without training anything.</summary>
internal static class FakeRuns
{
    /// <summary>A finished run: 30 steps, validation every 10 steps with bits/char <paramref name="validationBpc"/> (in order),
    /// training loss falling from 3 nats; summary.txt as LabRun writes it.</summary>
    public static string Run(string folder, TrainingConfig config, double[] validationBpc, bool finished = true)
    {
        Directory.CreateDirectory(folder);
        config.Save(Path.Combine(folder, RunFolder.ConfigFile));
        var rows = Enumerable.Range(1, 10 * validationBpc.Length).Select(step => new TrainingMetrics(
            step, step / 100.0, step * 0.25, 3.0 - step * 0.02, 0,
            step % 10 == 0 ? validationBpc[step / 10 - 1] * Math.Log(2) : null, 1, 0.01, 1000)).ToList();
        TrainingMetrics.WriteCsv(rows, Path.Combine(folder, RunFolder.MetricsFile));
        if (finished)
            File.WriteAllText(Path.Combine(folder, RunFolder.SummaryFile),
                string.Create(CultureInfo.InvariantCulture, $"stopped (MaxSteps) after {rows.Count} steps in 00:00:07: train ...\nparameters 100\n"));
        return folder;
    }

    /// <summary>A sweep folder over <paramref name="grids"/> with sweep.json; <paramref name="best"/> gives each run's validation
    /// losses from its grid point (null: leave the run out, as an unrun shard would).</summary>
    public static SweepManifest Sweep(string folder, string[] grids, Func<GridPoint, double[]?> best, TrainingConfig? config = null)
    {
        var manifest = new SweepManifest(config ?? Lab.Config(30), SweepGrid.Parse(grids), new CorpusFingerprint(100, 20, "ab"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, SweepManifest.FileName), manifest.ToJson());
        foreach (var point in manifest.Grid.Points())
            if (best(point) is { } losses) Run(Path.Combine(folder, manifest.Grid.FolderName(point.Index)), manifest.ConfigOf(point.Index), losses);
        return manifest;
    }

    /// <summary>The value of a grid point's knob as a number.</summary>
    public static double Knob(GridPoint point, string name) =>
        double.Parse(point.Values.Single(v => v.Name == name).Value, CultureInfo.InvariantCulture);
}

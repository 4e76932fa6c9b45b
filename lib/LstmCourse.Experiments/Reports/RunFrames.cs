using Deedle;
using LstmCourse.Experiments.Runs;
using LstmCourse.Training;

namespace LstmCourse.Experiments.Reports;

/// <summary>The runs as Deedle frames: one row per run (knobs, status, final metrics, validator scores); the completed runs
/// grouped by every knob but the seed (mean and spread over seeds); and the best validation loss pivoted over two knobs.</summary>
public sealed class RunFrames
{
    /// <summary>The measured columns of <see cref="Runs"/>, in order.</summary>
    public static readonly IReadOnlyList<string> Measures =
    [
        "steps", "seconds", "train_bpc", "validation_bpc", "best_validation_bpc", "best_step",
        "parsed", "period_order", "weekdays_consistent", "lows_below_highs", "numbers_in_range",
    ];

    /// <summary>The measures averaged over seeds in <see cref="Groups"/>.</summary>
    public static readonly IReadOnlyList<string> GroupedMeasures = ["best_validation_bpc", "validation_bpc", "train_bpc", "parsed", "weekdays_consistent", "seconds"];

    private RunFrames(Frame<int, string> runs, IReadOnlyList<string> groupKnobs, Frame<int, string>? groups)
    {
        Runs = runs;
        GroupKnobs = groupKnobs;
        Groups = groups;
    }

    /// <summary>One row per run: run, the knobs, status, <see cref="Measures"/>, problem. Missing numbers are missing values.</summary>
    public Frame<int, string> Runs { get; }

    /// <summary>The knobs that <see cref="Groups"/> groups by: every knob but Seed.</summary>
    public IReadOnlyList<string> GroupKnobs { get; }

    /// <summary>One row per combination of <see cref="GroupKnobs"/> among the completed runs: runs (how many), then
    /// <c>m_mean</c> and <c>m_std</c> (sample standard deviation; missing for a single run) of each of <see cref="GroupedMeasures"/>.
    /// Null when no run completed.</summary>
    public Frame<int, string>? Groups { get; }

    /// <summary>True when some combination of knobs ran more than once (with different seeds).</summary>
    public bool HasRepeats => Groups is not null && Groups.GetColumn<double>("runs").Values.Any(n => n > 1);

    public static RunFrames Of(ExperimentSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var runs = RunsFrame(set, set.Runs);
        var groupKnobs = set.Knobs.Where(k => k != nameof(TrainingConfig.Seed)).ToList();
        var completed = set.Runs.Where(r => r.Status == RunStatus.Completed).ToList();
        return new RunFrames(runs, groupKnobs, GroupsFrame(set, completed, groupKnobs));
    }

    /// <summary>The best of the group means of <paramref name="measure"/> (lowest) at each pair of values of
    /// <paramref name="rowKnob"/> and <paramref name="columnKnob"/>, over any other knobs: Deedle's pivot table.</summary>
    public Frame<string, string> Pivot(string rowKnob, string columnKnob, string measure = "best_validation_bpc") =>
        (Groups ?? throw new InvalidOperationException("no run completed: there is nothing to pivot.")).PivotTable<int, string, string, string, double>(rowKnob, columnKnob, cell =>
        {
            var means = cell.GetColumn<double>(measure + "_mean").Values.ToList();
            return means.Count > 0 ? means.Min() : double.NaN;
        });

    private static Frame<int, string> RunsFrame(ExperimentSet set, IReadOnlyList<RunRecord> runs)
    {
        var frame = Frame.FromRecords(runs.Select(r => new { run = r.Name }));
        foreach (string knob in set.Knobs) frame.AddColumn(knob, runs.Select(r => r.Config is null ? null : set.ValueOf(r, knob)));
        frame.AddColumn("status", runs.Select(r => r.Status.ToString().ToLowerInvariant()));
        var best = runs.Select(r => r.BestValidation).ToList();
        var columns = new (string Name, Func<int, double?> Value)[]
        {
            ("steps", i => runs[i].Steps), ("seconds", i => runs[i].Seconds), ("train_bpc", i => runs[i].TrainBpc),
            ("validation_bpc", i => runs[i].ValidationBpc), ("best_validation_bpc", i => best[i]?.Bpc), ("best_step", i => best[i]?.Step),
            ("parsed", i => runs[i].Scores?.ParsedFraction), ("period_order", i => runs[i].Scores?.PeriodOrderFraction),
            ("weekdays_consistent", i => runs[i].Scores?.WeekdaysConsistentFraction),
            ("lows_below_highs", i => runs[i].Scores?.LowsBelowHighsFraction), ("numbers_in_range", i => runs[i].Scores?.NumbersInRangeFraction),
        };
        foreach (var (name, value) in columns) frame.AddColumn(name, Enumerable.Range(0, runs.Count).Select(i => value(i) ?? double.NaN));
        frame.AddColumn("problem", runs.Select(r => r.Problem));
        return frame;
    }

    private static Frame<int, string>? GroupsFrame(ExperimentSet set, IReadOnlyList<RunRecord> completed, IReadOnlyList<string> groupKnobs)
    {
        if (completed.Count == 0) return null;
        var runs = RunsFrame(set, completed);
        var by = groupKnobs.Count > 0 ? groupKnobs.ToList() : ["runs of"];
        if (groupKnobs.Count == 0) runs.AddColumn("runs of", completed.Select(_ => "all"));
        var mean = runs.AggregateRowsBy<double, double>(by, GroupedMeasures, s => s.ValueCount > 0 ? Stats.mean(s) : double.NaN);
        var spread = runs.AggregateRowsBy<double, double>(by, GroupedMeasures, s => s.ValueCount > 1 ? Stats.stdDev(s) : double.NaN);
        var count = runs.AggregateRowsBy<string, double>(by, ["run"], s => s.ValueCount);
        var groups = Frame.FromRecords(mean.RowKeys.Select(k => new { group = k }));
        foreach (string knob in by)
        {
            var keys = mean.GetColumn<string>(knob).Values.ToList();
            if (!keys.SequenceEqual(spread.GetColumn<string>(knob).Values) || !keys.SequenceEqual(count.GetColumn<string>(knob).Values))
                throw new InvalidOperationException("Deedle's aggregates came back in different group orders.");
            groups.AddColumn(knob, keys);
        }
        groups.AddColumn("runs", count.GetColumn<double>("run").Values);
        foreach (string measure in GroupedMeasures)
        {
            groups.AddColumn(measure + "_mean", Fill(mean.GetColumn<double>(measure), mean.RowCount));
            groups.AddColumn(measure + "_std", Fill(spread.GetColumn<double>(measure), spread.RowCount));
        }
        groups.DropColumn("group");
        return groups;
    }

    /// <summary>A column's values with NaN where a value is missing, in row order.</summary>
    private static IEnumerable<double> Fill(Series<int, double> column, int rows) =>
        Enumerable.Range(0, rows).Select(i => column.TryGet(i).HasValue ? column.TryGet(i).Value : double.NaN);
}

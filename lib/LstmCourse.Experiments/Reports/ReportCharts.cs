using System.Globalization;
using LstmCourse.Experiments.Runs;
using LstmCourse.Training;
using Plotly.NET;
using C = Plotly.NET.CSharp.Chart;

namespace LstmCourse.Experiments.Reports;

/// <summary>The report's charts, built with Plotly.NET: learning curves against step and against seconds, the sweep
/// (a heatmap over two knobs, best validation bits/char against one knob, parallel coordinates over all of them), and the
/// validator's scores.</summary>
public static class ReportCharts
{
    /// <summary>Points of a training curve at most: longer runs are averaged over blocks of steps.</summary>
    public const int MaxTrainPoints = 300;

    /// <summary>Colours of the runs (Plotly's defaults, then darker ones); run i has colour i mod 20 on every chart.</summary>
    public static readonly IReadOnlyList<string> Palette =
    [
        "#636efa", "#ef553b", "#00cc96", "#ab63fa", "#ffa15a", "#19d3f3", "#ff6692", "#b6e880", "#ff97ff", "#fecb52",
        "#1f3a93", "#8b1e1e", "#0b6e4f", "#5b2c83", "#a35200", "#0e7c86", "#a3324f", "#5a7d2a", "#8e3b8e", "#8a6d00",
    ];

    /// <summary>Every chart that has something to show, in page order.</summary>
    public static IReadOnlyList<ReportFigure> All(ExperimentSet set, RunFrames frames)
    {
        var figures = new List<ReportFigure>();
        if (set.Runs.Any(r => r.Metrics.Count > 0))
        {
            figures.Add(Curves(set, bySeconds: false));
            figures.Add(Curves(set, bySeconds: true));
        }
        if (frames.Groups is not null)
        {
            var knobs = frames.GroupKnobs;
            if (knobs.Count >= 2) figures.Add(Heatmap(frames, knobs[0], knobs[1]));
            else if (knobs.Count == 1) figures.Add(AgainstKnob(frames, knobs[0]));
            if (set.Knobs.Count >= 2 && set.Runs.Count(r => r.BestValidation is not null && r.Status == RunStatus.Completed) >= 2)
                figures.Add(ParallelCoordinates(set));
        }
        if (set.Runs.Any(r => r.Scores is not null)) figures.Add(Scores(set));
        return figures;
    }

    /// <summary>Validation (solid, with markers at each evaluation) and training (dashed, block means) bits/char of every
    /// run against step or training time; clicking a legend entry hides that run's two lines.</summary>
    public static ReportFigure Curves(ExperimentSet set, bool bySeconds)
    {
        var traces = new List<GenericChart>();
        string axis = bySeconds ? "seconds" : "step";
        for (int i = 0; i < set.Runs.Count; i++)
        {
            var run = set.Runs[i];
            if (run.Metrics.Count == 0) continue;
            double X(TrainingMetrics row) => bySeconds ? row.ElapsedSeconds : row.Step;
            string name = set.LabelOf(run) + (run.Status == RunStatus.Completed ? "" : $" ({run.Status.ToString().ToLowerInvariant()})");
            string colour = Palette[i % Palette.Count];
            var validation = run.Metrics.Where(r => r.ValidationLoss is not null).ToList();
            var blocks = run.Metrics.Chunk((run.Metrics.Count + MaxTrainPoints - 1) / MaxTrainPoints).ToList();
            var train = C.Line<double, double, string>(
                x: blocks.Select(b => X(b[^1])), y: blocks.Select(b => TrainingMetrics.BitsPerChar(b.Average(r => r.TrainLoss))),
                Name: name, ShowLegend: validation.Count == 0, LineColor: Color.fromHex(colour), LineDash: StyleParam.DrawingStyle.Dash, LineWidth: 1.2);
            traces.Add(Tagged(train, i, name, $"train %{{y:.4f}} bits/char at {axis} %{{x}}"));
            if (validation.Count > 0)
            {
                var valid = C.Line<double, double, string>(
                    x: validation.Select(X), y: validation.Select(r => r.ValidationBpc!.Value),
                    Name: name, ShowMarkers: true, LineColor: Color.fromHex(colour), MarkerColor: Color.fromHex(colour), LineWidth: 2.2);
                traces.Add(Tagged(valid, i, name, $"validation %{{y:.4f}} bits/char at {axis} %{{x}}"));
            }
        }
        var chart = Plot.Titled(C.Combine(traces), $"Bits per character against {(bySeconds ? "training time" : "step")}: validation solid, training dashed",
            bySeconds ? "training time (s)" : "step", "bits per character", height: 520);
        Plot.WithLayoutProperty(chart, "hovermode", "closest");
        return new ReportFigure($"curves-{axis}", "Learning curves",
            $"Every run's losses against {(bySeconds ? "seconds of training" : "optimizer steps")}. Training lines are means over blocks of steps "
            + $"(at most {MaxTrainPoints} points a run). Click a run in the legend to hide it, double-click to show it alone; the boxes above hide runs by knob value.",
            chart);
    }

    /// <summary>The best validation bits/char at each pair of values of two knobs (mean over seeds; the best over any other knobs).</summary>
    public static ReportFigure Heatmap(RunFrames frames, string rowKnob, string columnKnob)
    {
        var pivot = frames.Pivot(rowKnob, columnKnob);
        var rows = KnobValues.Ordered(pivot.RowKeys);
        var columns = KnobValues.Ordered(pivot.ColumnKeys);
        double Z(string r, string c) => pivot.TryGetColumn<double>(c, Deedle.Lookup.Exact) is { HasValue: true } col && col.Value.TryGet(r) is { HasValue: true } v ? v.Value : double.NaN;
        var z = rows.Select(r => columns.Select(c => Z(r, c)).ToArray()).ToArray();
        var text = z.Select(row => row.Select(v => double.IsNaN(v) ? "" : v.ToString("0.000", CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var heat = C.Heatmap<double, string, string, string>(
            zData: z, X: columns.ToArray(), Y: rows.ToArray(),
            ColorScale: StyleParam.Colorscale.Viridis, ReverseScale: true);
        // a cell that no run filled is a gap, not a number
        Plot.WithTraceProperty(heat, "z", z.Select(row => row.Select(v => double.IsNaN(v) ? (object?)null : v).ToArray()).ToArray());
        Plot.WithTraceProperty(heat, "text", text);
        Plot.WithTraceProperty(heat, "texttemplate", "%{text}");
        Plot.WithTraceProperty(heat, "hovertemplate", $"{rowKnob}=%{{y}} {columnKnob}=%{{x}}<br>best validation %{{z:.4f}} bits/char<extra></extra>");
        Plot.WithTraceProperty(heat, "colorbar", new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = "bits/char" } });
        var others = frames.GroupKnobs.Where(k => k != rowKnob && k != columnKnob).ToList();
        var chart = Plot.Titled(heat, $"Best validation bits/char over {rowKnob} and {columnKnob} (lower is better)", columnKnob, rowKnob, width: 900, height: 520);
        Plot.WithLayoutProperty(chart, "xaxis", new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = columnKnob }, ["type"] = "category" });
        Plot.WithLayoutProperty(chart, "yaxis", new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = rowKnob }, ["type"] = "category" });
        return new ReportFigure("sweep-heatmap", "The sweep",
            "Each cell: the lowest validation loss a run reached" + (frames.HasRepeats ? ", averaged over seeds" : "")
            + (others.Count > 0 ? $", the best over {string.Join(", ", others)}" : "") + ". An empty cell was not trained or did not complete.", chart);
    }

    /// <summary>Best validation bits/char against the one knob of the sweep, mean ± standard deviation over seeds.</summary>
    public static ReportFigure AgainstKnob(RunFrames frames, string knob)
    {
        var groups = frames.Groups!;
        var values = groups.GetColumn<string>(knob).Values.ToList();
        var means = groups.GetColumn<double>("best_validation_bpc_mean");
        var spreads = groups.GetColumn<double>("best_validation_bpc_std");
        var order = KnobValues.Ordered(values).Select(v => values.IndexOf(v)).ToList();
        double At(Deedle.Series<int, double> s, int i) => s.TryGet(i) is { HasValue: true } v ? v.Value : double.NaN;
        var point = C.Point<string, double, string>(x: order.Select(i => values[i]), y: order.Select(i => At(means, i)), Name: "best validation");
        point = Chart.withYError(Plotly.NET.TraceObjects.Error.init<double, double>(
            null, null, null, Plot.Some<IEnumerable<double>>(order.Select(i => At(spreads, i) is var s && double.IsNaN(s) ? 0 : s).ToArray()),
            null, null, null, null, null, null, null, null, null, null, null)).Invoke(point);
        Plot.WithTraceProperty(point, "marker", new Dictionary<string, object> { ["size"] = 11 });
        var chart = Plot.Titled(point, $"Best validation bits/char against {knob} (lower is better)", knob, "bits per character", width: 900, height: 460);
        Plot.WithLayoutProperty(chart, "xaxis", new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = knob }, ["type"] = "category" });
        return new ReportFigure("sweep-knob", "The sweep",
            frames.HasRepeats ? "Mean over seeds, bars one standard deviation either side." : "One run per value.", chart);
    }

    /// <summary>One line per completed run through every knob to its best validation bits/char, coloured by it; drag along an
    /// axis to keep only the runs in a range.</summary>
    public static ReportFigure ParallelCoordinates(ExperimentSet set)
    {
        var runs = set.Runs.Where(r => r.Status == RunStatus.Completed && r.BestValidation is not null).ToList();
        var dimensions = new List<Plotly.NET.TraceObjects.Dimension>();
        foreach (string knob in set.Knobs)
        {
            var values = runs.Select(r => set.ValueOf(r, knob)).ToList();
            var ordered = KnobValues.Ordered(values);
            bool numeric = values.All(v => KnobValues.IsNumber(v, out _));
            var positions = values.Select(v => numeric && KnobValues.IsNumber(v, out double x) ? x : ordered.ToList().IndexOf(v)).ToArray();
            var ticks = ordered.Select(v => numeric && KnobValues.IsNumber(v, out double x) ? x : ordered.ToList().IndexOf(v)).ToArray();
            dimensions.Add(Plotly.NET.TraceObjects.Dimension.initParallel<string, string, double, double>(
                null, Plot.Some(knob), null, null, null, null, null, Plot.Some<IEnumerable<string>>(ordered), Plot.Some<IEnumerable<double>>(ticks),
                Plot.Some<IEnumerable<double>>(positions), null, null));
        }
        var best = runs.Select(r => r.BestValidation!.Value.Bpc).ToArray();
        dimensions.Add(Plotly.NET.TraceObjects.Dimension.initParallel<string, string, double, double>(
            null, Plot.Some("best validation bits/char"), null, null, null, null, null, null, null, Plot.Some<IEnumerable<double>>(best), null, null));
        var chart = C.ParallelCoord(dimensions, LineColor: Color.fromColorScaleValues(best), LineColorScale: StyleParam.Colorscale.Viridis,
            ShowLineColorScale: true, ReverseLineColorScale: true);
        chart = Plot.Titled(chart, "Every knob of every completed run, to its best validation bits/char", null, null, height: 460);
        return new ReportFigure("sweep-parallel", "The sweep",
            "One line per completed run, coloured by its best validation loss (yellow is lower). Drag along an axis to keep only the runs in a range.", chart);
    }

    /// <summary>ForecastValidator's five fractions for each run that scored its samples as forecasts.</summary>
    public static ReportFigure Scores(ExperimentSet set)
    {
        var runs = set.Runs.Where(r => r.Scores is not null).ToList();
        var labels = runs.Select(set.LabelOf).ToArray();
        var bars = runs[0].Scores!.Fractions.Select((measure, m) =>
            C.Column<double, string, string>(values: runs.Select(r => r.Scores!.Fractions[m].Fraction), Keys: labels, Name: measure.Measure)).ToList();
        var chart = Plot.Titled(C.Combine(bars), "The validator's scores of each run's samples", null, "fraction of products", height: 480);
        Plot.WithLayoutProperty(chart, "barmode", "group");
        Plot.WithLayoutProperty(chart, "yaxis", new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = "fraction" }, ["range"] = new[] { 0.0, 1.0 } });
        return new ReportFigure("scores", "Validator scores",
            $"ForecastValidator on the samples each run wrote at its end (samples.txt: products primed with validation headers): parsed is a fraction of the products, the other four of the parsed ones.",
            chart);
    }

    private static GenericChart Tagged(GenericChart trace, int run, string name, string hover)
    {
        Plot.WithTraceProperty(trace, "legendgroup", $"run{run}");
        Plot.WithTraceProperty(trace, "meta", run);
        Plot.WithTraceProperty(trace, "hovertemplate", $"{System.Net.WebUtility.HtmlEncode(name)}<br>{hover}<extra></extra>");
        return trace;
    }
}

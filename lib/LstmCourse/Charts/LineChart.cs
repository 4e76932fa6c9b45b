using LstmCourse.Display;
namespace LstmCourse.Charts;

/// <summary>A named line of points (X[k], Y[k]); <see cref="Dashed"/> draws it dashed (e.g. validation next to training).
/// With <see cref="Low"/> and <see cref="High"/> a shaded band from Low[k] to High[k] is drawn behind it (the spread of
/// several runs around their mean).</summary>
public sealed record LineSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, bool Dashed,
    IReadOnlyList<double>? Low = null, IReadOnlyList<double>? High = null)
{
    /// <summary>How many points have a NaN or infinite coordinate; they are skipped, leaving a gap in the line.</summary>
    public int NonFiniteCount => X.Zip(Y).Count(p => !double.IsFinite(p.First) || !double.IsFinite(p.Second));
}

/// <summary>A labelled horizontal line across the plot, such as a baseline's loss.</summary>
public sealed record ReferenceLine(string Label, double Y);

/// <summary>Lines over x: loss curves, gradient norms, gate activations over time.</summary>
/// <remarks>
/// <code>
/// new LineChart("Loss", xLabel: "step", yLabel: "bits/char")
///     .Add("train", steps, trainLoss)
///     .Add("valid", validSteps, validLoss, dashed: true)
///     .AddReferenceLine("5-gram baseline", 2.1)
///     .AddWithBand("mean of 8 runs", L, mean, lowest, highest)     // a line with a shaded band behind it
/// </code>
/// NaN or infinite values are skipped, leaving a gap, and the legend says how many ("train (3 non-finite skipped)");
/// a point alone between gaps is drawn as a dot. An empty series shows "(no data)" in the legend; a chart with no finite
/// point says "no data" in the plot. A constant series gets a padded range. With <see cref="LogY"/>, a value ≤ 0 is an error
/// naming the series and index (a log axis cannot show it, and hiding it would hide a bug).
/// Very long series are thinned to four points per pixel column, which draws the same picture.
/// </remarks>
[TypeFormatterSource(typeof(ChartFormatterSource), PreferredMimeTypes = new[] { ChartFormatterSource.Svg, ChartFormatterSource.Html, ChartFormatterSource.Plain })]
public sealed class LineChart : Chart
{
    private static readonly string[] ReferenceDashes = ["6 4", "2 3", "9 3 2 3"];
    private readonly List<LineSeries> series = [];
    private readonly List<ReferenceLine> references = [];
    private (double Min, double Max)? yRange, xRange;

    public LineChart(string? title = null, string? xLabel = null, string? yLabel = null) : base(title)
    {
        XLabel = xLabel;
        YLabel = yLabel;
    }

    public string? XLabel { get; set; }
    public string? YLabel { get; set; }

    /// <summary>Base-10 log y axis with decades as ticks; every plotted y must be positive.</summary>
    public bool LogY { get; set; }

    /// <summary>Draws a marker at every point (in the series' shape).</summary>
    public bool Markers { get; set; }

    /// <summary>A fixed y range (lines leaving it are cut at the border); null for automatic.</summary>
    public (double Min, double Max)? YRange { get => yRange; set => yRange = Inputs.Range(this, nameof(YRange), value); }

    /// <summary>A fixed x range; null for automatic.</summary>
    public (double Min, double Max)? XRange { get => xRange; set => xRange = Inputs.Range(this, nameof(XRange), value); }

    public IReadOnlyList<LineSeries> Series => series;
    public IReadOnlyList<ReferenceLine> ReferenceLines => references;

    /// <summary>Adds a series drawn over its index: x = 0, 1, 2, ….</summary>
    public LineChart Add(string name, IEnumerable<double> y, bool dashed = false)
    {
        var ys = Inputs.Values(this, name, nameof(y), y);
        return Add(name, Enumerable.Range(0, ys.Length).Select(k => (double)k), ys, dashed);
    }

    /// <summary>Adds a single-precision series drawn over its index: x = 0, 1, 2, ….</summary>
    public LineChart Add(string name, IEnumerable<float> y, bool dashed = false) => Add(name, y?.Select(v => (double)v)!, dashed);

    /// <summary>Adds a series of points (x[k], y[k]); x and y must have the same length.</summary>
    public LineChart Add(string name, IEnumerable<double> x, IEnumerable<double> y, bool dashed = false)
    {
        Inputs.Name(this, name, "series", series.Select(s => s.Name));
        var xs = Inputs.Values(this, name, nameof(x), x);
        var ys = Inputs.Values(this, name, nameof(y), y);
        Inputs.SameLength(this, name, xs.Length, ys.Length);
        series.Add(new LineSeries(name, xs, ys, dashed));
        return this;
    }

    /// <summary>Adds a series (x[k], y[k]) with a shaded band from low[k] to high[k] behind it, in the series' colour:
    /// for example the mean of several runs, with the lowest and highest run as the band.</summary>
    public LineChart AddWithBand(string name, IEnumerable<double> x, IEnumerable<double> y, IEnumerable<double> low, IEnumerable<double> high, bool dashed = false)
    {
        Inputs.Name(this, name, "series", series.Select(s => s.Name));
        var xs = Inputs.Values(this, name, nameof(x), x);
        var ys = Inputs.Values(this, name, nameof(y), y);
        var lo = Inputs.Values(this, name, nameof(low), low);
        var hi = Inputs.Values(this, name, nameof(high), high);
        Inputs.SameLength(this, name, xs.Length, ys.Length);
        Inputs.SameLength(this, name, xs.Length, lo.Length);
        Inputs.SameLength(this, name, xs.Length, hi.Length);
        for (int k = 0; k < xs.Length; k++)
            if (lo[k] > hi[k])
                throw new ArgumentException($"{Kind} '{Title}': series '{name}' has low[{k}] = {lo[k]} above high[{k}] = {hi[k]}; give low ≤ high.", nameof(low));
        series.Add(new LineSeries(name, xs, ys, dashed, lo, hi));
        return this;
    }

    /// <summary>Adds a dashed horizontal line at <paramref name="y"/>, named in the legend.</summary>
    public LineChart AddReferenceLine(string label, double y)
    {
        Inputs.Name(this, label, "reference line", references.Select(r => r.Label));
        if (!double.IsFinite(y))
            throw new ArgumentException($"{Kind} '{Title}': reference line '{label}' is at {y}; give a finite y.", nameof(y));
        references.Add(new ReferenceLine(label, y));
        return this;
    }

    internal override string Describe() =>
        $"{series.Count} series, {series.Sum(s => s.Y.Count)} points" + (references.Count > 0 ? $", {references.Count} reference line(s)" : "") + (LogY ? ", log y" : "");

    internal override void Draw(SvgWriter svg, double width, double height)
    {
        CheckLogScale();
        var finite = series.SelectMany(s => s.X.Zip(s.Y)).Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second)).ToArray();
        var bands = series.Where(s => s.Low is not null).SelectMany(s => s.Low!.Concat(s.High!)).Where(double.IsFinite);
        var ys = finite.Select(p => p.Second).Concat(references.Select(r => r.Y)).Concat(bands).ToArray();
        var (xLo, xHi) = finite.Length > 0 ? (finite.Min(p => p.First), finite.Max(p => p.First)) : (0.0, 1.0);
        var (yLo, yHi) = ys.Length > 0 ? (ys.Min(), ys.Max()) : LogY ? (1.0, 10.0) : (0.0, 1.0);

        var legend = series.Select((s, k) => new LegendItem(s.Name + Inputs.SkipNote(s.Y.Count, s.NonFiniteCount), Palette.Color(k), Swatch.Line, s.Dashed ? "7 4" : null))
            .Concat(references.Select((r, k) => new LegendItem(r.Label, SvgWriter.SubtleInk, Swatch.Line, ReferenceDashes[k % ReferenceDashes.Length])))
            .ToArray();
        var frame = Frame.Draw(svg, new FrameSpec(Title, legend, XLabel, YLabel,
            n => Axis.Linear(xRange?.Min ?? xLo, xRange?.Max ?? xHi, n, true),
            n => (LogY, yRange) switch
            {
                (true, var (a, b)) => Axis.Log(a, b, n, true),
                (true, null) => Axis.Log(yLo, yHi, n, false),
                (false, var (a, b)) => Axis.Linear(a, b, n, true),
                _ => Axis.Linear(yLo, yHi, n, false),
            }), width, height);
        var clip = new Box(frame.Left, frame.Top, frame.Right, frame.Bottom);

        svg.Open("g", SvgWriter.Attr("class", "reference-lines"));
        for (int k = 0; k < references.Count; k++)
        {
            double py = frame.Py(references[k].Y);
            if (!clip.Contains(frame.Left, py)) continue;
            svg.Line(frame.Left, py, frame.Right, py, SvgWriter.SubtleInk, 1.5,
                SvgWriter.Attr("class", "reference-line") + SvgWriter.Attr("data-label", references[k].Label) + SvgWriter.Attr("stroke-dasharray", ReferenceDashes[k % ReferenceDashes.Length]));
        }
        svg.Close("g");

        for (int k = 0; k < series.Count; k++)
            if (series[k].Low is not null) DrawBand(svg, frame, clip, series[k], k);
        for (int k = 0; k < series.Count; k++) DrawSeries(svg, frame, clip, series[k], k);
        if (finite.Length == 0) frame.NoData(svg);
    }

    private void DrawSeries(SvgWriter svg, Frame frame, Box clip, LineSeries s, int index)
    {
        string color = Palette.Color(index);
        var pixels = s.X.Zip(s.Y).Select(p => double.IsFinite(p.First) && double.IsFinite(p.Second)
            ? ((double X, double Y)?)(frame.Px(p.First), frame.Py(p.Second)) : null).ToArray();
        var (d, isolated) = PathBuilder.Build(pixels, clip);
        svg.Open("g", SvgWriter.Attr("class", "series") + SvgWriter.Attr("data-series", s.Name) + SvgWriter.Attr("fill", color));
        if (d.Length > 0)
            svg.Element("path", SvgWriter.Attr("d", d) + SvgWriter.Attr("fill", "none") + SvgWriter.Attr("stroke", color) + SvgWriter.Attr("stroke-width", 2)
                                + SvgWriter.Attr("stroke-linejoin", "round") + SvgWriter.Attr("stroke-linecap", "round")
                                + (s.Dashed ? SvgWriter.Attr("stroke-dasharray", "7 4") : ""));
        var dots = Markers ? pixels.OfType<(double X, double Y)>().Where(p => clip.Contains(p.X, p.Y)) : isolated;
        foreach (var (x, y) in dots) Marker.Draw(svg, Markers ? index : 0, x, y, Markers ? 3.5 : 2.5, color, SvgWriter.Attr("class", "point"));
        svg.Close("g");
    }

    /// <summary>The band from Low to High as one filled polygon per run of finite points, clamped to the plot.</summary>
    private static void DrawBand(SvgWriter svg, Frame frame, Box clip, LineSeries s, int index)
    {
        svg.Open("g", SvgWriter.Attr("class", "band") + SvgWriter.Attr("data-series", s.Name));
        double ClampX(double px) => Math.Clamp(px, clip.Left, clip.Right);
        double ClampY(double py) => Math.Clamp(py, clip.Top, clip.Bottom);
        int k = 0, n = s.X.Count;
        while (k < n)
        {
            bool Finite(int i) => double.IsFinite(s.X[i]) && double.IsFinite(s.Low![i]) && double.IsFinite(s.High![i]);
            if (!Finite(k)) { k++; continue; }
            int end = k;
            while (end + 1 < n && Finite(end + 1)) end++;
            var d = new System.Text.StringBuilder();
            for (int i = k; i <= end; i++)
                d.Append(i == k ? 'M' : 'L').Append(Numbers.Coord(ClampX(frame.Px(s.X[i])))).Append(',').Append(Numbers.Coord(ClampY(frame.Py(s.High![i])))).Append(' ');
            for (int i = end; i >= k; i--)
                d.Append('L').Append(Numbers.Coord(ClampX(frame.Px(s.X[i])))).Append(',').Append(Numbers.Coord(ClampY(frame.Py(s.Low![i])))).Append(' ');
            d.Append('Z');
            svg.Element("path", SvgWriter.Attr("d", d.ToString()) + SvgWriter.Attr("fill", Palette.Color(index)) + SvgWriter.Attr("fill-opacity", 0.18)
                                + SvgWriter.Attr("stroke", "none"));
            k = end + 1;
        }
        svg.Close("g");
    }

    private void CheckLogScale()
    {
        if (!LogY) return;
        if (yRange is var (min, _) && min <= 0)
            throw new ArgumentException($"{Kind} '{Title}': YRange starts at {min}, which a log-scale y axis cannot show; give a positive minimum or set LogY = false.");
        foreach (var s in series)
            for (int k = 0; k < s.Y.Count; k++)
                if (s.Y[k] <= 0 && double.IsFinite(s.Y[k]) && double.IsFinite(s.X[k]))
                    throw new ArgumentException($"{Kind} '{Title}': series '{s.Name}' has y[{k}] = {s.Y[k]}, which a log-scale y axis cannot show; set LogY = false or leave out values ≤ 0.");
        foreach (var s in series.Where(s => s.Low is not null))
            for (int k = 0; k < s.Low!.Count; k++)
                if (s.Low[k] <= 0 && double.IsFinite(s.Low[k]))
                    throw new ArgumentException($"{Kind} '{Title}': series '{s.Name}' has low[{k}] = {s.Low[k]}, which a log-scale y axis cannot show; set LogY = false or floor the band above 0.");
        foreach (var r in references.Where(r => r.Y <= 0))
            throw new ArgumentException($"{Kind} '{Title}': reference line '{r.Label}' is at {r.Y}, which a log-scale y axis cannot show; set LogY = false or remove it.");
    }
}

using LstmCourse.Display;
namespace LstmCourse.Charts;

/// <summary>A named set of 2-D points (one class).</summary>
public sealed record ScatterSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>2-D points coloured (and shaped) by class, optionally over the decision regions of a classifier.</summary>
/// <remarks>
/// <code>
/// new ScatterChart("XOR after training", "x1", "x2")
///     .AddClasses(points, labels, "false", "true")
///     .WithProbabilityRegions((x1, x2) => net.Predict(x1, x2))
/// </code>
/// Series k (class k) is drawn in <c>Palette.Color(k)</c>; the regions of class k use the same colour, lightened, so add
/// classes in order (<see cref="AddClasses"/> does). The region function is evaluated at the centre of each cell of a
/// <c>resolution x resolution</c> grid over the plot. Points with a NaN or infinite coordinate are skipped and counted
/// in the legend; a chart without points says "no data".
/// </remarks>
[TypeFormatterSource(typeof(ChartFormatterSource), PreferredMimeTypes = new[] { ChartFormatterSource.Svg, ChartFormatterSource.Html, ChartFormatterSource.Plain })]
public sealed class ScatterChart : Chart
{
    private readonly List<ScatterSeries> series = [];
    private (double Min, double Max)? xRange, yRange;
    private Func<double, double, Rgb>? regionColor;
    private Func<double, double, double>? probability;
    private bool stretch;
    private int resolution;

    public ScatterChart(string? title = null, string? xLabel = null, string? yLabel = null) : base(title)
    {
        XLabel = xLabel;
        YLabel = yLabel;
    }

    public string? XLabel { get; set; }
    public string? YLabel { get; set; }
    public (double Min, double Max)? XRange { get => xRange; set => xRange = Inputs.Range(this, nameof(XRange), value); }
    public (double Min, double Max)? YRange { get => yRange; set => yRange = Inputs.Range(this, nameof(YRange), value); }
    public IReadOnlyList<ScatterSeries> Series => series;

    /// <summary>True once a region function has been given.</summary>
    public bool HasRegions => regionColor is not null || probability is not null;

    /// <summary>Adds one class of points (x[k], y[k]).</summary>
    public ScatterChart Add(string name, IEnumerable<double> x, IEnumerable<double> y)
    {
        Inputs.Name(this, name, "series", series.Select(s => s.Name));
        var xs = Inputs.Values(this, name, nameof(x), x);
        var ys = Inputs.Values(this, name, nameof(y), y);
        Inputs.SameLength(this, name, xs.Length, ys.Length);
        series.Add(new ScatterSeries(name, xs, ys));
        return this;
    }

    /// <summary>Adds labelled points as one series per class 0, 1, …, max label, named <paramref name="classNames"/>[k] or "class k".</summary>
    public ScatterChart AddClasses(IReadOnlyList<(double X, double Y)> points, IReadOnlyList<int> labels, params string[] classNames)
    {
        if (points is null || labels is null)
            throw new ArgumentException($"ScatterChart '{Title}': points and labels must not be null; pass one class label per point.");
        if (points.Count != labels.Count)
            throw new ArgumentException($"ScatterChart '{Title}': {points.Count} points but {labels.Count} labels; give one class label per point.", nameof(labels));
        if (labels.Any(l => l < 0))
            throw new ArgumentException($"ScatterChart '{Title}': label {labels.First(l => l < 0)} is negative; classes are numbered 0, 1, 2, ….", nameof(labels));
        int classes = labels.Count == 0 ? 0 : labels.Max() + 1;
        if (classNames.Length > 0 && classNames.Length < classes)
            throw new ArgumentException($"ScatterChart '{Title}': {classes} classes but {classNames.Length} class names; name every class or none.", nameof(classNames));
        for (int k = 0; k < classes; k++)
        {
            var members = Enumerable.Range(0, points.Count).Where(i => labels[i] == k).Select(i => points[i]).ToArray();
            Add(classNames.Length > 0 ? classNames[k] : $"class {k}", members.Select(p => p.X), members.Select(p => p.Y));
        }
        return this;
    }

    /// <summary>Shades the background by the class <paramref name="classAt"/>(x, y) predicts (class k in a light Palette.Color(k)).</summary>
    public ScatterChart WithClassRegions(Func<double, double, int> classAt, int resolution = 60)
    {
        ArgumentNullException.ThrowIfNull(classAt);
        this.resolution = CheckResolution(resolution);
        probability = null;
        regionColor = (x, y) =>
        {
            int k = classAt(x, y);
            if (k < 0) throw new ArgumentException($"ScatterChart '{Title}': classAt({x}, {y}) returned {k}; classes are numbered 0, 1, 2, ….");
            return Rgb.Mix(Rgb.White, Rgb.Parse(Palette.Color(k)), 0.28);
        };
        return this;
    }

    /// <summary>Shades the background by P(class 1 | x, y) from <paramref name="probability"/>: class 0's colour near 0, white
    /// at 0.5, class 1's colour near 1. With <paramref name="stretch"/>, the shading is scaled so that the plot's largest
    /// |P − 0.5| gets the full colour: a classifier that is nearly undecided everywhere (P close to 0.5) still shows
    /// which side of 0.5 each point falls on and where its boundary runs (say so in the title).</summary>
    public ScatterChart WithProbabilityRegions(Func<double, double, double> probability, int resolution = 60, bool stretch = false)
    {
        ArgumentNullException.ThrowIfNull(probability);
        this.resolution = CheckResolution(resolution);
        regionColor = null;
        this.probability = probability;
        this.stretch = stretch;
        return this;
    }

    internal override string Describe() =>
        $"{series.Count} classes, {series.Sum(s => s.X.Count)} points" + (HasRegions ? ", with decision regions" : "");

    internal override void Draw(SvgWriter svg, double width, double height)
    {
        var finite = series.SelectMany(s => s.X.Zip(s.Y)).Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second)).ToArray();
        var (xLo, xHi) = Padded(finite.Select(p => p.First));
        var (yLo, yHi) = Padded(finite.Select(p => p.Second));
        var legend = series.Select((s, k) => new LegendItem(
            s.Name + Inputs.SkipNote(s.X.Count, s.X.Zip(s.Y).Count(p => !double.IsFinite(p.First) || !double.IsFinite(p.Second))),
            Palette.Color(k), Swatch.Marker, Shape: k)).ToArray();
        var frame = Frame.Draw(svg, new FrameSpec(Title, legend, XLabel, YLabel,
            n => Axis.Linear(xRange?.Min ?? xLo, xRange?.Max ?? xHi, n, true),
            n => Axis.Linear(yRange?.Min ?? yLo, yRange?.Max ?? yHi, n, true)), width, height);

        if (HasRegions) DrawRegions(svg, frame);
        var clip = new Box(frame.Left, frame.Top, frame.Right, frame.Bottom);
        for (int k = 0; k < series.Count; k++)
        {
            svg.Open("g", SvgWriter.Attr("class", "series") + SvgWriter.Attr("data-series", series[k].Name)
                          + SvgWriter.Attr("stroke", "#ffffff") + SvgWriter.Attr("stroke-width", 0.8));
            foreach (var (x, y) in series[k].X.Zip(series[k].Y))
            {
                if (!double.IsFinite(x) || !double.IsFinite(y)) continue;
                double px = frame.Px(x), py = frame.Py(y);
                if (clip.Contains(px, py)) Marker.Draw(svg, k, px, py, 4, Palette.Color(k), SvgWriter.Attr("class", "point"));
            }
            svg.Close("g");
        }
        if (finite.Length == 0) frame.NoData(svg);
    }

    private void DrawRegions(SvgWriter svg, Frame frame)
    {
        double cw = (frame.Right - frame.Left) / resolution, ch = (frame.Bottom - frame.Top) / resolution;
        double X(int c) => frame.X.Min + (c + 0.5) / resolution * (frame.X.Max - frame.X.Min);
        double Y(int r) => frame.Y.Max - (r + 0.5) / resolution * (frame.Y.Max - frame.Y.Min);
        var colors = new string[resolution, resolution];
        if (probability is not null)
        {
            var p = new double[resolution, resolution];
            double largest = 0;                                                      // largest |P − 0.5| on the plot
            for (int r = 0; r < resolution; r++)
                for (int c = 0; c < resolution; c++)
                {
                    p[r, c] = probability(X(c), Y(r));
                    if (!double.IsNaN(p[r, c])) largest = Math.Max(largest, Math.Abs(Math.Clamp(p[r, c], 0, 1) - 0.5));
                }
            double scale = stretch && largest > 0 ? 0.5 / largest : 1;
            for (int r = 0; r < resolution; r++)
                for (int c = 0; c < resolution; c++)
                {
                    double v = p[r, c];
                    colors[r, c] = double.IsNaN(v) ? "#e4e4e4"
                        : Rgb.Mix(Rgb.White, Rgb.Parse(Palette.Color(v < 0.5 ? 0 : 1)), Math.Min(0.5, scale * Math.Abs(Math.Clamp(v, 0, 1) - 0.5))).Hex;
                }
        }
        else
            for (int r = 0; r < resolution; r++)
                for (int c = 0; c < resolution; c++) colors[r, c] = regionColor!(X(c), Y(r)).Hex;

        svg.Open("g", SvgWriter.Attr("class", "regions") + SvgWriter.Attr("shape-rendering", "crispEdges"));
        for (int r = 0; r < resolution; r++)
        {
            double y0 = Math.Round(frame.Top + r * ch), y1 = Math.Round(frame.Top + (r + 1) * ch);
            for (int c = 0; c < resolution;)
            {
                int end = c + 1;
                while (end < resolution && colors[r, end] == colors[r, c]) end++;    // one rect per run of equal colour
                double x0 = Math.Round(frame.Left + c * cw), x1 = Math.Round(frame.Left + end * cw);
                svg.Rect(x0, y0, x1 - x0, y1 - y0, colors[r, c]);
                c = end;
            }
        }
        svg.Close("g");
        svg.Rect(frame.Left, frame.Top, frame.Right - frame.Left, frame.Bottom - frame.Top, "none", SvgWriter.Attr("stroke", SvgWriter.AxisColor) + SvgWriter.Attr("stroke-width", 0.5));
    }

    private int CheckResolution(int value) => value is >= 2 and <= 400 ? value
        : throw new ArgumentException($"ScatterChart '{Title}': resolution {value} is out of range; use 2 to 400 cells per side (default 60).", nameof(resolution));

    /// <summary>The values' range widened by 5% on each side (so points do not sit on the frame); [0, 1] when there are none.</summary>
    private static (double Lo, double Hi) Padded(IEnumerable<double> values)
    {
        var v = values.ToArray();
        if (v.Length == 0) return (0, 1);
        double lo = v.Min(), hi = v.Max(), pad = (hi - lo) * 0.05;
        return (lo - pad, hi + pad);
    }
}

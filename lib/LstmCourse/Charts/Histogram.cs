using LstmCourse.Display;
namespace LstmCourse.Charts;

/// <summary>A named sample of values to bin.</summary>
public sealed record HistogramSeries(string Name, IReadOnlyList<double> Values)
{
    public int NonFiniteCount => Values.Count(v => !double.IsFinite(v));
}

/// <summary>Shared bin edges (Edges.Count = bins + 1) and Counts[series][bin]; bin b holds Edges[b] ≤ v &lt; Edges[b+1] (the last bin includes its right edge).</summary>
public sealed record HistogramBins(IReadOnlyList<double> Edges, IReadOnlyList<IReadOnlyList<int>> Counts, IReadOnlyList<int> OutsideRange);

/// <summary>Counts of values per bin, for one sample or two or three overlaid with transparency (weights with and without L1).</summary>
/// <remarks>
/// <code>
/// new Histogram("Weights", xLabel: "w") { Bins = 40 }.Add("no penalty", w0).Add("L1 = 1e-3", w1)
/// </code>
/// All series share the bins: about <see cref="Bins"/> of them with 1-2-5 widths, centred on multiples of the width
/// (so 0 and whole numbers sit mid-bin), over the finite values; or exactly
/// <see cref="Bins"/> equal bins over a fixed <see cref="Range"/> (values outside it are left out; the legend counts them).
/// NaN and infinite values are left out and counted in the legend. With no values at all the chart says "no data".
/// </remarks>
[TypeFormatterSource(typeof(ChartFormatterSource), PreferredMimeTypes = new[] { ChartFormatterSource.Svg, ChartFormatterSource.Html, ChartFormatterSource.Plain })]
public sealed class Histogram : Chart
{
    private readonly List<HistogramSeries> series = [];
    private int bins = 30;
    private (double Min, double Max)? range;

    public Histogram(string? title = null, string? xLabel = null, string? yLabel = "count") : base(title)
    {
        XLabel = xLabel;
        YLabel = yLabel;
    }

    public string? XLabel { get; set; }
    public string? YLabel { get; set; }

    /// <summary>The number of bins wanted (default 30); automatic ranges round the width to 1, 2 or 5 times a power of ten.</summary>
    public int Bins
    {
        get => bins;
        set => bins = value is >= 1 and <= 1000 ? value : throw new ArgumentException($"Histogram '{Title}': Bins = {value}; use 1 to 1000 bins (default 30).", nameof(Bins));
    }

    /// <summary>A fixed range split into exactly <see cref="Bins"/> equal bins; null for automatic.</summary>
    public (double Min, double Max)? Range { get => range; set => range = Inputs.Range(this, nameof(Range), value); }

    public IReadOnlyList<HistogramSeries> Series => series;

    public Histogram Add(string name, IEnumerable<double> values)
    {
        Inputs.Name(this, name, "series", series.Select(s => s.Name));
        series.Add(new HistogramSeries(name, Inputs.Values(this, name, nameof(values), values)));
        return this;
    }

    /// <summary>Adds a sample of single-precision values (the fast engine's weights).</summary>
    public Histogram Add(string name, IEnumerable<float> values) => Add(name, values?.Select(v => (double)v)!);

    /// <summary>The bins every series shares and each series' counts.</summary>
    public HistogramBins ComputeBins()
    {
        var edges = Edges();
        int n = edges.Length - 1;
        var counts = new List<IReadOnlyList<int>>();
        var outside = new List<int>();
        foreach (var s in series)
        {
            var c = new int[n];
            int outsideCount = 0;
            foreach (var v in s.Values.Where(double.IsFinite))
            {
                if (v < edges[0] || v > edges[n]) { outsideCount++; continue; }
                int b = (int)Math.Floor((v - edges[0]) / (edges[n] - edges[0]) * n);
                b = Math.Clamp(b, 0, n - 1);
                while (b > 0 && v < edges[b]) b--;                          // rounding at an edge: the bin whose [lo, hi) holds v
                while (b < n - 1 && v >= edges[b + 1]) b++;
                c[b]++;
            }
            counts.Add(c);
            outside.Add(outsideCount);
        }
        return new HistogramBins(edges, counts, outside);
    }

    internal override string Describe() => $"{series.Count} series, {series.Sum(s => s.Values.Count)} values, {ComputeBins().Edges.Count - 1} bins";

    internal override void Draw(SvgWriter svg, double width, double height)
    {
        var bins = ComputeBins();
        var edges = bins.Edges;
        int maxCount = bins.Counts.SelectMany(c => c).DefaultIfEmpty(0).Max();
        double opacity = series.Count > 1 ? 0.45 : 0.8;
        var legend = series.Select((s, k) => new LegendItem(
            s.Name + Inputs.SkipNote(s.Values.Count, s.NonFiniteCount) + (bins.OutsideRange[k] > 0 ? $" ({bins.OutsideRange[k]} outside range)" : ""),
            Palette.Color(k), Swatch.Box, Opacity: opacity)).ToArray();
        var frame = Frame.Draw(svg, new FrameSpec(Title, legend, XLabel, YLabel,
            n => Axis.Linear(edges[0], edges[^1], n, true),
            n => Axis.Linear(0, Math.Max(1, maxCount), n, false)), width, height);

        for (int k = 0; k < series.Count; k++)
        {
            string color = Palette.Color(k);
            svg.Open("g", SvgWriter.Attr("class", "series") + SvgWriter.Attr("data-series", series[k].Name) + SvgWriter.Attr("fill", color)
                          + SvgWriter.Attr("fill-opacity", opacity));
            var outline = new System.Text.StringBuilder();
            for (int b = 0; b < edges.Count - 1; b++)
            {
                int count = bins.Counts[k][b];
                double x0 = frame.Px(edges[b]), x1 = frame.Px(edges[b + 1]), y = frame.Py(count);
                outline.Append(b == 0 ? $"M{Numbers.Coord(x0)},{Numbers.Coord(frame.Bottom)} " : "")
                       .Append($"L{Numbers.Coord(x0)},{Numbers.Coord(y)} L{Numbers.Coord(x1)},{Numbers.Coord(y)} ");
                if (count == 0) continue;
                svg.Rect(x0, y, x1 - x0, frame.Bottom - y, color,
                    SvgWriter.Attr("class", "bin") + SvgWriter.Data("count", count) + SvgWriter.Data("lo", edges[b]) + SvgWriter.Data("hi", edges[b + 1]));
            }
            outline.Append($"L{Numbers.Coord(frame.Px(edges[^1]))},{Numbers.Coord(frame.Bottom)}");
            if (bins.Counts[k].Any(c => c > 0))
                svg.Element("path", SvgWriter.Attr("class", "outline") + SvgWriter.Attr("d", outline.ToString()) + SvgWriter.Attr("fill", "none")
                                    + SvgWriter.Attr("stroke", color) + SvgWriter.Attr("stroke-width", 1.5) + SvgWriter.Attr("stroke-linejoin", "round"));
            svg.Close("g");
        }
        if (maxCount == 0) frame.NoData(svg);
    }

    private double[] Edges()
    {
        if (range is var (min, max))
            return Enumerable.Range(0, bins + 1).Select(b => b == bins ? max : min + (max - min) * b / bins).ToArray();
        var finite = series.SelectMany(s => s.Values).Where(double.IsFinite).ToArray();
        double lo = finite.Length > 0 ? finite.Min() : 0, hi = finite.Length > 0 ? finite.Max() : 1;
        if (hi - lo <= Math.Max(Math.Abs(lo), Math.Abs(hi)) * 1e-12)
        {
            double pad = lo == 0 ? 0.5 : Math.Abs(lo) * 0.05;                  // constant values: one visible bin around them
            (lo, hi) = (lo - pad, hi + pad);
        }
        double width = NearestNiceWidth((hi - lo) / bins);
        long cLo = (long)Math.Floor(lo / width + 0.5 + 1e-9), cHi = (long)Math.Floor(hi / width + 0.5 + 1e-9);   // bin centres are multiples of width
        if ((cHi - 0.5) * width >= hi - width * 1e-9 && cHi > cLo) cHi--;                                      // hi on an edge: it closes the bin below
        int decimals = Math.Clamp(2 - (int)Math.Floor(Math.Log10(width)), 0, 15);
        return Enumerable.Range(0, (int)(cHi - cLo) + 2).Select(k => Math.Round((cLo + k - 0.5) * width, decimals)).ToArray();
    }

    /// <summary>1, 2 or 5 times a power of ten, whichever is nearest to <paramref name="raw"/> on a log scale.</summary>
    private static double NearestNiceWidth(double raw)
    {
        double mag = Axis.Pow10((int)Math.Floor(Math.Log10(raw)));
        return new[] { 1.0, 2, 5, 10 }.Select(m => m * mag).MinBy(c => Math.Abs(Math.Log(c / raw)));
    }
}

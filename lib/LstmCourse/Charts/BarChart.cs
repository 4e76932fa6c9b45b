using LstmCourse.Display;
namespace LstmCourse.Charts;

/// <summary>One value per category; <see cref="Name"/> is null for the single series of an ungrouped chart.</summary>
public sealed record BarSeries(string? Name, IReadOnlyList<double> Values);

/// <summary>Bars per category, from zero: one bar each, or a group of bars per category (one per series).</summary>
/// <remarks>
/// <code>
/// new BarChart("Final loss", yLabel: "bits/char").Add("RNN", 1.92).Add("LSTM", 1.41)                       // one bar per category
/// new BarChart("Final loss", ["RNN", "LSTM", "GRU"], yLabel: "bits/char").Add("train", [1.9, 1.4, 1.5]).Add("valid", [2.0, 1.5, 1.6])
/// </code>
/// A NaN or infinite value draws no bar and writes "NaN" at the baseline. A chart with no categories says "no data".
/// </remarks>
[TypeFormatterSource(typeof(ChartFormatterSource), PreferredMimeTypes = new[] { ChartFormatterSource.Svg, ChartFormatterSource.Html, ChartFormatterSource.Plain })]
public sealed class BarChart : Chart
{
    private readonly List<string> categories = [];
    private readonly List<BarSeries> series = [];
    private readonly List<double> single = [];
    private readonly bool grouped;
    private (double Min, double Max)? yRange;

    /// <summary>A bar chart; give <paramref name="categories"/> to add grouped series with <see cref="Add(string, IEnumerable{double})"/>,
    /// or none to add bars one by one with <see cref="Add(string, double)"/>.</summary>
    public BarChart(string? title = null, IEnumerable<string>? categories = null, string? xLabel = null, string? yLabel = null) : base(title)
    {
        XLabel = xLabel;
        YLabel = yLabel;
        if (categories is null) return;
        grouped = true;
        foreach (var c in categories) this.categories.Add(Inputs.Name(this, c, "category", this.categories));
    }

    public string? XLabel { get; set; }
    public string? YLabel { get; set; }

    /// <summary>Writes each bar's value above it (below for negative bars).</summary>
    public bool ShowValues { get; set; }

    /// <summary>A fixed y range (bars are cut at the border); null for automatic, which always includes 0.</summary>
    public (double Min, double Max)? YRange { get => yRange; set => yRange = Inputs.Range(this, nameof(YRange), value); }

    public IReadOnlyList<string> Categories => categories;

    public IReadOnlyList<BarSeries> Series => grouped ? series : categories.Count == 0 ? [] : [new BarSeries(null, single.ToArray())];

    /// <summary>Adds one bar (ungrouped charts, made without categories).</summary>
    public BarChart Add(string category, double value)
    {
        if (grouped)
            throw new ArgumentException($"BarChart '{Title}' was made with categories, so it takes whole series: use Add(seriesName, values) with one value per category.", nameof(category));
        categories.Add(Inputs.Name(this, category, "category", categories));
        single.Add(value);
        return this;
    }

    /// <summary>Adds a series with one value per category (grouped charts, made with categories).</summary>
    public BarChart Add(string name, IEnumerable<double> values)
    {
        if (!grouped)
            throw new ArgumentException($"BarChart '{Title}' was made without categories; pass categories to the constructor to add whole series, or use Add(category, value) for single bars.", nameof(name));
        Inputs.Name(this, name, "series", series.Select(s => s.Name!));
        var vs = Inputs.Values(this, name, nameof(values), values);
        if (vs.Length != categories.Count)
            throw new ArgumentException($"BarChart '{Title}': series '{name}' has {vs.Length} values but the chart has {categories.Count} categories; give one value per category.", nameof(values));
        series.Add(new BarSeries(name, vs));
        return this;
    }

    internal override string Describe() => grouped
        ? $"{categories.Count} categories x {series.Count} series"
        : $"{categories.Count} bars";

    internal override void Draw(SvgWriter svg, double width, double height)
    {
        var all = Series;
        var finite = all.SelectMany(s => s.Values).Where(double.IsFinite).Append(0.0).ToArray();
        var legend = all.Where(s => s.Name is not null).Select((s, k) => new LegendItem(s.Name!, Palette.Color(k), Swatch.Box)).ToArray();
        var frame = Frame.Draw(svg, new FrameSpec(Title, legend, XLabel, YLabel,
            _ => Axis.Bands(categories),
            n => yRange is var (a, b) ? Axis.Linear(a, b, n, true) : Axis.Linear(finite.Min(), finite.Max(), n, false),
            VerticalGrid: false), width, height);
        if (categories.Count == 0 || all.Count == 0)
        {
            frame.NoData(svg);
            return;
        }

        double band = (frame.Right - frame.Left) / categories.Count;
        double barWidth = band * 0.8 / all.Count;
        double zero = Math.Clamp(frame.Py(0), frame.Top, frame.Bottom);
        for (int k = 0; k < all.Count; k++)
        {
            string color = Palette.Color(k);
            svg.Open("g", SvgWriter.Attr("class", "series") + SvgWriter.Attr("data-series", all[k].Name ?? "") + SvgWriter.Attr("fill", color));
            for (int c = 0; c < categories.Count; c++)
            {
                double v = all[k].Values[c], x = frame.Left + c * band + band * 0.1 + k * barWidth;
                if (!double.IsFinite(v))
                {
                    svg.Text(x + barWidth / 2, zero - 4, "NaN", 10, "middle", SvgWriter.SubtleInk, SvgWriter.Attr("class", "missing"));
                    continue;
                }
                double y = Math.Clamp(frame.Py(v), frame.Top, frame.Bottom);
                svg.Rect(x + 0.5, Math.Min(y, zero), Math.Max(1, barWidth - 1), Math.Abs(zero - y), color,
                    SvgWriter.Attr("class", "bar") + SvgWriter.Attr("data-category", categories[c]) + SvgWriter.Data("value", v));
                if (ShowValues)
                    svg.Text(x + barWidth / 2, v >= 0 ? y - 4 : y + 12, Numbers.Short(v), 10, "middle", SvgWriter.Ink, SvgWriter.Attr("class", "bar-value"));
            }
            svg.Close("g");
        }
        if (zero > frame.Top && zero < frame.Bottom) svg.Line(frame.Left, zero, frame.Right, zero, SvgWriter.AxisColor, 1, SvgWriter.Attr("class", "baseline"));
    }
}

using LstmCourse.Display;
namespace LstmCourse.Charts;

/// <summary>Small charts in a grid, as one SVG: each chart is a nested <c>svg</c> with its own viewBox, drawn at the cell size.</summary>
/// <remarks>
/// <code>
/// new ChartGrid(columns: 2, title: "Gates over the sentence") { Width = 420, Height = 260 }
///     .Add(inputGate).Add(forgetGate).Add(cellCandidate).Add(outputGate)
/// </code>
/// For a grid, <see cref="Chart.Width"/> and <see cref="Chart.Height"/> are the size of each cell (default 400 x 260);
/// the grid is <c>min(columns, charts)</c> cells wide and as many rows high as needed, plus the title.
/// Each chart is laid out afresh for the cell, so its own Width and Height are not used.
/// </remarks>
[TypeFormatterSource(typeof(ChartFormatterSource), PreferredMimeTypes = new[] { ChartFormatterSource.Svg, ChartFormatterSource.Html, ChartFormatterSource.Plain })]
public sealed class ChartGrid : Chart
{
    private readonly List<Chart> charts = [];

    public ChartGrid(int columns, string? title = null) : base(title)
    {
        Columns = columns >= 1 ? columns : throw new ArgumentException($"ChartGrid '{title}': columns = {columns}; use 1 or more columns.", nameof(columns));
        Width = 400;
        Height = 260;
    }

    public int Columns { get; }
    public IReadOnlyList<Chart> Charts => charts;

    /// <summary>Adds charts, filling rows left to right.</summary>
    public ChartGrid Add(params Chart[] charts)
    {
        foreach (var chart in charts ?? [])
        {
            if (chart is null) throw new ArgumentException($"ChartGrid '{Title}': a chart is null; pass charts that exist.", nameof(charts));
            if (Contains(chart, this)) throw new ArgumentException($"ChartGrid '{Title}' cannot contain itself; add other charts.", nameof(charts));
            this.charts.Add(chart);
        }
        return this;
    }

    internal override (double Width, double Height) RenderSize
    {
        get
        {
            int cols = Math.Clamp(charts.Count, 1, Columns), rows = Math.Max(1, (charts.Count + Columns - 1) / Columns);
            return (cols * Width, TitleHeight + rows * Height);
        }
    }

    internal override string Describe() => $"{charts.Count} charts in {Columns} columns";

    internal override void Draw(SvgWriter svg, double width, double height)
    {
        Frame.DrawTitle(svg, Title, width);
        if (charts.Count == 0)
        {
            svg.Text(width / 2, (TitleHeight + height) / 2, "no charts", Frame.LabelSize, "middle", SvgWriter.SubtleInk, SvgWriter.Attr("class", "no-data"));
            return;
        }
        double cellW = width / Math.Clamp(charts.Count, 1, Columns), cellH = (height - TitleHeight) / Math.Max(1, (charts.Count + Columns - 1) / Columns);
        for (int k = 0; k < charts.Count; k++)
        {
            double x = k % Columns * cellW, y = TitleHeight + k / Columns * cellH;
            svg.Open("svg", SvgWriter.Attr("class", "cell " + charts[k].Kind) + SvgWriter.Attr("x", x) + SvgWriter.Attr("y", y)
                            + SvgWriter.Attr("width", cellW) + SvgWriter.Attr("height", cellH) + SvgWriter.Attr("viewBox", $"0 0 {Numbers.Coord(cellW)} {Numbers.Coord(cellH)}"));
            charts[k].Draw(svg, cellW, cellH);
            svg.Close("svg");
        }
    }

    private double TitleHeight => string.IsNullOrWhiteSpace(Title) ? 0 : 30;

    private static bool Contains(Chart chart, ChartGrid grid) =>
        ReferenceEquals(chart, grid) || (chart is ChartGrid inner && inner.charts.Any(c => Contains(c, grid)));
}

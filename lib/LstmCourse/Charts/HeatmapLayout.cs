namespace LstmCourse.Charts;

/// <summary>Draws a <see cref="Heatmap"/>: row labels left, column labels below (slanted or thinned when crowded), cells, colour bar right.</summary>
internal sealed class HeatmapLayout(Heatmap map, double[,] values)
{
    private const double LabelSize = 11, BarWidth = 14;

    public void Draw(SvgWriter svg, double width, double height)
    {
        int R = map.Rows, C = map.Columns;
        var (lo, hi) = map.ColorRange;
        bool anyMissing = values.Cast<double>().Any(v => !double.IsFinite(v));
        double top = Frame.DrawTitle(svg, map.Title, width) + 4;

        var barAxis = Axis.Linear(lo, hi, 5, fixedRange: true);
        double barLabels = barAxis.Ticks.Select(t => TextWidth.Of(t.Label, LabelSize)).Append(anyMissing ? TextWidth.Of("NaN", LabelSize) : 0).Max();
        double right = width - 12 - barLabels - 6 - BarWidth - 16;
        double yLabelSpace = string.IsNullOrWhiteSpace(map.YLabel) ? 0 : 20;
        double xLabelSpace = string.IsNullOrWhiteSpace(map.XLabel) ? 0 : 20;
        var rowNames = Names(map.RowLabels, R);
        double left = 12 + yLabelSpace + rowNames.Max(n => TextWidth.Of(n, LabelSize)) + 6;
        double cellW = (right - left) / C;

        var colNames = Names(map.ColumnLabels, C);
        bool singleChars = map.ColumnLabels is not null && colNames.All(n => n.Length <= 1);
        double colSize = singleChars ? Math.Clamp(cellW - 1, 7, LabelSize) : LabelSize;   // characters of a sentence: shrink to keep every one
        double widest = colNames.Max(n => TextWidth.Of(n, colSize));
        bool rotate = map.ColumnLabels is not null && widest + 3 > cellW && widest > 2 * LabelSize;
        int colEvery = rotate ? Every(LabelSize * 1.3, cellW, false) : Every(widest + (singleChars ? 1 : 6), cellW, map.ColumnLabels is null);
        double colLabelHeight = rotate ? Math.Min(widest, height * 0.25) * 0.77 + LabelSize + 4 : LabelSize + 8;
        double bottom = height - 10 - xLabelSpace - colLabelHeight;
        double cellH = (bottom - top) / R;
        int rowEvery = Every(LabelSize + 3, cellH, map.RowLabels is null);

        var xs = Edges(left, cellW, C);
        var ys = Edges(top, cellH, R);
        DrawCells(svg, xs, ys, lo, hi);
        DrawLabels(svg, xs, ys, rowNames, rowEvery, colNames, colEvery, colSize, rotate, bottom);
        DrawColorBar(svg, barAxis, right + 16, top, Math.Max(bottom, top + Math.Min(120, height - top - 16)), anyMissing);

        if (!string.IsNullOrWhiteSpace(map.XLabel))
            svg.Text((left + right) / 2, height - 12, map.XLabel, Frame.LabelSize, "middle", SvgWriter.Ink, SvgWriter.Attr("class", "x-label"));
        if (!string.IsNullOrWhiteSpace(map.YLabel))
        {
            double cx = 12 + Frame.LabelSize * 0.8, cy = (top + bottom) / 2;
            svg.Text(cx, cy, map.YLabel, Frame.LabelSize, "middle", SvgWriter.Ink,
                SvgWriter.Attr("class", "y-label") + SvgWriter.Attr("transform", $"rotate(-90 {Numbers.Coord(cx)} {Numbers.Coord(cy)})"));
        }
    }

    private void DrawCells(SvgWriter svg, double[] xs, double[] ys, double lo, double hi)
    {
        bool gaps = xs[1] - xs[0] >= 14 && ys[1] - ys[0] >= 14;
        svg.Open("g", SvgWriter.Attr("class", "cells") + SvgWriter.Attr("shape-rendering", "crispEdges")
                      + (gaps ? SvgWriter.Attr("stroke", "#ffffff") + SvgWriter.Attr("stroke-width", 1) : ""));
        for (int r = 0; r < map.Rows; r++)
        {
            svg.Open("g", SvgWriter.Attr("class", "row") + SvgWriter.Attr("data-row", r));
            for (int c = 0; c < map.Columns; c++)                          // kept lean (no class, row or column per cell): big maps stay small
            {
                double v = values[r, c];
                var color = double.IsFinite(v) ? map.Scale.RgbAt((v - lo) / (hi - lo)) : Rgb.Parse(SvgWriter.MissingColor);
                svg.Rect(xs[c], ys[r], xs[c + 1] - xs[c], ys[r + 1] - ys[r], color.Hex, " data-value=\"" + Numbers.Short(v) + "\"");
            }
            svg.Close("g");
        }
        svg.Close("g");
        if (!map.ShowValues) return;

        var texts = new string[map.Rows, map.Columns];
        int longest = 1;
        for (int r = 0; r < map.Rows; r++)
            for (int c = 0; c < map.Columns; c++) longest = Math.Max(longest, (texts[r, c] = Numbers.Short(values[r, c])).Length);
        double size = Math.Clamp(Math.Min((ys[1] - ys[0]) * 0.5, (xs[1] - xs[0]) / (longest * 0.62)), 6, 12);
        svg.Open("g", SvgWriter.Attr("class", "cell-values") + SvgWriter.Attr("font-size", size) + SvgWriter.Attr("text-anchor", "middle"));
        for (int r = 0; r < map.Rows; r++)
            for (int c = 0; c < map.Columns; c++)
            {
                double v = values[r, c];
                bool dark = double.IsFinite(v) && map.Scale.RgbAt((v - lo) / (hi - lo)).Luminance < 0.3;
                svg.Element("text", SvgWriter.Attr("x", (xs[c] + xs[c + 1]) / 2) + SvgWriter.Attr("y", (ys[r] + ys[r + 1]) / 2 + size * 0.35)
                                    + SvgWriter.Attr("fill", dark ? "#ffffff" : SvgWriter.Ink), texts[r, c]);
            }
        svg.Close("g");
    }

    private static void DrawLabels(SvgWriter svg, double[] xs, double[] ys, string[] rowNames, int rowEvery, string[] colNames, int colEvery, double colSize, bool rotate, double bottom)
    {
        svg.Open("g", SvgWriter.Attr("class", "row-labels"));
        for (int r = 0; r < rowNames.Length; r += rowEvery)
            svg.Text(xs[0] - 5, (ys[r] + ys[r + 1]) / 2 + LabelSize * 0.35, rowNames[r], LabelSize, "end", SvgWriter.SubtleInk, SvgWriter.Attr("data-row", r));
        svg.Close("g");
        svg.Open("g", SvgWriter.Attr("class", "column-labels"));
        for (int c = 0; c < colNames.Length; c += colEvery)
        {
            double cx = (xs[c] + xs[c + 1]) / 2, y = bottom + LabelSize + 3;
            string attrs = SvgWriter.Attr("data-col", c);
            if (rotate)
                svg.Text(cx + 3, y - 4, colNames[c], LabelSize, "end", SvgWriter.SubtleInk,
                    attrs + SvgWriter.Attr("transform", $"rotate(-50 {Numbers.Coord(cx + 3)} {Numbers.Coord(y - 4)})"));
            else
                svg.Text(cx, y, colNames[c], colSize, "middle", SvgWriter.SubtleInk, attrs);
        }
        svg.Close("g");
    }

    private void DrawColorBar(SvgWriter svg, Axis axis, double x, double top, double bottom, bool anyMissing)
    {
        const int Steps = 64;
        if (anyMissing) bottom -= 22;
        svg.Open("g", SvgWriter.Attr("class", "color-scale") + SvgWriter.Attr("data-scale", map.Scale.Name));
        double h = (bottom - top) / Steps;
        svg.Open("g", SvgWriter.Attr("shape-rendering", "crispEdges"));
        for (int k = 0; k < Steps; k++)                                  // k = 0 at the bottom: ColorAt(0) … ColorAt(1) at the top
            svg.Rect(x, bottom - (k + 1) * h, BarWidth, h + (k < Steps - 1 ? 0.6 : 0), map.Scale.ColorAt(k / (Steps - 1.0)),
                SvgWriter.Attr("class", "swatch") + SvgWriter.Data("t", k / (Steps - 1.0)));
        svg.Close("g");
        svg.Rect(x, top, BarWidth, bottom - top, "none", SvgWriter.Attr("stroke", SvgWriter.AxisColor) + SvgWriter.Attr("stroke-width", 0.5));
        foreach (var t in axis.Ticks)
        {
            double y = bottom - axis.Fraction(t.Value) * (bottom - top);
            svg.Line(x + BarWidth, y, x + BarWidth + 3, y, SvgWriter.AxisColor);
            svg.Text(x + BarWidth + 5, y + LabelSize * 0.35, t.Label, LabelSize, "start", SvgWriter.SubtleInk, SvgWriter.Attr("class", "tick") + SvgWriter.Data("value", t.Value));
        }
        if (anyMissing)
        {
            svg.Rect(x, bottom + 10, BarWidth, 10, SvgWriter.MissingColor, SvgWriter.Attr("class", "missing-swatch"));
            svg.Text(x + BarWidth + 5, bottom + 19, "NaN", LabelSize, "start", SvgWriter.SubtleInk);
        }
        svg.Close("g");
    }

    /// <summary>The given labels, or indexes 0, 1, 2, … when there are none.</summary>
    private static string[] Names(IReadOnlyList<string>? labels, int count) =>
        labels?.Select(l => l ?? "").ToArray() ?? Enumerable.Range(0, count).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Label every k-th cell so labels <paramref name="needed"/> pixels wide fit in cells <paramref name="cell"/> wide; index labels use k in 1, 2, 5, 10, ….</summary>
    private static int Every(double needed, double cell, bool indexes)
    {
        int k = Math.Max(1, (int)Math.Ceiling(needed / cell));
        if (!indexes) return k;
        int step = 1;
        for (int m = 0; step < k; m++) step = new[] { 1, 2, 5 }[m % 3] * (int)Math.Pow(10, m / 3);
        return step;
    }

    /// <summary>Cell edges start + k·size, on whole pixels when cells are big enough (so crisp edges leave no seams).</summary>
    private static double[] Edges(double start, double size, int count) =>
        Enumerable.Range(0, count + 1).Select(k => size >= 3 ? Math.Round(start + k * size) : start + k * size).ToArray();
}

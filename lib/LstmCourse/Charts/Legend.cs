namespace LstmCourse.Charts;

/// <summary>How a legend entry shows its series: a line (with optional dash), a filled box, or a point marker.</summary>
internal enum Swatch { Line, Box, Marker }

/// <summary>One legend entry.</summary>
internal sealed record LegendItem(string Label, string Color, Swatch Swatch, string? Dash = null, double Opacity = 1, int Shape = 0);

/// <summary>A legend laid out in centred rows between the title and the plot, so it never covers data.</summary>
internal static class Legend
{
    public const double RowHeight = 18, FontSize = 12;
    private const double SwatchWidth = 20, Gap = 16;

    /// <summary>The height the legend takes in a chart <paramref name="width"/> wide (0 when there are no items).</summary>
    public static double Height(IReadOnlyList<LegendItem> items, double width) => Rows(items, width).Count * RowHeight;

    public static void Draw(SvgWriter svg, IReadOnlyList<LegendItem> items, double top, double width)
    {
        if (items.Count == 0) return;
        svg.Open("g", SvgWriter.Attr("class", "legend"));
        var rows = Rows(items, width);
        for (int r = 0; r < rows.Count; r++)
        {
            double rowWidth = rows[r].Sum(ItemWidth) - Gap;
            double x = (width - rowWidth) / 2, cy = top + r * RowHeight + RowHeight / 2;
            foreach (var item in rows[r])
            {
                svg.Open("g", SvgWriter.Attr("class", "legend-item"));
                DrawSwatch(svg, item, x, cy);
                svg.Text(x + SwatchWidth + 5, cy + FontSize * 0.36, item.Label, FontSize);
                svg.Close("g");
                x += ItemWidth(item);
            }
        }
        svg.Close("g");
    }

    private static void DrawSwatch(SvgWriter svg, LegendItem item, double x, double cy)
    {
        string opacity = item.Opacity < 1 ? SvgWriter.Attr("fill-opacity", item.Opacity) : "";
        switch (item.Swatch)
        {
            case Swatch.Line:
                svg.Line(x, cy, x + SwatchWidth, cy, item.Color, 2.5, item.Dash is null ? "" : SvgWriter.Attr("stroke-dasharray", item.Dash));
                break;
            case Swatch.Box:
                svg.Rect(x + 3, cy - 6, 14, 12, item.Color, opacity + SvgWriter.Attr("stroke", item.Color));
                break;
            default:
                Marker.Draw(svg, item.Shape, x + SwatchWidth / 2, cy, 4.5, item.Color, SvgWriter.Attr("stroke", "#ffffff") + SvgWriter.Attr("stroke-width", 0.8));
                break;
        }
    }

    private static double ItemWidth(LegendItem item) => SwatchWidth + 5 + TextWidth.Of(item.Label, FontSize) + Gap;

    private static List<List<LegendItem>> Rows(IReadOnlyList<LegendItem> items, double width)
    {
        var rows = new List<List<LegendItem>>();
        double available = width - 24, used = 0;
        foreach (var whole in items)
        {
            var item = whole with { Label = TextWidth.Truncate(whole.Label, FontSize, available - SwatchWidth - 5) };
            if (rows.Count == 0 || (used + ItemWidth(item) - Gap > available && rows[^1].Count > 0))
            {
                rows.Add([]);
                used = 0;
            }
            rows[^1].Add(item);
            used += ItemWidth(item);
        }
        return rows;
    }
}

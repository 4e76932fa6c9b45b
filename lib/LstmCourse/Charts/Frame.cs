namespace LstmCourse.Charts;

/// <summary>What an x-y chart asks of its frame: title, legend, axis labels, and axes made for a target tick count.</summary>
internal sealed record FrameSpec(
    string? Title,
    IReadOnlyList<LegendItem> Legend,
    string? XLabel,
    string? YLabel,
    Func<int, Axis> MakeX,
    Func<int, Axis> MakeY,
    bool VerticalGrid = true);

/// <summary>The plot rectangle of an x-y chart with its axes drawn: title, legend, grid, ticks, tick labels, axis labels.</summary>
/// <remarks><see cref="Px"/> and <see cref="Py"/> map data to pixels; the plot area is the rect with class "plot-area".</remarks>
internal sealed class Frame
{
    public const double TitleSize = 15, LabelSize = 13, TickSize = 11;
    private const double TickLength = 4;

    private Frame(double left, double top, double right, double bottom, Axis x, Axis y)
    {
        (Left, Top, Right, Bottom, X, Y) = (left, top, right, bottom, x, y);
    }

    public double Left { get; }
    public double Top { get; }
    public double Right { get; }
    public double Bottom { get; }
    public Axis X { get; }
    public Axis Y { get; }

    public double Px(double x) => Left + X.Fraction(x) * (Right - Left);
    public double Py(double y) => Bottom - Y.Fraction(y) * (Bottom - Top);

    /// <summary>Draws the title (if any) centred at the top and returns the y where the content below it may start.</summary>
    public static double DrawTitle(SvgWriter svg, string? title, double width)
    {
        if (string.IsNullOrWhiteSpace(title)) return 10;
        double size = TitleSize;
        const double Bold = 1.12;                                     // bold glyphs are about 12% wider
        while (size > 11 && TextWidth.Of(title, size) * Bold > width - 24) size -= 0.5;
        svg.Text(width / 2, 24, TextWidth.Truncate(title, size, (width - 24) / Bold), size, "middle", SvgWriter.Ink, SvgWriter.Attr("class", "title") + SvgWriter.Attr("font-weight", "600"));
        return 34;
    }

    /// <summary>Lays out and draws the frame in a chart <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static Frame Draw(SvgWriter svg, FrameSpec spec, double width, double height)
    {
        double top = DrawTitle(svg, spec.Title, width);
        Legend.Draw(svg, spec.Legend, top, width);
        top += Legend.Height(spec.Legend, width) + (spec.Legend.Count > 0 ? 8 : 4);

        double xLabelSpace = string.IsNullOrWhiteSpace(spec.XLabel) ? 0 : 20;
        double yLabelSpace = string.IsNullOrWhiteSpace(spec.YLabel) ? 0 : 20;
        double tickLabelSpace = TickLength + 4 + TickSize + 2;
        double bottom = height - 10 - xLabelSpace - tickLabelSpace;
        Axis y = spec.MakeY(YTarget(bottom - top)), x;
        double left, right;
        bool rotate = false;
        int every = 1;
        double slantWidth = 0;
        while (true)
        {
            left = 12 + yLabelSpace + y.Ticks.Select(t => TextWidth.Of(t.Label, TickSize)).DefaultIfEmpty(0).Max() + TickLength + 5;
            right = width - 16;
            int target = Math.Clamp((int)((right - left) / 80), 2, 12);
            x = spec.MakeX(target);
            while (!x.IsBands && target > 2 && !FitsHorizontally(x, right - left)) x = spec.MakeX(--target);
            if (!x.IsBands && x.Ticks.Count > 0)
                right = Math.Min(right, width - 4 - TextWidth.Of(x.Ticks[^1].Label, TickSize) / 2);
            if (!x.IsBands) break;

            double band = (right - left) / Math.Max(1, x.Ticks.Count);
            double widest = x.Ticks.Select(t => TextWidth.Of(t.Label, TickSize)).DefaultIfEmpty(0).Max();
            if (widest <= band - 4 || rotate) break;
            rotate = true;                                            // category names too wide for their bands: slant them
            every = Math.Max(1, (int)Math.Ceiling(TickSize * 1.4 / band));
            slantWidth = Math.Min(widest, height * 0.3);
            bottom = height - 10 - xLabelSpace - TickLength - 6 - slantWidth * 0.64 - TickSize;
            y = spec.MakeY(YTarget(bottom - top));
        }

        var frame = new Frame(left, top, right, bottom, x, y);
        frame.DrawAxes(svg, spec, rotate, every, slantWidth);
        if (!string.IsNullOrWhiteSpace(spec.XLabel))
            svg.Text((left + right) / 2, height - 12, spec.XLabel, LabelSize, "middle", SvgWriter.Ink, SvgWriter.Attr("class", "x-label"));
        if (!string.IsNullOrWhiteSpace(spec.YLabel))
        {
            double cx = 12 + LabelSize * 0.8, cy = (top + bottom) / 2;
            svg.Text(cx, cy, spec.YLabel, LabelSize, "middle", SvgWriter.Ink,
                SvgWriter.Attr("class", "y-label") + SvgWriter.Attr("transform", $"rotate(-90 {Numbers.Coord(cx)} {Numbers.Coord(cy)})"));
        }
        return frame;
    }

    /// <summary>Writes a centred "no data" note in the plot area.</summary>
    public void NoData(SvgWriter svg, string note = "no data") =>
        svg.Text((Left + Right) / 2, (Top + Bottom) / 2, note, LabelSize, "middle", SvgWriter.SubtleInk, SvgWriter.Attr("class", "no-data"));

    private void DrawAxes(SvgWriter svg, FrameSpec spec, bool rotate, int every, double slantWidth)
    {
        svg.Rect(Left, Top, Right - Left, Bottom - Top, "#ffffff", SvgWriter.Attr("class", "plot-area"));
        svg.Open("g", SvgWriter.Attr("class", "grid") + SvgWriter.Attr("stroke", SvgWriter.GridColor) + SvgWriter.Attr("stroke-width", 1));
        foreach (var v in Y.MinorTicks) svg.Element("line", Horizontal(Py(v)) + SvgWriter.Attr("stroke-opacity", 0.55));
        foreach (var t in Y.Ticks) svg.Element("line", Horizontal(Py(t.Value)));
        if (spec.VerticalGrid && !X.IsBands)
            foreach (var t in X.Ticks) svg.Element("line", Vertical(Px(t.Value)));
        svg.Close("g");

        svg.Line(Left, Bottom, Right, Bottom, SvgWriter.AxisColor, 1, SvgWriter.Attr("class", "x-axis"));
        svg.Line(Left, Top, Left, Bottom, SvgWriter.AxisColor, 1, SvgWriter.Attr("class", "y-axis"));

        svg.Open("g", SvgWriter.Attr("class", "y-ticks"));
        foreach (var t in Y.Ticks)
        {
            double py = Py(t.Value);
            svg.Line(Left - TickLength, py, Left, py, SvgWriter.AxisColor);
            svg.Text(Left - TickLength - 3, py + TickSize * 0.35, t.Label, TickSize, "end", SvgWriter.SubtleInk,
                SvgWriter.Attr("class", t.Major ? "tick" : "tick minor") + SvgWriter.Data("value", t.Value));
        }
        svg.Close("g");

        svg.Open("g", SvgWriter.Attr("class", "x-ticks"));
        for (int k = 0; k < X.Ticks.Count; k++)
        {
            var t = X.Ticks[k];
            double px = Px(t.Value), ty = Bottom + TickLength + 3 + TickSize * 0.8;
            svg.Line(px, Bottom, px, Bottom + TickLength, SvgWriter.AxisColor);
            if (k % every != 0) continue;
            string attrs = SvgWriter.Attr("class", "tick") + (X.IsBands ? "" : SvgWriter.Data("value", t.Value));
            if (rotate)
                svg.Text(px + 3, ty - 2, TextWidth.Truncate(t.Label, TickSize, slantWidth), TickSize, "end", SvgWriter.SubtleInk,
                    attrs + SvgWriter.Attr("transform", $"rotate(-40 {Numbers.Coord(px + 3)} {Numbers.Coord(ty - 2)})"));
            else
                svg.Text(px, ty, t.Label, TickSize, "middle", SvgWriter.SubtleInk, attrs);
        }
        svg.Close("g");
    }

    private string Horizontal(double y) => SvgWriter.Attr("x1", Left) + SvgWriter.Attr("y1", y) + SvgWriter.Attr("x2", Right) + SvgWriter.Attr("y2", y);

    private string Vertical(double x) => SvgWriter.Attr("x1", x) + SvgWriter.Attr("y1", Top) + SvgWriter.Attr("x2", x) + SvgWriter.Attr("y2", Bottom);

    private static int YTarget(double plotHeight) => Math.Clamp((int)(plotHeight / 45), 2, 10);

    private static bool FitsHorizontally(Axis x, double plotWidth)
    {
        if (x.Ticks.Count < 2) return true;
        double spacing = plotWidth * Math.Abs(x.Fraction(x.Ticks[1].Value) - x.Fraction(x.Ticks[0].Value));
        return x.Ticks.All(t => TextWidth.Of(t.Label, TickSize) + 10 <= spacing);
    }
}

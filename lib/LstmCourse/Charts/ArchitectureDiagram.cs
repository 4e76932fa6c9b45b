using LstmCourse.Display;
namespace LstmCourse.Charts;

/// <summary>One recurrent architecture: which of its time steps take an input and which give an output.</summary>
public sealed record ArchitecturePanel(string Name, string? Example, IReadOnlyList<bool> Inputs, IReadOnlyList<bool> Outputs)
{
    /// <summary>T, the time steps drawn (one state box each).</summary>
    public int Steps => Inputs.Count;
}

/// <summary>Recurrent architectures side by side, in the style of Karpathy's "The Unreasonable Effectiveness of Recurrent
/// Neural Networks" (2015): per time step an input box below, a state box in the middle, an output box above where the
/// step has one; arrows carry x_t up into the state, the state up into y_t, and the state on to the next step.</summary>
/// <remarks>
/// <code>
/// new ArchitectureDiagram("Five architectures")
///     .Add("one to many", "image captioning", inputs: [true, false, false], outputs: [true, true, true])
/// </code>
/// Inputs are red, states green, outputs blue, as in Karpathy's picture. A panel's width is proportional to its steps.
/// Taught in notebooks/06-modeling-sequences.ipynb.
/// </remarks>
[TypeFormatterSource(typeof(ChartFormatterSource), PreferredMimeTypes = new[] { ChartFormatterSource.Svg, ChartFormatterSource.Html, ChartFormatterSource.Plain })]
public sealed class ArchitectureDiagram : Chart
{
    private const string InputFill = "#f6c7c3", InputStroke = "#c0392b";
    private const string StateFill = "#c8e6c9", StateStroke = "#2e7d32";
    private const string OutputFill = "#c6dcf2", OutputStroke = "#1f5f9e";
    private const string ArrowColor = "#555555";
    private readonly List<ArchitecturePanel> panels = [];

    public ArchitectureDiagram(string? title = null) : base(title)
    {
        Width = 860;
        Height = 270;
    }

    public IReadOnlyList<ArchitecturePanel> Panels => panels;

    /// <summary>Adds an architecture: <paramref name="inputs"/>[t] and <paramref name="outputs"/>[t] say whether step t takes
    /// an input and gives an output (same length, the steps; at least one of each).</summary>
    public ArchitectureDiagram Add(string name, string? example, IEnumerable<bool> inputs, IEnumerable<bool> outputs)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("name is empty; give the architecture a name such as \"one to many\".", nameof(name));
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        bool[] x = inputs.ToArray(), y = outputs.ToArray();
        if (x.Length == 0) throw new ArgumentException($"{name}: inputs is empty; give one entry per time step.", nameof(inputs));
        if (y.Length != x.Length)
            throw new ArgumentException($"{name}: inputs has {x.Length} steps but outputs has {y.Length}; give both one entry per time step.", nameof(outputs));
        if (!x.Any(b => b)) throw new ArgumentException($"{name}: no step takes an input; mark at least one with true.", nameof(inputs));
        if (!y.Any(b => b)) throw new ArgumentException($"{name}: no step gives an output; mark at least one with true.", nameof(outputs));
        panels.Add(new ArchitecturePanel(name, example, x, y));
        return this;
    }

    internal override string Describe() =>
        panels.Count == 0 ? "no architectures" : $"{panels.Count} architecture(s): {string.Join("; ", panels.Select(p => $"{p.Name} ({p.Inputs.Count(b => b)} in, {p.Outputs.Count(b => b)} out, {p.Steps} steps)"))}";

    internal override void Draw(SvgWriter svg, double width, double height)
    {
        double top = Frame.DrawTitle(svg, Title, width);
        if (panels.Count == 0)
        {
            svg.Text(width / 2, height / 2, "no architectures", Frame.LabelSize, "middle", SvgWriter.SubtleInk, SvgWriter.Attr("class", "empty"));
            return;
        }
        DrawKey(svg, width, top + 12);
        top += 28;

        const double labelSpace = 40, gap = 18, pitchRatio = 1.6;            // room for the names under the panels; px between panels; step pitch in box widths
        double LabelWidth(ArchitecturePanel p) => Math.Max(TextWidth.Of(p.Name, Frame.LabelSize) * 1.12, TextWidth.Of(p.Example, Frame.TickSize)) + 6;
        double PanelWidth(ArchitecturePanel p, double b) => Math.Max(p.Steps * b * pitchRatio, LabelWidth(p));
        double box = Math.Min((height - top - labelSpace - 10) / 4.6, 44);  // three rows of boxes and two gaps of 0.8 box
        while (box > 6 && panels.Sum(p => PanelWidth(p, box)) + gap * (panels.Count - 1) > width - 16) box -= 0.5;
        double pitch = box * pitchRatio;
        double used = panels.Sum(p => PanelWidth(p, box)) + gap * (panels.Count - 1);
        double x0 = (width - used) / 2;
        double rowGap = box * 0.8;
        double yOut = top + 4, yState = yOut + box + rowGap, yIn = yState + box + rowGap;

        foreach (var panel in panels)
        {
            svg.Open("g", SvgWriter.Attr("class", "architecture") + SvgWriter.Attr("data-name", panel.Name));
            double panelWidth = PanelWidth(panel, box);
            double left = x0 + (panelWidth - panel.Steps * pitch) / 2 + (pitch - box) / 2;
            for (int t = 0; t < panel.Steps; t++)
            {
                double x = left + t * pitch;
                Box(svg, x, yState, box, StateFill, StateStroke, "state");
                if (panel.Inputs[t])
                {
                    Box(svg, x, yIn, box, InputFill, InputStroke, "input");
                    Arrow(svg, x + box / 2, yIn, x + box / 2, yState + box);
                }
                if (panel.Outputs[t])
                {
                    Box(svg, x, yOut, box, OutputFill, OutputStroke, "output");
                    Arrow(svg, x + box / 2, yState, x + box / 2, yOut + box);
                }
                if (t + 1 < panel.Steps) Arrow(svg, x + box, yState + box / 2, x + pitch, yState + box / 2);
            }
            double centre = x0 + panelWidth / 2, maxText = panelWidth + gap - 4;
            double nameY = yIn + box + 18;
            svg.Text(centre, nameY, TextWidth.Truncate(panel.Name, Frame.LabelSize, maxText), Frame.LabelSize, "middle", SvgWriter.Ink,
                     SvgWriter.Attr("class", "architecture-name") + SvgWriter.Attr("font-weight", "600"));
            if (!string.IsNullOrWhiteSpace(panel.Example))
                svg.Text(centre, nameY + 16, TextWidth.Truncate(panel.Example, Frame.TickSize, maxText), Frame.TickSize, "middle", SvgWriter.SubtleInk,
                         SvgWriter.Attr("class", "architecture-example"));
            svg.Close("g");
            x0 += panelWidth + gap;
        }
    }

    private static void DrawKey(SvgWriter svg, double width, double cy)
    {
        (string Label, string Fill, string Stroke)[] key = [("input x_t", InputFill, InputStroke), ("state h_t", StateFill, StateStroke), ("output y_t", OutputFill, OutputStroke)];
        double itemWidth(string label) => 14 + 5 + TextWidth.Of(label, Legend.FontSize) + 16;
        double x = (width - key.Sum(k => itemWidth(k.Label)) + 16) / 2;
        svg.Open("g", SvgWriter.Attr("class", "legend"));
        foreach (var (label, fill, stroke) in key)
        {
            svg.Open("g", SvgWriter.Attr("class", "legend-item"));
            svg.Rect(x, cy - 6, 14, 12, fill, SvgWriter.Attr("stroke", stroke) + SvgWriter.Attr("rx", 2));
            svg.Text(x + 19, cy + Legend.FontSize * 0.36, label, Legend.FontSize);
            svg.Close("g");
            x += itemWidth(label);
        }
        svg.Close("g");
    }

    private static void Box(SvgWriter svg, double x, double y, double size, string fill, string stroke, string cls) =>
        svg.Rect(x, y, size, size, fill, SvgWriter.Attr("stroke", stroke) + SvgWriter.Attr("stroke-width", 1.5) + SvgWriter.Attr("rx", 3) + SvgWriter.Attr("class", cls));

    /// <summary>A line from (x1, y1) to (x2, y2) with a filled head at the end.</summary>
    private static void Arrow(SvgWriter svg, double x1, double y1, double x2, double y2)
    {
        double dx = x2 - x1, dy = y2 - y1, length = Math.Sqrt(dx * dx + dy * dy);
        if (length < 1e-9) return;
        double ux = dx / length, uy = dy / length, head = Math.Min(7, length * 0.45);
        double bx = x2 - ux * head, by = y2 - uy * head;                     // where the head starts
        svg.Open("g", SvgWriter.Attr("class", "arrow"));
        svg.Line(x1, y1, bx, by, ArrowColor, 1.5);
        string d = $"M{Numbers.Coord(x2)},{Numbers.Coord(y2)} L{Numbers.Coord(bx - uy * head * 0.5)},{Numbers.Coord(by + ux * head * 0.5)} " +
                   $"L{Numbers.Coord(bx + uy * head * 0.5)},{Numbers.Coord(by - ux * head * 0.5)} Z";
        svg.Element("path", SvgWriter.Attr("d", d) + SvgWriter.Attr("fill", ArrowColor));
        svg.Close("g");
    }
}

using LstmCourse.IO;
using LstmCourse.Display;
using System.Text;

namespace LstmCourse.Charts;

/// <summary>A chart drawn as standalone inline SVG: a white card with dark text, no scripts, fonts or CDNs, so it looks the same
/// in VS Code (light or dark theme), in the headless runner, on GitHub and offline.</summary>
/// <remarks>
/// A notebook cell that ends with a chart shows it: each concrete chart carries <see cref="TypeFormatterSourceAttribute"/>
/// and formats itself as image/svg+xml, text/html (the same SVG in a div) and text/plain (<see cref="ToString"/>).
/// Output is deterministic: the same chart gives byte-identical SVG.
/// </remarks>
public abstract class Chart
{
    private int width = 640, height = 360;

    protected Chart(string? title) => Title = title;

    /// <summary>The heading drawn at the top (none when null or empty).</summary>
    public string? Title { get; set; }

    /// <summary>Width in pixels (default 640).</summary>
    public int Width
    {
        get => width;
        set => width = value >= 120 ? value : throw new ArgumentException($"Width {value} is too small; use at least 120 pixels (the default is 640).", nameof(Width));
    }

    /// <summary>Height in pixels (default 360).</summary>
    public int Height
    {
        get => height;
        set => height = value >= 90 ? value : throw new ArgumentException($"Height {value} is too small; use at least 90 pixels (the default is 360).", nameof(Height));
    }

    /// <summary>The chart as a standalone SVG document (xmlns, width, height, viewBox).</summary>
    public string ToSvg()
    {
        var (w, h) = RenderSize;
        var svg = new SvgWriter();
        svg.Open("svg", SvgWriter.Attr("xmlns", "http://www.w3.org/2000/svg") + SvgWriter.Attr("width", w) + SvgWriter.Attr("height", h)
                        + SvgWriter.Attr("viewBox", $"0 0 {Numbers.Coord(w)} {Numbers.Coord(h)}") + SvgWriter.Attr("font-family", SvgWriter.FontFamily)
                        + SvgWriter.Attr("role", "img") + SvgWriter.Attr("class", "lstm-course-chart " + Kind));
        svg.Element("title", "", string.IsNullOrWhiteSpace(Title) ? Kind : Title);
        svg.Rect(0.5, 0.5, w - 1, h - 1, "#ffffff", SvgWriter.Attr("class", "background") + SvgWriter.Attr("rx", 8) + SvgWriter.Attr("stroke", "#d4d4d4"));
        Draw(svg, w, h);
        svg.Close("svg");
        return svg.ToString();
    }

    /// <summary>The SVG inside a <c>div</c>, for HTML outputs.</summary>
    public string ToHtml() => new StringBuilder()
        .Append("<div class=\"lstm-course-chart\" style=\"max-width:100%;overflow-x:auto;line-height:0\">\n")
        .Append(ToSvg())
        .Append("</div>")
        .ToString();

    /// <summary>Writes <see cref="ToSvg"/> to <paramref name="path"/> atomically (creating the folder if needed).</summary>
    public void SaveSvg(string path) => AtomicFile.WriteAllText(path, ToSvg());

    /// <summary>A one-line description, e.g. <c>LineChart 'Loss': 2 series, 120 points</c>.</summary>
    public override string ToString() => $"{Kind}{(string.IsNullOrWhiteSpace(Title) ? "" : $" '{Title}'")}: {Describe()}";

    /// <summary>The type name shown in descriptions and in the SVG's class.</summary>
    internal string Kind => GetType().Name;

    /// <summary>The size <see cref="ToSvg"/> draws at (a grid computes its own).</summary>
    internal virtual (double Width, double Height) RenderSize => (Width, Height);

    /// <summary>What the chart holds, after the "Kind 'Title': " prefix.</summary>
    internal abstract string Describe();

    /// <summary>Draws everything inside the card at the given size (a grid cell may differ from <see cref="Width"/> x <see cref="Height"/>).</summary>
    internal abstract void Draw(SvgWriter svg, double width, double height);
}

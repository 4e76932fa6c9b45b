using System.Text;

namespace LstmCourse.Charts;

/// <summary>Appends SVG elements, one per line, with escaped text and invariant-culture numbers.</summary>
/// <remarks>Attribute helpers <see cref="Attr(string, string)"/> return text such as <c> class="tick"</c> to pass as <c>attrs</c>.</remarks>
internal sealed class SvgWriter
{
    public const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
    public const string Ink = "#222222";           // titles and labels: dark text on the white card
    public const string SubtleInk = "#555555";     // tick labels, notes
    public const string AxisColor = "#8c8c8c";
    public const string GridColor = "#e8e8e8";
    public const string MissingColor = "#c8c8c8";  // NaN cells

    private readonly StringBuilder sb = new();

    public static string Attr(string name, string? value) => $" {name}=\"{Xml.Escape(value)}\"";

    public static string Attr(string name, double value) => $" {name}=\"{Numbers.Coord(value)}\"";

    public static string Data(string name, double value) => $" data-{name}=\"{Numbers.Data(value)}\"";

    public void Open(string tag, string attrs = "") => sb.Append('<').Append(tag).Append(attrs).Append(">\n");

    public void Close(string tag) => sb.Append("</").Append(tag).Append(">\n");

    public void Element(string tag, string attrs, string? text = null)
    {
        sb.Append('<').Append(tag).Append(attrs);
        if (text is null) sb.Append("/>\n");
        else sb.Append('>').Append(Xml.Escape(text)).Append("</").Append(tag).Append(">\n");
    }

    public void Rect(double x, double y, double w, double h, string fill, string attrs = "") =>
        Element("rect", Attr("x", x) + Attr("y", y) + Attr("width", Math.Max(0, w)) + Attr("height", Math.Max(0, h)) + Attr("fill", fill) + attrs);

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string attrs = "") =>
        Element("line", Attr("x1", x1) + Attr("y1", y1) + Attr("x2", x2) + Attr("y2", y2) + Attr("stroke", stroke) + Attr("stroke-width", width) + attrs);

    public void Circle(double cx, double cy, double r, string fill, string attrs = "") =>
        Element("circle", Attr("cx", cx) + Attr("cy", cy) + Attr("r", r) + Attr("fill", fill) + attrs);

    /// <summary>A text element; <paramref name="anchor"/> is start, middle or end.</summary>
    public void Text(double x, double y, string text, double size, string anchor = "start", string fill = Ink, string attrs = "") =>
        Element("text", Attr("x", x) + Attr("y", y) + Attr("font-size", size) + Attr("text-anchor", anchor) + Attr("fill", fill) + attrs, text);

    public override string ToString() => sb.ToString();
}

namespace LstmCourse.Charts;

/// <summary>Point markers: a different shape per series (circle, square, triangle, diamond, inverted triangle), so classes differ without colour.</summary>
internal static class Marker
{
    public static void Draw(SvgWriter svg, int shape, double cx, double cy, double r, string fill, string attrs = "")
    {
        switch (((shape % 5) + 5) % 5)
        {
            case 0:
                svg.Circle(cx, cy, r, fill, attrs);
                break;
            case 1:
                double s = r * 0.9;
                svg.Rect(cx - s, cy - s, 2 * s, 2 * s, fill, attrs);
                break;
            case 2:
                Polygon(svg, fill, attrs, (cx, cy - 1.25 * r), (cx + 1.1 * r, cy + 0.75 * r), (cx - 1.1 * r, cy + 0.75 * r));
                break;
            case 3:
                Polygon(svg, fill, attrs, (cx, cy - 1.25 * r), (cx + 1.25 * r, cy), (cx, cy + 1.25 * r), (cx - 1.25 * r, cy));
                break;
            default:
                Polygon(svg, fill, attrs, (cx, cy + 1.25 * r), (cx + 1.1 * r, cy - 0.75 * r), (cx - 1.1 * r, cy - 0.75 * r));
                break;
        }
    }

    private static void Polygon(SvgWriter svg, string fill, string attrs, params (double X, double Y)[] corners) =>
        svg.Element("polygon", SvgWriter.Attr("points", string.Join(" ", corners.Select(p => Numbers.Coord(p.X) + "," + Numbers.Coord(p.Y))))
                               + SvgWriter.Attr("fill", fill) + attrs);
}

using System.Globalization;
using System.Xml.Linq;
using LstmCourse.Charts;

namespace LstmCourse.Tests.Charts;

/// <summary>Reads a chart's SVG back as XML, to check its structure rather than search its text.</summary>
internal static class SvgQuery
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static XElement Parse(Chart chart) => XDocument.Parse(chart.ToSvg()).Root!;

    /// <summary>Elements whose class list contains <paramref name="cls"/>.</summary>
    public static IEnumerable<XElement> ByClass(this XElement root, string cls) =>
        root.DescendantsAndSelf().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cls) == true);

    public static XElement One(this XElement root, string cls) => Assert.Single(root.ByClass(cls));

    public static double Num(this XElement e, string attribute) =>
        double.Parse((string?)e.Attribute(attribute) ?? throw new InvalidOperationException($"<{e.Name.LocalName}> has no {attribute}"), CultureInfo.InvariantCulture);

    public static string[] Texts(this IEnumerable<XElement> elements) => elements.Select(e => e.Value).ToArray();

    /// <summary>The legend entries' labels.</summary>
    public static string[] LegendLabels(this XElement root) => root.ByClass("legend-item").Select(i => i.Element(Ns + "text")!.Value).ToArray();

    /// <summary>The values of the labelled ticks in a group ("x-ticks" or "y-ticks").</summary>
    public static double[] TickValues(this XElement root, string group, bool majorOnly = false) =>
        root.One(group).ByClass("tick").Where(t => !majorOnly || !((string)t.Attribute("class")!).Contains("minor")).Select(t => t.Num("data-value")).ToArray();

    /// <summary>The plot area's rectangle (left, top, right, bottom).</summary>
    public static (double Left, double Top, double Right, double Bottom) PlotArea(this XElement root)
    {
        var r = root.One("plot-area");
        return (r.Num("x"), r.Num("y"), r.Num("x") + r.Num("width"), r.Num("y") + r.Num("height"));
    }

    /// <summary>The points of an SVG path made of M and L commands.</summary>
    public static (double X, double Y)[] PathPoints(string d) => d
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(cmd => cmd[1..].Split(','))
        .Select(xy => (double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture)))
        .ToArray();

    /// <summary>True when step is 1, 2 or 5 times a power of ten and every value is a whole multiple of it.</summary>
    public static bool AreNice(double[] ticks)
    {
        if (ticks.Length < 2) return false;
        double step = ticks[1] - ticks[0];
        double mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step)));
        bool oneTwoFive = new[] { 1.0, 2, 5, 10 }.Any(m => Math.Abs(mantissa - m) < 1e-6);
        bool evenlySpaced = ticks.Zip(ticks.Skip(1)).All(p => Math.Abs(p.Second - p.First - step) < step * 1e-6);
        bool multiples = ticks.All(t => Math.Abs(t / step - Math.Round(t / step)) < 1e-6);
        return oneTwoFive && evenlySpaced && multiples;
    }
}

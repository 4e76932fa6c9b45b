using System.Globalization;
using System.Xml.Linq;
using LstmCourse.Charts;
using static LstmCourse.Tests.Charts.SvgQuery;

namespace LstmCourse.Tests.Charts;

/// <summary>What every chart kind promises: standalone SVG, notebook display, determinism, atomic saving.</summary>
public class ChartTests
{
    public static TheoryData<string> Kinds => new() { "line", "heatmap", "bar", "histogram", "scatter", "grid" };

    internal static Chart Make(string kind) => kind switch
    {
        "line" => new LineChart("Loss <train & valid>", "step", "bits/char").Add("train", [3.0, 2.0, 1.5]).AddReferenceLine("baseline", 2.1),
        "heatmap" => new Heatmap("Gates", new double[,] { { 0.1, 0.9 }, { -0.4, 0.6 } }, "unit", "gate") { ShowValues = true },
        "bar" => new BarChart("Final loss", ["RNN", "LSTM"], yLabel: "bits/char").Add("train", [1.9, 1.4]).Add("valid", [2.0, 1.5]),
        "histogram" => new Histogram("Weights", "w").Add("w", [0.1, -0.2, 0.0, 0.05, 0.3]),
        "scatter" => new ScatterChart("XOR", "x1", "x2").Add("0", [0.0, 1.0], [0.0, 1.0]).Add("1", [0.0, 1.0], [1.0, 0.0])
            .WithProbabilityRegions((x, y) => x * (1 - y) + y * (1 - x), 8),
        _ => new ChartGrid(2, "Grid").Add(Make("line"), Make("bar"), Make("histogram")),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Svg_is_a_standalone_document_with_xmlns_size_and_viewBox(string kind)
    {
        var chart = Make(kind);
        var root = Parse(chart);

        Assert.Equal(Ns + "svg", root.Name);
        double w = root.Num("width"), h = root.Num("height");
        Assert.Equal($"0 0 {w.ToString(CultureInfo.InvariantCulture)} {h.ToString(CultureInfo.InvariantCulture)}", (string)root.Attribute("viewBox")!);
        Assert.Contains("sans-serif", (string)root.Attribute("font-family")!);
        Assert.Equal(chart.Title, root.Element(Ns + "title")!.Value);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Svg_has_no_scripts_links_or_external_resources(string kind)
    {
        var root = Parse(Make(kind));
        var attributes = root.DescendantsAndSelf().SelectMany(e => e.Attributes()).Where(a => !a.IsNamespaceDeclaration).ToArray();

        Assert.DoesNotContain(root.Descendants(), e => e.Name.LocalName is "script" or "foreignObject" or "image" or "style" or "a");
        Assert.DoesNotContain(attributes, a => a.Name.LocalName.StartsWith("on") || a.Name.LocalName == "href");
        Assert.DoesNotContain(attributes, a => a.Value.Contains("url(") || a.Value.Contains("http"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Draws_on_a_white_card_so_it_reads_on_light_and_dark_themes(string kind)
    {
        var card = Parse(Make(kind)).One("background");

        Assert.Equal("#ffffff", (string)card.Attribute("fill")!);
        Assert.Equal(0.5, card.Num("x"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_kernel_convention_yields_svg_html_and_a_one_line_description(string kind)
    {
        var chart = Make(kind);

        var outputs = KernelConvention.Format(chart);

        Assert.Equal(["image/svg+xml", "text/html", "text/plain"], KernelConvention.PreferredMimeTypes(chart.GetType()));
        Assert.Equal(chart.ToSvg(), outputs["image/svg+xml"]);
        var div = XElement.Parse(outputs["text/html"]);
        Assert.Equal("div", div.Name.LocalName);
        Assert.Equal(Ns + "svg", Assert.Single(div.Elements()).Name);
        Assert.Contains(chart.ToSvg(), outputs["text/html"]);
        Assert.DoesNotContain('\n', outputs["text/plain"]);
        Assert.StartsWith(chart.GetType().Name + " '" + chart.Title + "'", outputs["text/plain"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_same_chart_gives_byte_identical_svg(string kind)
    {
        Assert.Equal(Make(kind).ToSvg(), Make(kind).ToSvg());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Output_does_not_depend_on_the_current_culture(string kind)
    {
        var before = CultureInfo.CurrentCulture;
        string invariant = Make(kind).ToSvg();
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(invariant, Make(kind).ToSvg());
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Text_is_escaped_so_markup_in_names_stays_text()
    {
        var chart = new LineChart("<script>alert(1)</script> & co", "x\u0001", "y").Add("a\"b'c", [1.0, 2.0]);
        var root = Parse(chart);

        Assert.Equal("<script>alert(1)</script> & co", root.One("title").Value);
        Assert.Equal("x\uFFFD", root.One("x-label").Value);
        Assert.Equal(["a\"b'c"], root.LegendLabels());
        Assert.Empty(root.Descendants(Ns + "script"));
    }

    [Fact]
    public void SaveSvg_writes_the_svg_and_leaves_no_temporary_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lstm-course-charts-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(folder, "figures", "loss.svg");
            File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.GetDirectoryName(path)!).FullName, "loss.svg"), "old");
            var chart = Make("line");

            chart.SaveSvg(path);

            Assert.Equal(chart.ToSvg(), File.ReadAllText(path));
            Assert.Equal(["loss.svg"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void SaveSvg_rejects_an_empty_path_with_the_fix()
    {
        var e = Assert.Throws<ArgumentException>(() => Make("line").SaveSvg(" "));
        Assert.Contains("give a file name", e.Message);
    }

    [Fact]
    public void A_too_small_size_is_rejected_with_the_minimum()
    {
        var e = Assert.Throws<ArgumentException>(() => new LineChart("t") { Width = 50 });
        Assert.Contains("at least 120", e.Message);
    }
}

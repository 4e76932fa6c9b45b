using System.Xml.Linq;
using LstmCourse.Tables;

namespace LstmCourse.Tests.Tables;

public class ResultsTableHtmlTests
{
    private static XElement Table(ResultsTable t) => XElement.Parse(t.ToHtml()).Element("table")!;

    [Fact]
    public void Markup_in_cells_headers_and_caption_is_escaped_text()
    {
        var t = new ResultsTable("<b>name</b>", "note") { Caption = "runs & <i>notes</i>" }.AddRow("<script>alert(1)</script>", "a \"quoted\" 'note'");
        var html = Table(t);

        Assert.DoesNotContain("<script>", t.ToHtml());
        Assert.Empty(html.Descendants("script"));
        Assert.Equal("<script>alert(1)</script>", html.Descendants("td").First().Value);
        Assert.Equal("<b>name</b>", html.Descendants("th").First().Value);
        Assert.Equal("runs & <i>notes</i>", html.Element("caption")!.Value);
    }

    [Fact]
    public void Numbers_are_right_aligned_and_text_left_aligned()
    {
        var html = Table(new ResultsTable("model", "loss").AddRow("LSTM", 1.41234));
        var cells = html.Descendants("td").ToArray();
        var headers = html.Descendants("th").ToArray();

        Assert.Contains("text-align:left", (string)cells[0].Attribute("style")!);
        Assert.Contains("text-align:right", (string)cells[1].Attribute("style")!);
        Assert.Contains("text-align:right", (string)headers[1].Attribute("style")!);
        Assert.Equal("1.412", cells[1].Value);
    }

    [Fact]
    public void Dark_text_on_white_reads_in_light_and_dark_themes()
    {
        var style = (string)Table(new ResultsTable("a").AddRow(1)).Attribute("style")!;

        Assert.Contains("color:#222222", style);
        Assert.Contains("background:#ffffff", style);
    }
}

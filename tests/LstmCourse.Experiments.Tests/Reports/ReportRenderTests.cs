using System.Text.RegularExpressions;
using LstmCourse.Experiments.Tests.Support;

namespace LstmCourse.Experiments.Tests.Reports;

/// <summary>The report of a real two-shard sweep, opened in headless Chromium with every network lookup failing: it must draw.</summary>
public class ReportRenderTests
{
    [SkippableFact]
    public void A_two_shard_sweep_merged_into_one_report_draws_offline_in_headless_chromium()
    {
        string browser = HeadlessChromium.Require();
        using var temp = new TempFolder();
        string sweep = temp.PathOf("sweep");
        string[] grid = ["--grid", "HiddenSize=8,12", "--grid", "LearningRate=0.01,0.03", "--grid", "Seed=1,2"];
        foreach (string shard in new[] { "1/2", "2/2" })                        // as two machines would, into one shared folder
        {
            var ran = Lab.Sweep(sweep, 20, [.. grid, "--shard", shard]);
            Assert.True(ran.ExitCode == 0, ran.Error);
        }
        var report = Lab.Cli("report", sweep);
        Assert.True(report.ExitCode == 0, report.Error);
        string page = Path.Combine(sweep, "report.html");

        string dom = HeadlessChromium.Dom(browser, page);
        foreach (string id in new[] { "curves-step", "curves-seconds", "sweep-heatmap", "sweep-parallel", "scores" })
            Assert.Matches($"<div id=\"{id}\" class=\"chart js-plotly-plot\"", dom);              // plotly.js drew every chart
        Assert.True(Regex.Matches(dom, "class=\"main-svg\"").Count >= 10, "each chart has its main-svg layers");
        Assert.Equal(8, Regex.Matches(dom, "<tr data-run=\"\\d\" class=\"completed\"").Count);

        // The page's controls: untick HiddenSize=8, then sort by best validation loss.
        string probe = Path.Combine(sweep, "probe.html");
        File.WriteAllText(probe, File.ReadAllText(page).Replace("</body>", Probe + "</body>", StringComparison.Ordinal));
        var probed = Regex.Match(HeadlessChromium.Dom(browser, probe), "<pre id=\"probe\">([^<]*)</pre>");
        Assert.True(probed.Success, "the probe script did not run");
        var found = System.Text.Json.JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(probed.Groups[1].Value)).RootElement;
        Assert.Equal(4, found.GetProperty("rowsShown").GetInt32());                        // the four HiddenSize=12 runs
        Assert.Equal(8, found.GetProperty("tracesShown").GetInt32());                      // their train and validation lines
        Assert.All(found.GetProperty("shownRuns").EnumerateArray(), r => Assert.Contains("HiddenSize=12", r.GetString()));
        var sorted = found.GetProperty("sortedBest").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.Equal(8, sorted.Count);
        Assert.Equal(sorted.Order(), sorted);

        var png = HeadlessChromium.Screenshot(browser, page, temp.PathOf("report.png"), 1280, 2400);
        Assert.Equal((1280, 2400), (png.Width, png.Height));
        var colours = png.Colours().GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        int pixels = png.Width * png.Height;
        Assert.True(colours.GetValueOrDefault(0xFFFFFF) < pixels * 0.8, $"the page is mostly blank: {colours.GetValueOrDefault(0xFFFFFF)} of {pixels} pixels white");
        Assert.True(colours.GetValueOrDefault(0xE5ECF6) > 100_000, "the plot areas (Plotly's #e5ecf6 background) are drawn");
        Assert.True(colours.GetValueOrDefault(0x636EFA) > 200, "the first run's curves (#636efa) are drawn");
        Assert.True(colours.Count > 500, $"only {colours.Count} colours: no charts and text");
    }

    /// <summary>Unticks the HiddenSize=8 box, clicks the best_validation_bpc header, and writes what the page then shows.</summary>
    private const string Probe = """
        <pre id="probe"></pre>
        <script>
        const box = document.querySelector('#filters input[data-knob="HiddenSize"][data-value="8"]');
        box.checked = false;
        box.dispatchEvent(new Event('change'));
        const rows = [...document.querySelectorAll('#runs tbody tr')];
        const curves = document.getElementById('curves-step').data;
        const headers = [...document.querySelectorAll('#runs th')];
        const best = headers.findIndex(th => th.textContent === 'best_validation_bpc');
        headers[best].click();
        document.getElementById('probe').textContent = JSON.stringify({
          rowsShown: rows.filter(r => !r.hidden).length,
          tracesShown: curves.filter(t => t.visible !== false).length,
          shownRuns: rows.filter(r => !r.hidden).map(r => r.cells[0].dataset.v),
          sortedBest: [...document.querySelectorAll('#runs tbody tr')].map(r => +r.cells[best].dataset.v),
        });
        </script>

        """;
}

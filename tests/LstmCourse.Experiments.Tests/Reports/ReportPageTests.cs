using System.Text.RegularExpressions;
using LstmCourse.Experiments.Reports;
using LstmCourse.Experiments.Runs;
using LstmCourse.Experiments.Sweeps;
using LstmCourse.Experiments.Tests.Support;

namespace LstmCourse.Experiments.Tests.Reports;

public class ReportPageTests
{
    /// <summary>A sweep of 6 runs: run 2 broken (config.json damaged), run 4 never ran (its shard is missing), the rest finished.</summary>
    private static ReportContent Report(TempFolder temp)
    {
        var manifest = FakeRuns.Sweep(temp.PathOf("sweep"), ["HiddenSize=8,12", "LearningRate=0.01,0.02,0.03"], p => p.Index == 4 ? null : [3.0, 2.0 + p.Index / 10.0]);
        File.WriteAllText(Path.Combine(temp.PathOf("sweep"), manifest.Grid.FolderName(2), RunFolder.ConfigFile), "{");
        return ExperimentReport.Build(ExperimentSet.Load([temp.PathOf("sweep")]));
    }

    [Fact]
    public void Every_run_of_the_input_is_in_the_page_and_in_the_csv()
    {
        using var temp = new TempFolder();

        var report = Report(temp);

        var names = Enumerable.Range(1, 6).Select(SweepGrid.Parse(["HiddenSize=8,12", "LearningRate=0.01,0.02,0.03"]).FolderName).ToList();
        Assert.Equal(6, Regex.Matches(report.Html, "<tr data-run=\"").Count);
        Assert.All(names, name => Assert.Contains($"data-v=\"{name}\"", report.Html));
        var csv = report.RunsCsv.TrimEnd('\n').Split('\n');
        Assert.Equal(7, csv.Length);
        Assert.Equal(names, csv.Skip(1).Select(line => line.Split(',')[0]));
        foreach (string label in new[] { "HiddenSize=8 LearningRate=0.01", "HiddenSize=12 LearningRate=0.03" })   // on the learning curves
            Assert.Contains($"\"name\":\"{label}\"", report.Html);
    }

    [Fact]
    public void The_page_loads_nothing_from_the_network_and_inlines_plotly_js_once()
    {
        using var temp = new TempFolder();

        string html = Report(temp).Html;

        Assert.Equal(2, html.Split(PlotlyScript.Source).Length);                  // the library, byte for byte, exactly once
        Assert.Single(Regex.Matches(html, Regex.Escape($"plotly.js v{PlotlyScript.Version}")));
        string page = html.Replace(PlotlyScript.Source, "", StringComparison.Ordinal);
        Assert.DoesNotMatch("(?i)https?:", page);                                 // no CDN, no http(s) anything outside the library
        Assert.DoesNotMatch("(?i)<script[^>]*\\bsrc\\s*=", page);
        Assert.DoesNotMatch("(?i)<link|@import|url\\(|<img|<iframe", page);
        Assert.Equal(Regex.Matches(page, "(?i)<script").Count, Regex.Matches(page, "(?i)</script>").Count);
    }

    [Fact]
    public void Broken_and_missing_runs_are_marked_in_the_table_and_the_notes()
    {
        using var temp = new TempFolder();

        var report = Report(temp);

        Assert.Contains("<tr data-run=\"1\" class=\"broken\"", report.Html);
        Assert.Contains("<tr data-run=\"3\" class=\"missing\"", report.Html);
        Assert.Equal(4, Regex.Matches(report.Html, "<tr data-run=\"\\d\" class=\"completed\"").Count);
        Assert.Contains("config.json is unreadable", report.Html);
        Assert.Contains("1 of the 6 runs of the sweep in", report.Html);
        Assert.Contains("4 completed, 1 broken, 1 missing", report.Html);
    }

    [Fact]
    public void A_sweep_over_two_knobs_gets_a_heatmap_of_the_best_validation_loss_and_parallel_coordinates()
    {
        using var temp = new TempFolder();

        var report = Report(temp);

        Assert.Equal(["curves-step", "curves-seconds", "sweep-heatmap", "sweep-parallel"], report.Figures.Select(f => f.Id));
        string heatmap = report.Figures[2].FigureJson;
        Assert.Contains("\"type\":\"heatmap\"", heatmap);
        Assert.Contains("\"z\":[[2.1,null,2.3],[null,2.5,2.6]]", heatmap);       // rows HiddenSize 8, 12; runs 2 (broken) and 4 (missing) are gaps
        Assert.Contains("\"text\":[[\"2.100\",\"\",\"2.300\"],[\"\",\"2.500\",\"2.600\"]]", heatmap);
        Assert.Contains("\"type\":\"parcoords\"", report.Figures[3].FigureJson);
    }

    [Fact]
    public void A_sweep_over_one_knob_and_seeds_gets_best_loss_against_the_knob_and_the_seed_table()
    {
        using var temp = new TempFolder();
        FakeRuns.Sweep(temp.PathOf("sweep"), ["HiddenSize=8,12", "Seed=1,2"], p => [2.0 + FakeRuns.Knob(p, "Seed") / 10]);

        var report = ExperimentReport.Build(ExperimentSet.Load([temp.PathOf("sweep")]));

        Assert.Equal(["curves-step", "curves-seconds", "sweep-knob", "sweep-parallel"], report.Figures.Select(f => f.Id));
        Assert.Contains("\"y\":[2.15,2.15]", report.Figures[2].FigureJson.Replace("2.1500000000000004", "2.15"));
        Assert.Contains("<h2>Mean and spread over seeds</h2>", report.Html);
        Assert.Contains("2.1500 ± 0.0707", report.Html);                          // sd of 2.1 and 2.2
        Assert.NotNull(report.GroupsCsv);
        Assert.StartsWith("HiddenSize,runs,best_validation_bpc_mean,best_validation_bpc_std,", report.GroupsCsv);
    }
}

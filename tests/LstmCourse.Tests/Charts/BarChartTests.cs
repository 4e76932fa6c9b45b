using LstmCourse.Charts;
using static LstmCourse.Tests.Charts.SvgQuery;

namespace LstmCourse.Tests.Charts;

public class BarChartTests
{
    private static BarChart Grouped() => new BarChart("Final loss", ["RNN", "LSTM", "GRU"], "model", "bits/char")
        .Add("train", [1.9, 1.4, 1.5])
        .Add("valid", [2.0, 1.5, 1.6]);

    [Fact]
    public void Grouped_bars_give_one_bar_per_category_and_series_with_legend_and_labels()
    {
        var svg = Parse(Grouped());

        Assert.Equal(6, svg.ByClass("bar").Count());
        Assert.Equal(["train", "valid"], svg.LegendLabels());
        Assert.Equal(["RNN", "LSTM", "GRU"], svg.One("x-ticks").ByClass("tick").Texts());
        Assert.Equal("model", svg.One("x-label").Value);
        Assert.Equal("bits/char", svg.One("y-label").Value);
    }

    [Fact]
    public void Bars_rise_from_zero_to_their_value()
    {
        var svg = Parse(Grouped());
        var plot = svg.PlotArea();
        var ticks = svg.TickValues("y-ticks");
        double Py(double v) => plot.Bottom - (v - ticks[0]) / (ticks[^1] - ticks[0]) * (plot.Bottom - plot.Top);

        Assert.Equal(0, ticks[0]);
        Assert.True(AreNice(ticks) && ticks[^1] >= 2.0);
        Assert.All(svg.ByClass("bar"), bar =>
        {
            Assert.Equal(Py(0), bar.Num("y") + bar.Num("height"), 0.02);
            Assert.Equal(Py(bar.Num("data-value")), bar.Num("y"), 0.02);
        });
    }

    [Fact]
    public void Single_bars_need_no_legend_and_a_negative_bar_hangs_below_zero()
    {
        var chart = new BarChart("Change").Add("a", -0.3).Add("b", 0.7);
        var svg = Parse(chart);
        var bars = svg.ByClass("bar").ToArray();

        Assert.Empty(svg.ByClass("legend-item"));
        Assert.Equal(bars[1].Num("y") + bars[1].Num("height"), bars[0].Num("y"), 0.02);
        Assert.Equal(["a", "b"], chart.Categories);
    }

    [Fact]
    public void ShowValues_writes_each_value_on_its_bar()
    {
        var svg = Parse(new BarChart("t") { ShowValues = true }.Add("RNN", 1.923).Add("LSTM", 1.41));

        Assert.Equal(["1.923", "1.41"], svg.ByClass("bar-value").Texts());
    }

    [Fact]
    public void A_NaN_value_draws_no_bar_and_says_NaN()
    {
        var svg = Parse(new BarChart("t").Add("a", 1.0).Add("b", double.NaN));

        Assert.Single(svg.ByClass("bar"));
        Assert.Equal("NaN", svg.One("missing").Value);
    }

    [Fact]
    public void A_chart_without_bars_says_no_data()
    {
        Assert.Equal("no data", Parse(new BarChart("Nothing yet")).One("no-data").Value);
    }

    [Fact]
    public void A_series_with_the_wrong_number_of_values_names_both_counts()
    {
        var e = Assert.Throws<ArgumentException>(() => Grouped().Add("test", [1.0, 2.0]));

        Assert.Contains("'test' has 2 values", e.Message);
        Assert.Contains("3 categories", e.Message);
    }

    [Fact]
    public void Mixing_single_bars_and_whole_series_is_rejected_with_the_fix()
    {
        Assert.Contains("Add(seriesName, values)", Assert.Throws<ArgumentException>(() => Grouped().Add("GRU-2", 1.0)).Message);
        Assert.Contains("pass categories", Assert.Throws<ArgumentException>(() => new BarChart("t").Add("train", [1.0])).Message);
    }

    [Fact]
    public void Long_category_names_are_slanted_and_shortened_to_fit()
    {
        var names = Enumerable.Range(0, 8).Select(k => $"an LSTM with {k} layers and a very long description").ToArray();
        var svg = Parse(new BarChart("t", names).Add("loss", names.Select(_ => 1.0)));
        var labels = svg.One("x-ticks").ByClass("tick").ToArray();

        Assert.All(labels, l => Assert.Contains("rotate(-40", (string)l.Attribute("transform")!));
        Assert.All(labels, l => Assert.EndsWith("…", l.Value));
    }
}

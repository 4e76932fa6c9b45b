using LstmCourse.Charts;
using static LstmCourse.Tests.Charts.SvgQuery;

namespace LstmCourse.Tests.Charts;

public class HistogramTests
{
    private static double[] Gaussian(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()) * 0.1).ToArray();
    }

    [Fact]
    public void Counts_sum_to_the_number_of_finite_values_in_the_bins_and_in_the_svg()
    {
        var w = Gaussian(1000, 1).Concat([double.NaN, double.NegativeInfinity]).ToArray();
        var chart = new Histogram("Weights", "w").Add("w", w);

        var bins = chart.ComputeBins();
        var svg = Parse(chart);

        Assert.Equal(1000, bins.Counts[0].Sum());
        Assert.Equal(1000, svg.ByClass("bin").Sum(b => (int)b.Num("data-count")));
        Assert.Equal(["w (2 non-finite skipped)"], svg.LegendLabels());
    }

    [Fact]
    public void Automatic_bins_have_a_one_two_five_width_and_cover_every_value()
    {
        var w = Gaussian(500, 2);
        var edges = new Histogram("t") { Bins = 20 }.Add("w", w).ComputeBins().Edges.ToArray();
        double width = edges[1] - edges[0];

        Assert.True(AreNice(edges.Select(e => e + width / 2).ToArray()), string.Join(", ", edges));
        Assert.True(edges[0] <= w.Min() && edges[^1] >= w.Max());
        Assert.InRange(edges.Length - 1, 10, 40);
    }

    [Fact]
    public void Integer_values_sit_in_the_middle_of_their_bins()
    {
        var bins = new Histogram("t") { Bins = 5 }.Add("n", [0.0, 1, 1, 2, 2, 2, 3, 4]).ComputeBins();

        Assert.Equal([-0.5, 0.5, 1.5, 2.5, 3.5, 4.5], bins.Edges);
        Assert.Equal([1, 2, 3, 1, 1], bins.Counts[0]);
    }

    [Fact]
    public void A_fixed_range_makes_exactly_that_many_bins_and_counts_values_outside_it()
    {
        var chart = new Histogram("t") { Bins = 4, Range = (0, 1) }.Add("v", [-1.0, 0.0, 0.3, 0.5, 1.0, 2.0]);

        var bins = chart.ComputeBins();

        Assert.Equal([0, 0.25, 0.5, 0.75, 1], bins.Edges);
        Assert.Equal([1, 1, 1, 1], bins.Counts[0]);
        Assert.Equal(2, bins.OutsideRange[0]);
        Assert.Equal(["v (2 outside range)"], Parse(chart).LegendLabels());
    }

    [Fact]
    public void Overlaid_series_share_bins_and_are_drawn_with_transparency()
    {
        var chart = new Histogram("L1 sparsity").Add("no penalty", Gaussian(300, 3)).Add("L1", Gaussian(300, 4).Select(v => Math.Abs(v) < 0.05 ? 0 : v));
        var svg = Parse(chart);
        var groups = svg.ByClass("series").ToArray();

        Assert.Equal(2, groups.Length);
        Assert.All(groups, g => Assert.InRange(g.Num("fill-opacity"), 0.3, 0.6));
        Assert.Equal(["no penalty", "L1"], svg.LegendLabels());
        Assert.All(chart.ComputeBins().Counts, c => Assert.Equal(300, c.Sum()));
    }

    [Fact]
    public void Bars_stand_on_the_axis_and_reach_their_count()
    {
        var svg = Parse(new Histogram("t").Add("v", [1.0, 1, 1, 2, 3, 3]));
        var plot = svg.PlotArea();
        var ticks = svg.TickValues("y-ticks");

        Assert.All(svg.ByClass("bin"), b =>
        {
            Assert.Equal(plot.Bottom, b.Num("y") + b.Num("height"), 0.02);
            Assert.Equal(plot.Bottom - b.Num("data-count") / ticks[^1] * (plot.Bottom - plot.Top), b.Num("y"), 0.02);
        });
    }

    [Fact]
    public void Constant_values_fall_in_one_bin()
    {
        var bins = new Histogram("t").Add("c", [0.5, 0.5, 0.5]).ComputeBins();

        Assert.Equal(3, Assert.Single(bins.Counts[0], c => c > 0));
    }

    [Fact]
    public void No_values_says_no_data()
    {
        var svg = Parse(new Histogram("t").Add("empty", Array.Empty<double>()));

        Assert.Equal("no data", svg.One("no-data").Value);
        Assert.Equal(["empty (no data)"], svg.LegendLabels());
    }

    [Fact]
    public void An_impossible_bin_count_is_rejected_with_the_allowed_range()
    {
        Assert.Contains("1 to 1000", Assert.Throws<ArgumentException>(() => new Histogram("t") { Bins = 0 }).Message);
    }

    [Fact]
    public void Single_precision_weights_bin_like_their_double_values()
    {
        float[] w = [0.5f, -0.25f, 0f, 0f, 1f];

        var fromFloats = new Histogram("t").Add("w", w).ComputeBins();
        var fromDoubles = new Histogram("t").Add("w", w.Select(v => (double)v)).ComputeBins();

        Assert.Equal(fromDoubles.Edges, fromFloats.Edges);
        Assert.Equal(fromDoubles.Counts[0], fromFloats.Counts[0]);
    }
}

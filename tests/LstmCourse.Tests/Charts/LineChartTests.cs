using LstmCourse.Charts;
using static LstmCourse.Tests.Charts.SvgQuery;

namespace LstmCourse.Tests.Charts;

public class LineChartTests
{
    private static readonly double[] Steps = Enumerable.Range(0, 50).Select(i => i * 20.0).ToArray();
    private static readonly double[] Train = Steps.Select(s => 1.3 + 3 * Math.Exp(-s / 300)).ToArray();

    private static LineChart Loss() => new LineChart("Loss", xLabel: "step", yLabel: "bits/char")
        .Add("train", Steps, Train)
        .Add("valid", Steps, Train.Select(v => v + 0.1).ToArray(), dashed: true);

    [Fact]
    public void Svg_carries_the_title_axis_labels_series_and_legend_entries()
    {
        var svg = Parse(Loss());

        Assert.Equal("Loss", svg.One("title").Value);
        Assert.Equal("step", svg.One("x-label").Value);
        Assert.Equal("bits/char", svg.One("y-label").Value);
        Assert.Equal(["train", "valid"], svg.ByClass("series").Select(s => (string)s.Attribute("data-series")!));
        Assert.Equal(["train", "valid"], svg.LegendLabels());
    }

    [Fact]
    public void Y_ticks_are_nice_numbers_that_cover_the_data()
    {
        var ticks = Parse(Loss()).TickValues("y-ticks");

        Assert.True(AreNice(ticks), string.Join(", ", ticks));
        Assert.True(ticks[0] <= Train.Min() && ticks[^1] >= Train.Max() + 0.1, string.Join(", ", ticks));
    }

    [Fact]
    public void X_ticks_are_nice_numbers_inside_the_data_range_and_the_line_spans_the_plot()
    {
        var svg = Parse(Loss());
        var ticks = svg.TickValues("x-ticks");
        var plot = svg.PlotArea();
        var points = PathPoints((string)svg.ByClass("series").First().Element(Ns + "path")!.Attribute("d")!);

        Assert.True(AreNice(ticks), string.Join(", ", ticks));
        Assert.All(ticks, t => Assert.InRange(t, Steps.Min(), Steps.Max()));
        Assert.Equal(plot.Left, points.Min(p => p.X), 0.02);
        Assert.Equal(plot.Right, points.Max(p => p.X), 0.02);
    }

    [Fact]
    public void Every_point_maps_inside_the_plot_area()
    {
        var svg = Parse(Loss());
        var plot = svg.PlotArea();
        var points = svg.ByClass("series").SelectMany(s => PathPoints((string)s.Element(Ns + "path")!.Attribute("d")!)).ToArray();

        Assert.Equal(2 * Steps.Length, points.Length);
        Assert.All(points, p =>
        {
            Assert.InRange(p.X, plot.Left - 0.01, plot.Right + 0.01);
            Assert.InRange(p.Y, plot.Top - 0.01, plot.Bottom + 0.01);
        });
    }

    [Fact]
    public void A_higher_value_is_drawn_higher_up()
    {
        var svg = Parse(new LineChart("t").Add("up", [1.0, 2.0, 3.0]));
        var points = PathPoints((string)svg.One("series").Element(Ns + "path")!.Attribute("d")!);

        Assert.True(points[0].Y > points[1].Y && points[1].Y > points[2].Y);
        Assert.True(points[0].X < points[1].X && points[1].X < points[2].X);
    }

    [Fact]
    public void Log_scale_labels_powers_of_ten_that_cover_the_data()
    {
        var ys = Enumerable.Range(0, 30).Select(t => Math.Pow(0.5, t)).ToArray();
        var svg = Parse(new LineChart("Gradient norm") { LogY = true }.Add("rnn", ys));
        var major = svg.TickValues("y-ticks", majorOnly: true);

        Assert.True(major.Length >= 2);
        Assert.All(major, t => Assert.Equal(Math.Round(Math.Log10(t)), Math.Log10(t), 9));
        var plot = svg.PlotArea();
        var points = PathPoints((string)svg.One("series").Element(Ns + "path")!.Attribute("d")!);
        Assert.All(points, p => Assert.InRange(p.Y, plot.Top - 0.01, plot.Bottom + 0.01));
    }

    [Fact]
    public void Log_scale_over_one_decade_also_labels_two_and_five()
    {
        var svg = Parse(new LineChart("Loss") { LogY = true }.Add("train", Train));
        var all = svg.TickValues("y-ticks");
        var major = svg.TickValues("y-ticks", majorOnly: true);

        Assert.Equal([1.0, 2.0, 5.0], all);
        Assert.Equal([1.0], major);
    }

    [Fact]
    public void Log_scale_rejects_a_non_positive_value_naming_the_series_and_index()
    {
        var chart = new LineChart("Loss") { LogY = true }.Add("train", [1.0, 0.5, 0.0, 0.25]);

        var e = Assert.Throws<ArgumentException>(() => chart.ToSvg());
        Assert.Contains("'train'", e.Message);
        Assert.Contains("y[2] = 0", e.Message);
        Assert.Contains("LogY = false", e.Message);
    }

    [Fact]
    public void Non_finite_values_leave_a_gap_and_the_legend_counts_them()
    {
        var svg = Parse(new LineChart("Blow-up").Add("train", [1.0, 2.0, double.NaN, double.PositiveInfinity, 3.0, 4.0]));
        var d = (string)svg.One("series").Element(Ns + "path")!.Attribute("d")!;

        Assert.Equal(2, d.Count(ch => ch == 'M'));
        Assert.Equal(4, PathPoints(d).Length);
        Assert.Equal(["train (2 non-finite skipped)"], svg.LegendLabels());
    }

    [Fact]
    public void A_point_alone_between_gaps_is_drawn_as_a_dot()
    {
        var svg = Parse(new LineChart("t").Add("s", [1.0, 2.0, double.NaN, 3.0, double.NaN, 4.0, 5.0]));

        var dot = Assert.Single(svg.One("series").ByClass("point"));
        var plot = svg.PlotArea();
        Assert.InRange(dot.Num("cx"), plot.Left, plot.Right);
        Assert.InRange(dot.Num("cy"), plot.Top, plot.Bottom);
    }

    [Fact]
    public void A_single_point_is_a_dot_inside_a_padded_range()
    {
        var svg = Parse(new LineChart("t").Add("one", [5.0], [2.0]));
        var plot = svg.PlotArea();
        var dot = Assert.Single(svg.ByClass("point"));

        Assert.InRange(dot.Num("cx"), plot.Left + 1, plot.Right - 1);
        Assert.InRange(dot.Num("cy"), plot.Top + 1, plot.Bottom - 1);
    }

    [Fact]
    public void A_constant_series_gets_a_padded_range_so_its_line_is_inside_the_plot()
    {
        var svg = Parse(new LineChart("t").Add("flat", [2.0, 2.0, 2.0, 2.0]));
        var plot = svg.PlotArea();
        var points = PathPoints((string)svg.One("series").Element(Ns + "path")!.Attribute("d")!);
        var ticks = svg.TickValues("y-ticks");

        Assert.All(points, p => Assert.InRange(p.Y, plot.Top + 10, plot.Bottom - 10));
        Assert.True(ticks[0] < 2 && ticks[^1] > 2);
    }

    [Fact]
    public void An_empty_series_says_no_data_in_the_legend_and_an_empty_chart_says_it_in_the_plot()
    {
        var svg = Parse(new LineChart("Nothing yet").Add("train", Array.Empty<double>()));

        Assert.Equal(["train (no data)"], svg.LegendLabels());
        Assert.Equal("no data", svg.One("no-data").Value);
        Assert.Empty(Parse(Loss()).ByClass("no-data"));
    }

    [Fact]
    public void Mismatched_x_and_y_lengths_name_the_series_and_both_lengths()
    {
        var e = Assert.Throws<ArgumentException>(() => new LineChart("Loss").Add("valid", [1.0, 2.0, 3.0], [1.0, 2.0]));

        Assert.Contains("'valid'", e.Message);
        Assert.Contains("3 x values", e.Message);
        Assert.Contains("2 y values", e.Message);
    }

    [Fact]
    public void A_repeated_or_empty_series_name_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new LineChart("t").Add("a", [1.0]).Add("a", [2.0]));
        Assert.Throws<ArgumentException>(() => new LineChart("t").Add(" ", [1.0]));
    }

    [Fact]
    public void A_fixed_y_range_sets_the_axis_and_cuts_the_line_at_the_border()
    {
        var ys = Enumerable.Range(0, 100).Select(i => 1.5 * Math.Sin(i / 10.0)).ToArray();
        var svg = Parse(new LineChart("t") { YRange = (0, 1) }.Add("sin", ys));
        var plot = svg.PlotArea();
        var points = PathPoints((string)svg.One("series").Element(Ns + "path")!.Attribute("d")!);
        var ticks = svg.TickValues("y-ticks");

        Assert.Equal(0, ticks[0]);
        Assert.Equal(1, ticks[^1]);
        Assert.All(points, p => Assert.InRange(p.Y, plot.Top - 0.01, plot.Bottom + 0.01));
        Assert.Contains(points, p => Math.Abs(p.Y - plot.Top) < 0.01);
    }

    [Fact]
    public void An_inverted_range_is_rejected_with_the_fix()
    {
        var e = Assert.Throws<ArgumentException>(() => new LineChart("t") { YRange = (3, 1) });
        Assert.Contains("min < max", e.Message);
    }

    [Fact]
    public void A_reference_line_is_drawn_at_its_value_and_named_in_the_legend()
    {
        var svg = Parse(Loss().AddReferenceLine("5-gram baseline", 2.1));
        var line = svg.One("reference-line");
        var plot = svg.PlotArea();
        var ticks = svg.TickValues("y-ticks");
        double expectedY = plot.Bottom - (2.1 - ticks[0]) / (ticks[^1] - ticks[0]) * (plot.Bottom - plot.Top);

        Assert.Equal("5-gram baseline", (string)line.Attribute("data-label")!);
        Assert.Equal(expectedY, line.Num("y1"), 0.02);
        Assert.Contains("5-gram baseline", svg.LegendLabels());
    }

    [Fact]
    public void Markers_draw_one_marker_per_finite_point()
    {
        var svg = Parse(new LineChart("t") { Markers = true }.Add("a", [1.0, 2.0, double.NaN, 4.0]).Add("b", [2.0, 1.0]));

        Assert.Equal(3, svg.ByClass("series").First().ByClass("point").Count());
        Assert.Equal(2, svg.ByClass("series").Last().ByClass("point").Count());
    }

    [Fact]
    public void A_long_series_is_thinned_without_losing_its_extremes()
    {
        var ys = Enumerable.Range(0, 100_000).Select(i => i == 54_321 ? 50.0 : Math.Sin(i / 1000.0)).ToArray();
        var svg = Parse(new LineChart("t").Add("long", ys));
        var points = PathPoints((string)svg.One("series").Element(Ns + "path")!.Attribute("d")!);
        var plot = svg.PlotArea();
        var ticks = svg.TickValues("y-ticks");
        double spikeY = plot.Bottom - (50 - ticks[0]) / (ticks[^1] - ticks[0]) * (plot.Bottom - plot.Top);

        Assert.InRange(points.Length, 100, 4 * 700);
        Assert.Contains(points, p => Math.Abs(p.Y - spikeY) < 0.01);
    }

    [Fact]
    public void Plain_text_describes_the_chart_in_one_line()
    {
        Assert.Equal("LineChart 'Loss': 2 series, 100 points", Loss().ToString());
    }

    [Fact]
    public void Single_precision_and_whole_number_values_draw_the_same_line_as_doubles()
    {
        string fromDoubles = new LineChart("t").Add("loss", [3.0, 2.0, 1.0]).ToSvg();

        Assert.Equal(fromDoubles, new LineChart("t").Add("loss", new[] { 3f, 2f, 1f }).ToSvg());
        Assert.Equal(fromDoubles, new LineChart("t").Add("loss", [3, 2, 1]).ToSvg());
    }

    [Fact]
    public void A_band_is_a_closed_shape_from_low_to_high_behind_its_line_and_widens_the_y_range()
    {
        double[] x = [1, 2, 3], y = [0.5, 0.6, 0.7], low = [0.2, 0.5, 0.6], high = [0.9, 0.7, 1.4];
        var chart = new LineChart("t").AddWithBand("mean of 3 runs", x, y, low, high);
        var svg = Parse(chart);
        var band = svg.One("band");
        var d = (string)band.Element(Ns + "path")!.Attribute("d")!;
        Assert.Equal("mean of 3 runs", (string)band.Attribute("data-series")!);
        Assert.EndsWith("Z", d);
        Assert.Equal(6, PathPoints(d.TrimEnd('Z')).Length);                             // 3 along high, 3 back along low
        string text = chart.ToSvg();
        Assert.True(text.IndexOf("class=\"band\"") < text.IndexOf("class=\"series\""), "the band is drawn before (behind) the line");
        var ticks = svg.TickValues("y-ticks");
        Assert.True(ticks[0] <= 0.2 && ticks[^1] >= 1.4, string.Join(", ", ticks));
        Assert.Equal(["mean of 3 runs"], svg.LegendLabels());
    }

    [Fact]
    public void A_band_with_low_above_high_or_of_the_wrong_length_is_rejected()
    {
        Assert.Contains("low[1] = 3 above high[1] = 2", Assert.Throws<ArgumentException>(() =>
            new LineChart("t").AddWithBand("a", [1.0, 2], [1.0, 2], [0.0, 3], [1.0, 2])).Message);
        Assert.Throws<ArgumentException>(() => new LineChart("t").AddWithBand("a", [1.0, 2], [1.0, 2], [0.0], [1.0, 2]));
        Assert.Contains("low[0] = 0", Assert.Throws<ArgumentException>(() =>
            new LineChart("t") { LogY = true }.AddWithBand("a", [1.0], [1.0], [0.0], [2.0]).ToSvg()).Message);
    }
}

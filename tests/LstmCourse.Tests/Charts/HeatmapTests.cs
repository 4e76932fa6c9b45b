using System.Xml.Linq;
using LstmCourse.Charts;
using LstmCourse.Numerics;
using static LstmCourse.Tests.Charts.SvgQuery;

namespace LstmCourse.Tests.Charts;

public class HeatmapTests
{
    private static readonly double[,] Gates = { { 0.1, 0.9, 0.5 }, { 0.3, 0.2, 0.8 } };

    /// <summary>The cell rects with their row (from the row group) and column (from the order within it).</summary>
    private static (int Row, int Col, XElement Rect)[] Cells(XElement svg) => svg.One("cells").Elements(Ns + "g")
        .SelectMany(g => g.Elements(Ns + "rect").Select((rect, c) => ((int)g.Num("data-row"), c, rect)))
        .ToArray();

    [Fact]
    public void Has_one_cell_per_entry_with_its_row_column_and_value()
    {
        var svg = Parse(new Heatmap("Gates", Gates, "unit", "gate"));
        var cells = Cells(svg);

        Assert.Equal(6, cells.Length);
        Assert.Equal(0.8, cells.Single(c => c.Row == 1 && c.Col == 2).Rect.Num("data-value"));
        Assert.Equal("unit", svg.One("x-label").Value);
        Assert.Equal("gate", svg.One("y-label").Value);
        Assert.Equal("Gates", svg.One("title").Value);
    }

    [Fact]
    public void Rows_run_top_to_bottom_and_columns_left_to_right_in_equal_cells()
    {
        var cells = Cells(Parse(new Heatmap("t", Gates)));
        var cell = (int r, int c) => cells.Single(e => e.Row == r && e.Col == c).Rect;

        Assert.True(cell(1, 0).Num("y") > cell(0, 0).Num("y"));
        Assert.True(cell(0, 2).Num("x") > cell(0, 1).Num("x"));
        Assert.Equal(cell(0, 0).Num("width"), cell(1, 2).Num("width"), 1.0);
    }

    [Fact]
    public void Row_and_column_labels_are_drawn()
    {
        var map = new Heatmap("t", Gates) { RowLabels = ["input i", "forget f"], ColumnLabels = ["M", "a", "r"] };
        var svg = Parse(map);

        Assert.Equal(["input i", "forget f"], svg.One("row-labels").Elements().Texts());
        Assert.Equal(["M", "a", "r"], svg.One("column-labels").Elements().Texts());
    }

    [Fact]
    public void Scale_extremes_colour_the_smallest_and_largest_value_and_end_the_colour_bar()
    {
        var map = new Heatmap("t", Gates);
        var svg = Parse(map);
        var cells = Cells(svg).Select(c => c.Rect).ToArray();
        var swatches = svg.One("color-scale").ByClass("swatch").ToArray();

        Assert.Equal(ColorScale.Viridis.ColorAt(0), (string)cells.Single(c => c.Num("data-value") == 0.1).Attribute("fill")!);
        Assert.Equal(ColorScale.Viridis.ColorAt(1), (string)cells.Single(c => c.Num("data-value") == 0.9).Attribute("fill")!);
        Assert.Equal(ColorScale.Viridis.ColorAt(0), (string)swatches.MinBy(s => s.Num("data-t"))!.Attribute("fill")!);
        Assert.Equal(ColorScale.Viridis.ColorAt(1), (string)swatches.MaxBy(s => s.Num("data-t"))!.Attribute("fill")!);
        Assert.True(swatches.MinBy(s => s.Num("data-t"))!.Num("y") > swatches.MaxBy(s => s.Num("data-t"))!.Num("y"));
    }

    [Fact]
    public void A_diverging_scale_is_symmetric_around_zero_and_zero_is_white()
    {
        var map = new Heatmap("t", new double[,] { { -0.5, 0.0, 0.25 } }) { Scale = ColorScale.BlueWhiteRed };
        var cells = Cells(Parse(map)).Select(c => c.Rect).ToArray();

        Assert.Equal((-0.5, 0.5), map.ColorRange);
        Assert.Equal("#f7f7f7", (string)cells[1].Attribute("fill")!);
        Assert.Equal(ColorScale.BlueWhiteRed.ColorAt(0), (string)cells[0].Attribute("fill")!);
    }

    [Fact]
    public void A_fixed_range_gives_values_outside_it_the_end_colours()
    {
        var map = new Heatmap("t", new double[,] { { -3, 0, 3 } }) { Scale = ColorScale.BlueWhiteRed, Range = (-1, 1) };
        var svg = Parse(map);
        var fills = Cells(svg).Select(c => (string)c.Rect.Attribute("fill")!).ToArray();

        Assert.Equal([ColorScale.BlueWhiteRed.ColorAt(0), ColorScale.BlueWhiteRed.ColorAt(0.5), ColorScale.BlueWhiteRed.ColorAt(1)], fills);
        Assert.Equal([-1, -0.5, 0, 0.5, 1], svg.One("color-scale").ByClass("tick").Select(t => t.Num("data-value")));
    }

    [Fact]
    public void NaN_cells_are_grey_and_the_colour_bar_says_so()
    {
        var svg = Parse(new Heatmap("t", new double[,] { { 1, double.NaN }, { 2, 3 } }));
        var nan = Cells(svg).Single(c => (string)c.Rect.Attribute("data-value")! == "NaN").Rect;

        Assert.Equal("#c8c8c8", (string)nan.Attribute("fill")!);
        Assert.Single(svg.ByClass("missing-swatch"));
    }

    [Fact]
    public void A_constant_matrix_takes_the_middle_colour()
    {
        var map = new Heatmap("t", new double[,] { { 2, 2 }, { 2, 2 } });
        var fills = Cells(Parse(map)).Select(c => (string)c.Rect.Attribute("fill")!).Distinct();

        Assert.Equal([ColorScale.Viridis.ColorAt(0.5)], fills);
    }

    [Fact]
    public void ShowValues_writes_each_value_in_its_cell()
    {
        var svg = Parse(new Heatmap("t", Gates) { ShowValues = true });

        Assert.Equal(["0.1", "0.9", "0.5", "0.3", "0.2", "0.8"], svg.One("cell-values").Elements().Texts());
    }

    [Fact]
    public void Units_over_time_puts_units_on_rows_and_steps_on_columns()
    {
        var steps = new[] { new[] { 1.0, 2.0 }, new[] { 3.0, 4.0 }, new[] { 5.0, 6.0 } };      // T = 3 steps of H = 2 units

        var grid = Heatmap.UnitsOverTime(steps);

        Assert.Equal(2, grid.GetLength(0));
        Assert.Equal(3, grid.GetLength(1));
        Assert.Equal(5.0, grid[0, 2]);
        Assert.Equal(4.0, grid[1, 1]);
    }

    [Fact]
    public void Char_labels_make_whitespace_visible()
    {
        Assert.Equal(["a", "␣", "b", "↵", "⇥"], Heatmap.CharLabels("a b\n\t"));
    }

    [Fact]
    public void Transposed_swaps_rows_columns_and_labels()
    {
        var map = new Heatmap("t", Gates, "unit", "gate") { RowLabels = ["i", "f"], ColumnLabels = ["a", "b", "c"] }.Transposed();

        Assert.Equal((3, 2), (map.Rows, map.Columns));
        Assert.Equal(0.8, map[2, 1]);
        Assert.Equal(["a", "b", "c"], map.RowLabels!);
        Assert.Equal("gate", map.XLabel);
    }

    [Fact]
    public void A_matrix_and_jagged_rows_make_the_same_cells()
    {
        var m = new Matrix(2, 3, [0.1, 0.9, 0.5, 0.3, 0.2, 0.8]);
        double[][] rows = [[0.1, 0.9, 0.5], [0.3, 0.2, 0.8]];

        Assert.Equal(new Heatmap("t", Gates).ToSvg(), new Heatmap("t", m).ToSvg());
        Assert.Equal(new Heatmap("t", Gates).ToSvg(), new Heatmap("t", rows).ToSvg());
    }

    [Fact]
    public void Bad_shapes_are_rejected_with_what_to_fix()
    {
        Assert.Contains("at least one row", Assert.Throws<ArgumentException>(() => new Heatmap("t", new double[0, 3])).Message);
        Assert.Contains("row 1 has 1 values", Assert.Throws<ArgumentException>(() => new Heatmap("t", new double[][] { [1, 2], [3] })).Message);
        Assert.Contains("one label per column", Assert.Throws<ArgumentException>(() => new Heatmap("t", Gates) { ColumnLabels = ["a"] }).Message);
    }

    [Fact]
    public void Many_character_columns_are_all_labelled()
    {
        const string text = "Mary had a little lamb, its fleece was white as snow";
        var map = new Heatmap("t", new double[4, text.Length]) { ColumnLabels = Heatmap.CharLabels(text) };

        Assert.Equal(text.Length, Parse(map).One("column-labels").Elements().Count());
    }

    [Fact]
    public void Single_precision_states_make_the_same_heatmap()
    {
        float[][] steps = [[0.5f, -0.25f], [1f, 0f], [0.125f, -1f]];

        var fromFloats = new Heatmap("h", Heatmap.UnitsOverTime(steps));
        var fromDoubles = new Heatmap("h", Heatmap.UnitsOverTime(steps.Select(s => s.Select(v => (double)v).ToArray()).ToList()));

        Assert.Equal(fromDoubles.ToSvg(), fromFloats.ToSvg());
        Assert.Equal(new Heatmap("h", new float[,] { { 0.5f, 1f } }).ToSvg(), new Heatmap("h", new double[,] { { 0.5, 1 } }).ToSvg());
    }
}

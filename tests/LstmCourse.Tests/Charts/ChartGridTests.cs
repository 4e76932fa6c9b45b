using LstmCourse.Charts;
using static LstmCourse.Tests.Charts.SvgQuery;

namespace LstmCourse.Tests.Charts;

public class ChartGridTests
{
    private static LineChart Small(string title) => new LineChart(title, "t", "value").Add(title, [1.0, 3.0, 2.0]);

    [Fact]
    public void Nests_one_svg_per_chart_each_with_its_own_viewBox_and_title()
    {
        var grid = new ChartGrid(2, "Gates").Add(Small("i"), Small("f"), Small("g"), Small("o"), Small("c"));
        var cells = Parse(grid).Elements(Ns + "svg").ToArray();

        Assert.Equal(5, cells.Length);
        Assert.All(cells, c => Assert.Equal($"0 0 {c.Num("width")} {c.Num("height")}", (string)c.Attribute("viewBox")!));
        Assert.Equal(["i", "f", "g", "o", "c"], cells.Select(c => c.One("title").Value));
        Assert.Equal("Gates", Parse(grid).Elements(Ns + "text").Single(e => (string?)e.Attribute("class") == "title").Value);
    }

    [Fact]
    public void Charts_fill_rows_left_to_right_in_cells_of_the_grid_size()
    {
        var grid = new ChartGrid(2) { Width = 300, Height = 200 }.Add(Small("a"), Small("b"), Small("c"));
        var root = Parse(grid);
        var cells = root.Elements(Ns + "svg").ToArray();

        Assert.Equal((600, 400), (root.Num("width"), root.Num("height")));
        Assert.Equal([(0.0, 0.0), (300.0, 0.0), (0.0, 200.0)], cells.Select(c => (c.Num("x"), c.Num("y"))));
        Assert.All(cells, c => Assert.Equal((300, 200), (c.Num("width"), c.Num("height"))));
    }

    [Fact]
    public void A_title_adds_a_band_above_the_cells()
    {
        var root = Parse(new ChartGrid(3, "Dashboard").Add(Small("a")));

        Assert.Equal((400, 290), (root.Num("width"), root.Num("height")));
        Assert.Equal(30, root.Elements(Ns + "svg").Single().Num("y"));
    }

    [Fact]
    public void An_empty_grid_says_so()
    {
        Assert.Equal("no charts", Parse(new ChartGrid(2, "Later")).One("no-data").Value);
    }

    [Fact]
    public void A_grid_cannot_contain_itself()
    {
        var grid = new ChartGrid(2);
        var outer = new ChartGrid(1).Add(grid);

        Assert.Contains("cannot contain itself", Assert.Throws<ArgumentException>(() => grid.Add(outer)).Message);
        Assert.Throws<ArgumentException>(() => grid.Add(grid));
    }

    [Fact]
    public void Zero_columns_is_rejected()
    {
        Assert.Contains("1 or more", Assert.Throws<ArgumentException>(() => new ChartGrid(0)).Message);
    }
}

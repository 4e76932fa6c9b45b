using LstmCourse.Tables;
using LstmCourse.Tests.Charts;

namespace LstmCourse.Tests.Tables;

public class ResultsTableTests
{
    private sealed record Run(string Model, int Hidden, double LearningRate, double ValidLoss);

    private static readonly Run[] Runs =
    [
        new("LSTM", 128, 0.002, 1.41234),
        new("RNN", 128, 0.01, 1.9234),
        new("GRU", 64, 0.002, 1.45),
    ];

    [Fact]
    public void Public_properties_become_columns_in_declaration_order()
    {
        var table = ResultsTable.From(Runs);

        Assert.Equal(["Model", "Hidden", "LearningRate", "ValidLoss"], table.Columns);
        Assert.Equal(3, table.Count);
        Assert.Equal(1.9234, table[1, "ValidLoss"]);
    }

    [Fact]
    public void Explicit_columns_pick_and_order_the_properties()
    {
        var table = ResultsTable.From(Runs, "ValidLoss", "Model");

        Assert.Equal(["ValidLoss", "Model"], table.Columns);
        Assert.Equal("GRU", table[2, "Model"]);
    }

    [Fact]
    public void Anonymous_records_work_too()
    {
        var table = ResultsTable.From(Runs.Select(r => new { r.Model, Loss = r.ValidLoss }));

        Assert.Equal(["Model", "Loss"], table.Columns);
    }

    [Fact]
    public void Sorting_orders_numbers_by_value_and_keeps_empty_cells_last_both_ways()
    {
        var table = new ResultsTable("run", "loss")
            .AddRow("a", 1.5).AddRow("b", null).AddRow("c", 0.25).AddRow("d", double.NaN).AddRow("e", 10);

        Assert.Equal(["c", "a", "e", "b", "d"], table.SortBy("loss").Rows.Select(r => (string)r[0]!));
        Assert.Equal(["e", "a", "c", "b", "d"], table.SortBy("loss", descending: true).Rows.Select(r => (string)r[0]!));
    }

    [Fact]
    public void Sorting_is_stable_for_equal_keys()
    {
        var table = ResultsTable.From(Runs).SortBy("LearningRate");

        Assert.Equal(["LSTM", "GRU", "RNN"], table.Rows.Select(r => (string)r[0]!));
    }

    [Fact]
    public void Text_sorts_ignoring_case()
    {
        var table = new ResultsTable("name").AddRow("beta").AddRow("Alpha").AddRow("gamma").SortBy("name");

        Assert.Equal(["Alpha", "beta", "gamma"], table.Rows.Select(r => (string)r[0]!));
    }

    [Fact]
    public void Bad_rows_and_names_are_rejected_with_what_to_fix()
    {
        var table = ResultsTable.From(Runs);

        Assert.Contains("4 columns", Assert.Throws<ArgumentException>(() => table.AddRow("LSTM", 1)).Message);
        Assert.Contains("the columns are Model, Hidden", Assert.Throws<ArgumentException>(() => table.SortBy("loss")).Message);
        Assert.Contains("appears twice", Assert.Throws<ArgumentException>(() => new ResultsTable("a", "a")).Message);
        Assert.Contains("no public property 'Hidden'", Assert.Throws<ArgumentException>(() => table.AddRecord(new { Model = "x" })).Message);
        Assert.Contains("no public properties", Assert.Throws<ArgumentException>(() => ResultsTable.From(new[] { 1, 2 })).Message);
    }

    [Fact]
    public void Text_aligns_numbers_right_and_text_left_with_four_significant_digits()
    {
        var text = ResultsTable.From(Runs).ToText().Split('\n');

        Assert.Equal("Model  Hidden  LearningRate  ValidLoss", text[0]);
        Assert.Equal("-----  ------  ------------  ---------", text[1]);
        Assert.Equal("LSTM      128         0.002      1.412", text[2]);
        Assert.Equal("RNN       128          0.01      1.923", text[3]);
    }

    [Fact]
    public void Long_tables_show_the_first_rows_and_say_how_many_more_there_are()
    {
        var table = new ResultsTable("step", "loss") { MaxDisplayRows = 3 };
        for (int k = 0; k < 10; k++) table.AddRow(k, 1.0 / (k + 1));

        Assert.EndsWith("… 7 more rows (ToCsv and SaveCsv have all 10)", table.ToText());
        Assert.Contains("… 7 more rows", table.ToHtml());
        Assert.Equal(11, table.ToCsv().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void An_empty_table_says_it_has_no_rows()
    {
        var table = new ResultsTable("model", "loss");

        Assert.EndsWith("(no rows)", table.ToText());
        Assert.Contains("(no rows)", table.ToHtml());
    }

    [Fact]
    public void The_kernel_convention_yields_html_and_the_aligned_text()
    {
        var table = ResultsTable.From(Runs);

        var outputs = KernelConvention.Format(table);

        Assert.Equal(["text/html", "text/plain"], KernelConvention.PreferredMimeTypes(typeof(ResultsTable)));
        Assert.Equal(table.ToHtml(), outputs["text/html"]);
        Assert.Equal(table.ToText(), outputs["text/plain"]);
    }
}

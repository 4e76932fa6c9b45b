using System.Globalization;
using LstmCourse.Tables;

namespace LstmCourse.Tests.Tables;

public class ResultsTableCsvTests
{
    [Fact]
    public void Fields_with_commas_quotes_or_line_breaks_are_quoted_with_quotes_doubled()
    {
        var csv = new ResultsTable("name", "note")
            .AddRow("a,b", "say \"hi\"")
            .AddRow("line1\nline2", "plain")
            .AddRow("cr\r", null)
            .ToCsv();

        Assert.Equal("name,note\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n\"line1\nline2\",plain\r\n\"cr\r\",\r\n", csv);
    }

    [Fact]
    public void Numbers_keep_every_digit_in_the_invariant_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var csv = new ResultsTable("x", "y", "n", "when").AddRow(1.0 / 3, 0.1, 1234567, new DateTime(2024, 5, 1, 12, 30, 0, DateTimeKind.Utc)).ToCsv();

            Assert.Equal("x,y,n,when\r\n0.3333333333333333,0.1,1234567,2024-05-01T12:30:00.0000000Z\r\n", csv);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void SaveCsv_writes_all_rows_and_leaves_no_temporary_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lstm-course-tables-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(folder, "results", "runs.csv");
            var table = new ResultsTable("run", "loss") { MaxDisplayRows = 1 }.AddRow("a", 1.5).AddRow("b", 1.25);

            table.SaveCsv(path);
            table.AddRow("c", 1.0).SaveCsv(path);

            Assert.Equal(table.ToCsv(), File.ReadAllText(path));
            Assert.Equal(["runs.csv"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

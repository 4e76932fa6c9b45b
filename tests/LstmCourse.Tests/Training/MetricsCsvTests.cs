using LstmCourse.Training;

namespace LstmCourse.Tests.Training;

public class MetricsCsvTests
{
    private static readonly TrainingMetrics[] Rows =
    [
        new(1, 0.01, 0.5, 3.0, 0, null, 2.5, 0.01, 1000),
        new(2, 0.02, 1.0, 2.5, 0.1, 2.75, 2.0, 0.01, 1100),
        new(3, 0.03, 1.5, 2.25, 0, null, 1.5, 0.009, 1200),
    ];

    private static string Csv(IEnumerable<TrainingMetrics> rows) =>
        TrainingMetrics.CsvHeader + "\n" + string.Concat(rows.Select(r => r.ToCsvLine() + "\n"));

    [Fact]
    public void What_training_writes_reads_back_exactly()
    {
        var file = MetricsCsv.Parse(Csv(Rows));

        Assert.Null(file.Problem);
        Assert.False(file.TornLastLine);
        Assert.Equal(Rows, file.Rows);
    }

    [Fact]
    public void A_last_line_cut_short_by_a_kill_is_left_out_and_is_no_problem()
    {
        string text = Csv(Rows);
        string torn = text[..(text.Length - 8)];                          // the last row lost its end, and its newline

        var file = MetricsCsv.Parse(torn);

        Assert.Null(file.Problem);
        Assert.True(file.TornLastLine);
        Assert.Equal(Rows[..2], file.Rows);
    }

    [Fact]
    public void An_unreadable_line_in_the_middle_is_a_problem_naming_the_line_and_the_rest_is_kept()
    {
        var lines = Csv(Rows).Split('\n');
        lines[2] = "2,0.02,oops";

        var file = MetricsCsv.Parse(string.Join('\n', lines));

        Assert.Equal("metrics.csv line 3 is unreadable: \"2,0.02,oops\"", file.Problem);
        Assert.Equal([Rows[0], Rows[2]], file.Rows);
    }

    [Fact]
    public void Columns_are_found_by_name_so_added_or_moved_columns_do_not_break_it()
    {
        string text = "train_loss,step,note,elapsed_seconds,validation_loss\n3,1,a,0.5,\n2.5,2,b,1,2.75\n";

        var file = MetricsCsv.Parse(text);

        Assert.Null(file.Problem);
        Assert.Equal([1L, 2L], file.Rows.Select(r => r.Step));
        Assert.Equal([null, 2.75], file.Rows.Select(r => r.ValidationLoss));
        Assert.Equal([3.0, 2.5], file.Rows.Select(r => r.TrainLoss));
    }

    [Theory]
    [InlineData("", "metrics.csv is empty")]
    [InlineData("step,epoch\n1,0\n", "metrics.csv has no elapsed_seconds column")]
    public void A_file_without_the_needed_columns_is_a_problem(string text, string problem)
    {
        var file = MetricsCsv.Parse(text);

        Assert.StartsWith(problem, file.Problem);
        Assert.Empty(file.Rows);
    }
}

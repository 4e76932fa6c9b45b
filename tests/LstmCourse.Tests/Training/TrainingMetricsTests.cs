using System.Globalization;
using LstmCourse.Training;
using static LstmCourse.Tests.Training.TrainingKit;

namespace LstmCourse.Tests.Training;

public sealed class TrainingMetricsTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Bits_per_char_are_nats_over_ln_2()
    {
        Assert.Equal(1.0, TrainingMetrics.BitsPerChar(Math.Log(2)), 15);
        Assert.Equal(Math.Log2(29), TrainingMetrics.BitsPerChar(Math.Log(29)), 14);
    }

    [Fact]
    public void The_CSV_has_a_header_and_a_row_per_step_that_parse_back_exactly()
    {
        var trainer = new Trainer(TrainingConfig.Tiny with { MaxSteps = 12, EvaluateEvery = 5 }, Corpus());
        trainer.Run();
        string path = folder.File("metrics.csv");
        trainer.WriteMetricsCsv(path);
        string[] lines = File.ReadAllLines(path);
        Assert.Equal(TrainingMetrics.CsvHeader, lines[0]);
        Assert.Equal(13, lines.Length);
        string[] row5 = lines[5].Split(',');
        var expected = trainer.History[4];
        Assert.Equal(11, row5.Length);
        Assert.Equal("5", row5[0]);
        Assert.Equal(expected.TrainLoss, double.Parse(row5[3], CultureInfo.InvariantCulture));
        Assert.Equal(expected.ValidationLoss, double.Parse(row5[6], CultureInfo.InvariantCulture));
        Assert.Equal("", lines[4].Split(',')[6]);                                          // step 4: no validation
        Assert.Single(Directory.GetFiles(folder.Path));                                     // no temporary file left
    }

    [Fact]
    public void A_run_appends_one_flushed_line_per_step_that_a_reader_sees_while_it_trains()
    {
        string path = folder.File("metrics.csv");
        var trainer = new Trainer(TrainingConfig.Tiny with { MaxSteps = 12, EvaluateEvery = 5 }, Corpus());
        var seen = new List<int>();
        using (var log = new MetricsCsvLog(path, trainer.History))
            trainer.Run(onStep: row =>
            {
                log.Append(row);
                seen.Add(TrainingMetrics.ReadCsv(path).Count);                               // read back while the file is open
            });
        Assert.Equal(Enumerable.Range(1, 12), seen);
        Assert.Equal(trainer.History, TrainingMetrics.ReadCsv(path));                       // every number, validation included, exactly
    }

    [Fact]
    public void Opening_the_log_of_a_resumed_run_replaces_rows_written_after_its_checkpoint()
    {
        string path = folder.File("metrics.csv");
        var trainer = new Trainer(TrainingConfig.Tiny with { MaxSteps = 12 }, Corpus());
        trainer.Run();
        File.WriteAllText(path, TrainingMetrics.CsvHeader + "\n" + string.Concat(trainer.History.Select(r => r.ToCsvLine() + "\n")) + "13,0.1,");
        using (new MetricsCsvLog(path, trainer.History.Take(7))) { }
        Assert.Equal(trainer.History.Take(7), TrainingMetrics.ReadCsv(path));
    }

    [Fact]
    public void A_half_written_last_line_is_left_out_and_any_other_bad_line_is_named()
    {
        var trainer = new Trainer(TrainingConfig.Tiny with { MaxSteps = 3 }, Corpus());
        trainer.Run();
        string whole = TrainingMetrics.CsvHeader + "\n" + string.Concat(trainer.History.Select(r => r.ToCsvLine() + "\n"));
        string path = folder.File("metrics.csv");
        for (int cut = whole.IndexOf('\n') + 1; cut <= whole.Length; cut++)                   // killed after any byte of the rows
        {
            File.WriteAllText(path, whole[..cut]);
            int complete = whole[..cut].Count(c => c == '\n') - 1;
            Assert.Equal(trainer.History.Take(complete), TrainingMetrics.ReadCsv(path));
        }
        File.WriteAllText(path, whole.Replace(trainer.History[1].ToCsvLine(), "2,0.5,oops"));
        Assert.Contains("metrics.csv line 3 is unreadable", Assert.Throws<InvalidDataException>(() => TrainingMetrics.ReadCsv(path)).Message);
        File.WriteAllText(path, "x,y\n1,2\n");
        Assert.Contains("metrics.csv has no step column", Assert.Throws<InvalidDataException>(() => TrainingMetrics.ReadCsv(path)).Message);
    }
}

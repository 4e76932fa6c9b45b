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
}

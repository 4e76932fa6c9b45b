using LstmCourse.Notebooks.Tests.Support;
using LstmCourse.Runner.Commands;

namespace LstmCourse.Notebooks.Tests.Commands;

public class SweepCommandTests
{
    [Fact]
    public void A_sweep_trains_every_combination_and_writes_a_table_and_a_chart()
    {
        using var temp = new TempFolder();
        string sweep = temp.PathOf("sweep");

        var result = Cli.Run("sweep", "--config", "tiny", "--set", "MaxSteps=20", "--set", "EvaluateEvery=10", "--corpus", LabFixture.TinyWeather,
            "--grid", "HiddenSize=8,12", "--grid", "learningrate=0.01,0.02", "--out", sweep);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.Contains("[4/4] HiddenSize=12 LearningRate=0.02", result.Output);
        string[] csv = File.ReadAllLines(Path.Combine(sweep, "results.csv"));
        Assert.Equal("run,HiddenSize,LearningRate,steps,seconds,train_bpc,validation_bpc,parsed,weekdays_consistent,status", csv[0]);
        Assert.Equal(5, csv.Length);
        Assert.StartsWith("1,8,0.01,20,", csv[1]);
        Assert.Contains("<table", File.ReadAllText(Path.Combine(sweep, "results.html")));
        Assert.Contains("validation_bpc", File.ReadAllText(Path.Combine(sweep, "results.txt")));
        Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(sweep, "runs.svg")));
        Assert.Equal(4, Directory.GetDirectories(sweep, "run-*").Length);
        Assert.Single(Directory.GetFiles(Path.Combine(sweep, "run-04-HiddenSize=12-LearningRate=0.02"), "checkpoint-val*.ckpt"));
    }

    [Theory]
    [InlineData("--out DIR is required", "--config", "tiny", "--grid", "Layers=1,2")]
    [InlineData("give at least one --grid", "--config", "tiny", "--out", "OUT")]
    [InlineData("unknown config field \"Hidden\"; known fields: HiddenSize", "--config", "tiny", "--grid", "Hidden=1,2", "--out", "OUT")]
    [InlineData("--grid takes name=v1,v2", "--config", "tiny", "--grid", "Layers", "--out", "OUT")]
    [InlineData("config field Layers cannot be set to \"two\"", "--config", "tiny", "--grid", "Layers=1,two", "--out", "OUT")]
    [InlineData("Layers", "--config", "tiny", "--grid", "Layers=1,0", "--out", "OUT")]
    [InlineData("--grid Layers is given twice", "--config", "tiny", "--grid", "Layers=1", "--grid", "layers=2", "--out", "OUT")]
    [InlineData("the grid has 11000 combinations; at most 10000 are allowed", "--config", "tiny", "--grid", "Seed=1,2,3,4,5,6,7,8,9,10,11", "--grid", "HiddenSize=1,2,3,4,5,6,7,8,9,10", "--grid", "Layers=1,2,3,4,5,6,7,8,9,10", "--grid", "BatchSize=1,2,3,4,5,6,7,8,9,10", "--out", "OUT")]
    public void Mistakes_are_reported_before_any_run_starts(string message, params string[] args)
    {
        using var temp = new TempFolder();
        string sweep = Path.Combine(temp.Root, "sweep");

        var result = Cli.Run(["sweep", .. args.Select(a => a == "OUT" ? sweep : a)]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.False(Directory.Exists(sweep));
    }
}

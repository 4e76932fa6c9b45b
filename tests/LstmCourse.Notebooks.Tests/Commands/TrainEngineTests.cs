using System.Globalization;
using LstmCourse.Notebooks.Tests.Course;
using LstmCourse.Notebooks.Tests.Support;
using LstmCourse.Training;

namespace LstmCourse.Notebooks.Tests.Commands;

/// <summary>
/// <c>lstm-course train --engine torchsharp</c> trains the lab's model as nn.LSTM + nn.Linear from the same config and
/// writes the same run folder as our engine, with a checkpoint our sampler reads, so runs of the two engines compare
/// side by side (a sweep with <c>--grid Engine=Ours,TorchSharp</c>, the report).
/// </summary>
public class TrainEngineTests
{
    private static readonly string Bridge = Path.Combine(CourseNotebooks.RepositoryRoot, "artifacts", "torch", "LstmCourse.Torch.dll");

    [SkippableFact]
    public void Both_engines_write_the_same_run_folder_from_one_config_and_start_from_the_same_loss()
    {
        Skip.IfNot(File.Exists(Bridge), $"the TorchSharp bridge is not built here; build it with: dotnet build lib/LstmCourse.Torch -c Release");
        using var temp = new TempFolder();
        string[] common = ["train", "--config", "tiny", "--set", "MaxSteps=30", "--set", "EvaluateEvery=10", "--corpus", LabFixture.TinyWeather];

        var ours = ChildProcess.LstmCourse(temp.Root, TimeSpan.FromMinutes(3), [.. common, "--out", "ours"]);
        var theirs = ChildProcess.LstmCourse(temp.Root, TimeSpan.FromMinutes(3), [.. common, "--out", "torch", "--engine", "torchsharp"]);

        Assert.True(ours.ExitCode == 0, ours.All);
        Assert.True(theirs.ExitCode == 0, theirs.All);
        Assert.Contains("trained by TorchSharp", theirs.Output);
        string[] Files(string run) => Directory.GetFiles(temp.PathOf(run)).Select(f => Path.GetFileName(f)!)
            .Select(f => f.StartsWith("checkpoint-val", StringComparison.Ordinal) ? "checkpoint-val*.ckpt" : f).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Files("ours"), Files("torch"));
        Assert.Equal(TrainingEngine.TorchSharp, TrainingConfig.Load(temp.PathOf("torch", "config.json")).Engine);
        Assert.Equal(TrainingEngine.Ours, TrainingConfig.Load(temp.PathOf("ours", "config.json")).Engine);

        var ourRows = TrainingMetrics.ReadCsv(temp.PathOf("ours", "metrics.csv"));
        var torchRows = TrainingMetrics.ReadCsv(temp.PathOf("torch", "metrics.csv"));
        Assert.Equal(30, ourRows.Count);
        Assert.Equal(30, torchRows.Count);
        Assert.True(Math.Abs(ourRows[0].TrainLoss - torchRows[0].TrainLoss) <= 1e-5 * ourRows[0].TrainLoss,   // same weights, same first batch
            string.Create(CultureInfo.InvariantCulture, $"first-step loss: ours {ourRows[0].TrainLoss}, TorchSharp {torchRows[0].TrainLoss}"));

        var sample = ChildProcess.LstmCourse(temp.Root, TimeSpan.FromMinutes(1), "sample", "--checkpoint", "torch", "--length", "200");
        Assert.True(sample.ExitCode == 0, sample.All);
    }

    [Fact]
    public void An_unknown_engine_is_a_usage_error()
    {
        var result = Cli.Run("train", "--config", "tiny", "--engine", "torch");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--engine takes ours or torchsharp, got 'torch'", result.Error);
    }
}

using LstmCourse.Numerics;
using LstmCourse.Sampling;
using LstmCourse.Text;
using LstmCourse.Training;
using static LstmCourse.Tests.Training.TrainingKit;

namespace LstmCourse.Tests.Training;

/// <summary>The usage example of the library's README, run as written (with Tiny and a temporary folder), so it cannot rot.</summary>
public sealed class NotebookExampleTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_README_example_trains_saves_resumes_and_samples()
    {
        File.WriteAllText(folder.File("forecasts.txt"), string.Concat(Enumerable.Repeat(Line, 40)));
        string runs = folder.File("runs");
        var lines = new List<string>();

        // ---- as in the README, with paths under the test folder and Tiny instead of Default
        var corpus = TextCorpus.Load(Path.Combine(folder.Path, "forecasts.txt"));
        var config = TrainingConfig.Tiny with { HiddenSize = 32, CheckpointPath = Path.Combine(runs, "weather.ckpt") };
        var trainer = new Trainer(config, corpus);
        var result = trainer.Run(new ProgressLog(p => lines.Add(p.ToString())));
        trainer.WriteMetricsCsv(Path.Combine(runs, "weather.csv"));
        var sampler = new Sampler(trainer.Model, trainer.Vocabulary);
        string text = sampler.Sample(200, new Rng(42), prime: "the ", new SamplingOptions(Temperature: 0.8));

        var resumed = Trainer.Resume(Path.Combine(runs, "weather.ckpt"), corpus, config with { MaxSteps = 400 });
        resumed.Run(ProgressLog.Console);
        var checkpoint = Checkpoint.Load(Path.Combine(runs, "weather.ckpt"));
        var names = new Sampler(checkpoint.CreateModel(), checkpoint.Vocabulary).SampleLines(5, new Rng(1), prime: "the");
        // ----

        Assert.Equal(StopReason.MaxSteps, result.Reason);
        Assert.Equal(config.MaxSteps / config.LogEvery, lines.Count);
        Assert.Equal(200, text.Length);
        Assert.Equal(400, checkpoint.Position.Step);
        Assert.Equal(5, names.Count);
        Assert.StartsWith("the quick brown fox", names[0]);                                   // it learned the line
        Assert.Equal(config.MaxSteps + 1, File.ReadAllLines(Path.Combine(runs, "weather.csv")).Length);
    }
}

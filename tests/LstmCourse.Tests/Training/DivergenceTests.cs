using LstmCourse.Training;
using static LstmCourse.Tests.Training.TrainingKit;

namespace LstmCourse.Tests.Training;

public sealed class DivergenceTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_huge_learning_rate_stops_the_run_with_what_happened_and_what_to_change()
    {
        var trainer = new Trainer(TrainingConfig.Tiny with { LearningRate = 100 }, Corpus());
        var e = Assert.Throws<TrainingDivergedException>(() => trainer.Run());
        Assert.Contains($"Training diverged at step {e.Step}:", e.Message);
        Assert.True(e.Step >= 2 && e.Step <= 5, $"diverged at step {e.Step}");
        Assert.True(!double.IsFinite(e.Loss) || e.Loss > 3 * trainer.History[0].TrainLoss, $"loss {e.Loss}");
        Assert.Contains("Lower LearningRate from 100 to 25, or lower ClipNorm from 5 to 2.5.", e.Message);
        Assert.Equal(e.Step - 1, trainer.Step);                                             // the bad update was not made
    }

    [Fact]
    public void Without_clipping_the_message_suggests_turning_it_on()
    {
        var trainer = new Trainer(TrainingConfig.Tiny with { LearningRate = 100, ClipNorm = 0 }, Corpus());
        var e = Assert.Throws<TrainingDivergedException>(() => trainer.Run());
        Assert.Contains("or set ClipNorm to 5.", e.Message);
    }

    [Theory]
    [InlineData(1, 0, "validation loss")]                                                   // checkpoint at every evaluation
    [InlineData(1000, 1, "loss on the next batch")]                                         // checkpoint every step, no evaluation
    public void The_last_good_checkpoint_survives_a_divergence_unchanged(int evaluateEvery, int checkpointEvery, string checkedBy)
    {
        string path = folder.File("good.ckpt");
        var config = TrainingConfig.Tiny with { CheckpointPath = path, EvaluateEvery = 10 };
        new Trainer(config, Corpus()).Run(steps: 20);
        byte[] before = File.ReadAllBytes(path);
        var lastWrite = File.GetLastWriteTimeUtc(path);

        var reckless = Trainer.Resume(path, Corpus(), config with { LearningRate = 100, EvaluateEvery = evaluateEvery, CheckpointEvery = checkpointEvery });
        var e = Assert.Throws<TrainingDivergedException>(() => reckless.Run());
        Assert.Contains($"Training diverged at step 21: after its update, the {checkedBy}", e.Message);
        Assert.Contains($"The last good checkpoint, '{path}', is unchanged", e.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(lastWrite, File.GetLastWriteTimeUtc(path));
        Assert.Equal(["good.ckpt"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }
}

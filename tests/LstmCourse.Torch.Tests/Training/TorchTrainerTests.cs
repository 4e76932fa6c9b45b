using LstmCourse.Numerics;
using LstmCourse.Sampling;
using LstmCourse.Text;
using LstmCourse.Torch.Tests.Support;
using LstmCourse.Training;
using Xunit.Abstractions;

namespace LstmCourse.Torch.Tests.Training;

/// <summary>TorchTrainer against Trainer: from one config, the same batches and the same starting weights, the same losses and
/// gradient norms step by step; and what it hands back (CharLstm, checkpoint, metrics) works with the rest of the library.</summary>
public class TorchTrainerTests(ITestOutputHelper output)
{
    private static readonly TextCorpus Corpus = TextCorpus.FromText(
        string.Concat(Enumerable.Range(0, 400).Select(i => $"the {(i % 3 == 0 ? "cat" : i % 3 == 1 ? "dog" : "bird")} sat on mat {i % 7}.\n")), "toy");

    private static TrainingConfig Config(OptimizerKind optimizer, double lr) => TrainingConfig.Tiny with
    {
        Optimizer = optimizer, LearningRate = lr, Layers = 2, HiddenSize = 24, BatchSize = 6, SequenceLength = 20,
        MaxSteps = 12, EvaluateEvery = 6, LogEvery = 4, ClipNorm = 5, Threads = 1,
    };

    [Theory]
    [InlineData(OptimizerKind.Sgd, 0.5, false)]
    [InlineData(OptimizerKind.Adam, 0.01, false)]
    [InlineData(OptimizerKind.Adam, 0.01, true)]
    public void Follows_our_Trainer_step_by_step_from_the_same_config(OptimizerKind optimizer, double lr, bool aligned)
    {
        const double tolerance = 2e-5;                                   // relative, on float32 losses; 10x on the gradient norm
        var config = Config(optimizer, lr) with { WindowsStartAfter = aligned ? "\n" : null };
        var ours = new Trainer(config, Corpus);
        using var torch = new TorchTrainer(config, Corpus);
        ours.Run();
        torch.Run();
        Assert.Equal(ours.History.Count, torch.History.Count);
        for (int k = 0; k < ours.History.Count; k++)
        {
            TrainingMetrics a = ours.History[k], b = torch.History[k];
            output.WriteLine($"step {a.Step}: loss {a.TrainLoss:F6} vs {b.TrainLoss:F6}, norm {a.GradientNorm:F5} vs {b.GradientNorm:F5}, val {a.ValidationLoss:F5} vs {b.ValidationLoss:F5}");
            Assert.Equal(a.Step, b.Step);
            Assert.Equal(a.Epoch, b.Epoch);
            Assert.Equal(a.LearningRate, b.LearningRate);
            Assert.True(Math.Abs(a.TrainLoss - b.TrainLoss) <= tolerance * a.TrainLoss, $"step {a.Step}: loss {a.TrainLoss} vs {b.TrainLoss}");
            Assert.True(Math.Abs(a.GradientNorm - b.GradientNorm) <= 10 * tolerance * a.GradientNorm, $"step {a.Step}: gradient norm {a.GradientNorm} vs {b.GradientNorm}");
            Assert.Equal(a.ValidationLoss is null, b.ValidationLoss is null);
            if (a.ValidationLoss is { } va) Assert.True(Math.Abs(va - b.ValidationLoss!.Value) <= tolerance * va, $"step {a.Step}: validation {va} vs {b.ValidationLoss}");
        }
    }

    [Fact]
    public void Learns_the_toy_text_and_hands_back_a_model_and_checkpoint_the_Sampler_reads()
    {
        using var temp = new TempFolder();
        var config = TrainingConfig.Tiny with { HiddenSize = 32, MaxSteps = 150, LearningRate = 0.01, CheckpointPath = temp.PathOf("run.ckpt"), Threads = 1 };
        using var trainer = new TorchTrainer(config, Corpus);
        var reports = new List<TrainingProgress>();
        var result = trainer.Run(new ProgressLog(reports.Add));
        output.WriteLine(result.ToString());
        Assert.Equal(StopReason.MaxSteps, result.Reason);
        Assert.Equal(150, trainer.History.Count);
        Assert.True(trainer.History[^1].TrainLoss < 0.5 * trainer.History[0].TrainLoss, $"loss {trainer.History[0].TrainLoss} → {trainer.History[^1].TrainLoss}");
        Assert.Equal(150 / config.LogEvery, reports.Count);
        Assert.Equal(150 / config.EvaluateEvery, trainer.History.Count(r => r.ValidationLoss is not null));
        Assert.All(trainer.History, r => Assert.True(r.CharsPerSecond > 0 && r.GradientNorm > 0));

        var model = trainer.ToCharLstm();
        var loaded = Checkpoint.Load(temp.PathOf("run.ckpt"));
        Assert.Equal(config, loaded.Config);
        Assert.Equal(150, loaded.Position.Step);
        Assert.Equal(trainer.History.Select(r => r.TrainLoss), loaded.History.Select(r => r.TrainLoss));
        string a = new Sampler(model, trainer.Vocabulary).Sample(120, new Rng(3), "the ", new SamplingOptions(0.5));
        string b = new Sampler(loaded.CreateModel(), loaded.Vocabulary).Sample(120, new Rng(3), "the ", new SamplingOptions(0.5));
        Assert.Equal(a, b);
        output.WriteLine(a);
        Assert.Contains(" sat on mat ", a);
    }

    [Fact]
    public void A_knob_it_does_not_support_is_named_with_the_fix()
    {
        var e = Assert.Throws<ArgumentException>(() => new TorchTrainer(TrainingConfig.Tiny with { Dropout = 0.2 }, Corpus));
        Assert.Contains("does not support Dropout = 0.2; set it to its default (0)", e.Message);
        e = Assert.Throws<ArgumentException>(() => new TorchTrainer(TrainingConfig.Tiny with { Optimizer = OptimizerKind.RmsProp }, Corpus));
        Assert.Contains("Optimizer = RmsProp", e.Message);
    }

    [Fact]
    public void Diverging_stops_with_the_knob_to_change()
    {
        using var trainer = new TorchTrainer(TrainingConfig.Tiny with { Optimizer = OptimizerKind.Sgd, LearningRate = 100, ClipNorm = 0, MaxSteps = 50 }, Corpus);
        var e = Assert.Throws<TrainingDivergedException>(() => trainer.Run());
        Assert.Contains("Lower LearningRate from 100 to 25", e.Message);
    }
}

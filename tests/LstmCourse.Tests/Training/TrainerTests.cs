using LstmCourse.Training;
using static LstmCourse.Tests.Training.TrainingKit;

namespace LstmCourse.Tests.Training;

public class TrainerTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void A_Tiny_config_learns_a_repetitive_text()
    {
        var trainer = new Trainer(TrainingConfig.Tiny, Corpus());
        var result = trainer.Run();
        double first = trainer.History[0].TrainLoss;
        output.WriteLine($"first loss {first:F4}, last {result.TrainLoss:F4} (mean of the last {TrainingConfig.Tiny.LogEvery}), validation {result.ValidationLoss:F4} nats");
        Assert.InRange(first, Math.Log(29) - 0.3, Math.Log(29) + 0.3);                    // an untrained model: about ln V
        Assert.Equal(StopReason.MaxSteps, result.Reason);
        Assert.Equal(300, result.Steps);
        Assert.True(result.TrainLoss < first - 2.0, $"train loss went from {first:F3} to {result.TrainLoss:F3} nats, expected a drop of 2");
        Assert.True(result.ValidationLoss < 1.0, $"validation loss {result.ValidationLoss:F3} nats after 300 steps, expected below 1");
    }

    [Fact]
    public void Threads_one_and_two_give_bit_identical_runs()
    {
        var one = new Trainer(Busy with { MaxSteps = 20, Threads = 1 }, Corpus());
        var two = new Trainer(Busy with { MaxSteps = 20, Threads = 2 }, Corpus());
        var four = new Trainer(Busy with { MaxSteps = 20, Threads = 1 }, Corpus());
        four.Model.ThreadsUnchecked = 4;                                                    // more threads than this machine may have
        foreach (var t in new[] { one, two, four }) t.Run();
        foreach (var other in new[] { two, four })
        {
            Assert.Equal(one.History.Select(r => r.TrainLoss), other.History.Select(r => r.TrainLoss));
            Assert.Equal(one.History.Select(r => r.ValidationLoss), other.History.Select(r => r.ValidationLoss));
            for (int i = 0; i < one.Model.Parameters.Count; i++) Assert.Equal(one.Model.Parameters[i].Value, other.Model.Parameters[i].Value);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_run_and_another_seed_another()
    {
        var a = new Trainer(Busy with { MaxSteps = 10 }, Corpus());
        var b = new Trainer(Busy with { MaxSteps = 10 }, Corpus());
        var c = new Trainer(Busy with { MaxSteps = 10, Seed = 2 }, Corpus());
        a.Run(); b.Run(); c.Run();
        Assert.Equal(a.History.Select(r => r.TrainLoss), b.History.Select(r => r.TrainLoss));
        Assert.NotEqual(a.History.Select(r => r.TrainLoss), c.History.Select(r => r.TrainLoss));
    }

    [Fact]
    public void Validation_runs_in_eval_mode_over_the_validation_text_with_carried_state()
    {
        var corpus = Corpus();
        var trainer = new Trainer(TrainingConfig.Tiny with { Dropout = 0.5, ValidationBatches = 0 }, corpus);
        trainer.Run(steps: 5);
        var split = corpus.Split(0.1);                                                      // 180 characters: 4 streams of 16, 2 batches
        var stream = new LstmCourse.Text.BatchStream(split.Validation, 4, 16);
        var state = trainer.Model.NewState(4);
        int[] x = new int[64], y = new int[64];
        double sum = 0;
        for (int b = 0; b < stream.BatchesPerEpoch; b++)
        {
            stream.Read(x, y);
            sum += trainer.Model.Loss(x, y, 4, 16, state);
        }
        Assert.Equal(2, stream.BatchesPerEpoch);
        Assert.Equal(sum / stream.BatchesPerEpoch, trainer.ValidationLoss());
        Assert.Equal(trainer.ValidationLoss(), trainer.ValidationLoss());                   // no dropout, no drift
    }

    [Fact]
    public void Windows_aligned_to_documents_train_every_batch_from_a_zero_state()
    {
        var corpus = Corpus();
        var config = TrainingConfig.Tiny with { WindowsStartAfter = "\n", MaxSteps = 12 };    // each pangram line is a document
        var trainer = new Trainer(config, corpus);
        var split = corpus.Split(config.ValidationFraction);
        var stream = LstmCourse.Text.BatchStream.AlignedTo(split.Train, split.Vocabulary.Encode("\n"), config.BatchSize, config.SequenceLength);
        int N = config.BatchSize, T = config.SequenceLength;
        int[] x = new int[N * T], y = new int[N * T];
        for (int step = 0; step < config.MaxSteps; step++)
        {
            if (stream.EndOfEpoch) stream.NextEpoch();
            stream.Read(x, y);
            float expected = trainer.Model.Loss(x, y, N, T, trainer.Model.NewState(N));           // the weights before the update, from zero
            Assert.Equal(expected, trainer.TrainStep().TrainLoss, 6);
        }
        Assert.True(stream.BatchesPerEpoch < config.MaxSteps, "the test should cross an epoch boundary");
    }

    [Fact]
    public void Contiguous_streams_carry_the_state_so_a_later_batch_differs_from_a_fresh_start()
    {
        var corpus = Corpus();
        var config = TrainingConfig.Tiny;
        var trainer = new Trainer(config, corpus);
        trainer.TrainStep();
        var split = corpus.Split(config.ValidationFraction);
        var stream = new LstmCourse.Text.BatchStream(split.Train, config.BatchSize, config.SequenceLength);
        int N = config.BatchSize, T = config.SequenceLength;
        int[] x = new int[N * T], y = new int[N * T];
        stream.Read(x, y);
        stream.Read(x, y);                                                                          // the second batch
        float fresh = trainer.Model.Loss(x, y, N, T, trainer.Model.NewState(N));
        Assert.NotEqual(fresh, trainer.TrainStep().TrainLoss, 6);
    }

    [Fact]
    public void A_document_separator_outside_the_vocabulary_is_named()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new Trainer(TrainingConfig.Tiny with { WindowsStartAfter = "$$" }, Corpus()));
        Assert.Contains("WindowsStartAfter", e.Message);
    }

    [Fact]
    public void History_has_a_row_per_step_with_validation_on_evaluation_steps_and_bpc_is_nats_over_ln2()
    {
        var trainer = new Trainer(TrainingConfig.Tiny with { MaxSteps = 25, EvaluateEvery = 10 }, Corpus());
        trainer.Run();
        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), trainer.History.Select(r => r.Step));
        Assert.Equal([10L, 20L, 25L], trainer.History.Where(r => r.ValidationLoss is not null).Select(r => r.Step));   // and once at the end
        var row = trainer.History[^1];
        Assert.Equal(row.TrainLoss / Math.Log(2), row.TrainBpc, 12);
        Assert.Equal(row.ValidationLoss!.Value / Math.Log(2), row.ValidationBpc!.Value, 12);
        Assert.All(trainer.History, r => Assert.Equal(0.01, r.LearningRate));
        Assert.All(trainer.History, r => Assert.True(r.GradientNorm > 0));
    }

    [Fact]
    public void Progress_is_reported_every_LogEvery_steps_with_the_window_mean_loss()
    {
        var recorder = new Recorder();
        var trainer = new Trainer(TrainingConfig.Tiny with { MaxSteps = 30, LogEvery = 10, EvaluateEvery = 1000 }, Corpus());
        trainer.Run(recorder);
        Assert.Equal([10L, 20L, 30L], recorder.Reports.Select(r => r.Step));
        Assert.Equal(trainer.History.Skip(10).Take(10).Average(r => r.TrainLoss), recorder.Reports[1].TrainLoss, 12);
        Assert.Equal(recorder.Reports[1].TrainLoss / Math.Log(2), recorder.Reports[1].TrainBpc, 12);
        Assert.NotNull(recorder.Reports[2].ValidationLoss);                                 // the final evaluation
        Assert.StartsWith("step 20/30  epoch ", recorder.Reports[1].ToString());
    }

    [Fact]
    public void Early_stopping_ends_the_run_when_validation_stops_improving()
    {
        var trainer = new Trainer(TrainingConfig.Tiny with { EvaluateEvery = 10, Patience = 1, MinDelta = 10 }, Corpus());
        var result = trainer.Run();
        Assert.Equal(StopReason.EarlyStopping, result.Reason);
        Assert.Equal(20, result.Steps);                                                     // step 10 sets the best, step 20 is not 10 nats better
        Assert.Equal(10, result.BestStep);
    }

    [Fact]
    public void Cancellation_stops_between_steps_and_keeps_the_model()
    {
        using var cancel = new CancellationTokenSource();
        var recorder = new Recorder { OnReport = p => { if (p.Step == 20) cancel.Cancel(); } };
        var trainer = new Trainer(TrainingConfig.Tiny, Corpus());
        var result = trainer.Run(recorder, cancel.Token);
        Assert.Equal(StopReason.Cancelled, result.Reason);
        Assert.Equal(20, trainer.Step);
    }

    [Fact]
    public void A_spent_time_budget_stops_after_the_step_that_spent_it()
    {
        var trainer = new Trainer(TrainingConfig.Tiny with { TimeBudget = TimeSpan.FromTicks(1) }, Corpus());
        var result = trainer.Run();
        Assert.Equal(StopReason.TimeBudget, result.Reason);
        Assert.Equal(1, result.Steps);
    }

    [Fact]
    public void Run_with_steps_pauses_and_a_second_call_continues()
    {
        var trainer = new Trainer(TrainingConfig.Tiny with { MaxSteps = 30 }, Corpus());
        Assert.Equal(StopReason.StepsRequested, trainer.Run(steps: 12).Reason);
        Assert.Equal(StopReason.MaxSteps, trainer.Run(steps: 100).Reason);
        Assert.Equal(30, trainer.Step);
    }

    [Fact]
    public void An_invalid_config_is_rejected_before_training()
    {
        var e = Assert.Throws<ArgumentException>(() => new Trainer(TrainingConfig.Tiny with { BatchSize = 0 }, Corpus()));
        Assert.Equal("BatchSize", e.ParamName);
    }

    [Fact]
    public void A_text_too_short_for_the_batch_shape_is_explained()
    {
        var e = Assert.Throws<ArgumentException>(() => new Trainer(TrainingConfig.Default, Corpus()));
        Assert.Contains("Lower BatchSize or SequenceLength", e.Message);
    }
}

using LstmCourse.Training;

namespace LstmCourse.Tests.Training;

public class LearningRateScheduleTests
{
    [Fact]
    public void Constant_stays_at_the_rate()
    {
        var s = LearningRateSchedule.Constant(0.01);
        Assert.All(new long[] { 0, 1, 999, 1_000_000 }, t => Assert.Equal(0.01, s.At(t)));
    }

    [Fact]
    public void Step_multiplies_by_gamma_every_k_steps()
    {
        var s = LearningRateSchedule.Step(0.1, every: 10, gamma: 0.5);
        Assert.Equal(0.1, s.At(0));
        Assert.Equal(0.1, s.At(9));
        Assert.Equal(0.05, s.At(10));
        Assert.Equal(0.025, s.At(29), 15);
        Assert.Equal(0.0125, s.At(30), 15);
    }

    [Fact]
    public void Cosine_goes_from_the_rate_through_the_midpoint_to_the_floor_and_stays()
    {
        var s = LearningRateSchedule.Cosine(0.1, totalSteps: 100, floor: 0.02);
        Assert.Equal(0.1, s.At(0), 15);
        Assert.Equal(0.06, s.At(50), 15);                                                   // halfway: (η + η_min) / 2
        Assert.Equal(0.02 + 0.08 * (1 + Math.Cos(Math.PI * 0.25)) / 2, s.At(25), 15);
        Assert.Equal(0.02, s.At(100), 15);
        Assert.Equal(0.02, s.At(500), 15);
    }

    [Fact]
    public void Warm_up_ramps_linearly_then_the_schedule_starts_after_it()
    {
        var s = LearningRateSchedule.Cosine(0.1, totalSteps: 104, floor: 0, warmup: 4);
        double[] ramp = [0.025, 0.05, 0.075, 0.1];                                          // η (t + 1) / W
        for (int t = 0; t < 4; t++) Assert.Equal(ramp[t], s.At(t), 15);
        Assert.Equal(0.1, s.At(4), 15);                                                     // s = t − W = 0
        Assert.Equal(0.05, s.At(54), 15);                                                   // halfway through S = 100
        var step = LearningRateSchedule.Step(0.1, every: 10, gamma: 0.5, warmup: 5);
        Assert.Equal(0.1, step.At(14));
        Assert.Equal(0.05, step.At(15));
    }

    [Fact]
    public void The_config_chooses_the_schedule()
    {
        var s = LearningRateSchedule.From(TrainingConfig.Tiny with { Schedule = ScheduleKind.Cosine, LearningRate = 0.2, MinLearningRate = 0.1, MaxSteps = 10 });
        Assert.Equal(ScheduleKind.Cosine, s.Kind);
        Assert.Equal(0.1, s.At(10), 15);
    }

    [Fact]
    public void Bad_arguments_are_rejected_by_name()
    {
        Assert.Contains("every", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Step(0.1, 0, 0.5)).Message);
        Assert.Contains("gamma", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Step(0.1, 5, 1.5)).Message);
        Assert.Contains("floor", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Cosine(0.1, 10, 0.2)).Message);
        Assert.Contains("learning rate", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Constant(-1)).Message);
    }
}

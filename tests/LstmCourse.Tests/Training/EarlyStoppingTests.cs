using LstmCourse.Training;

namespace LstmCourse.Tests.Training;

public class EarlyStoppingTests
{
    [Fact]
    public void Stops_after_patience_evaluations_without_improvement()
    {
        var stop = new EarlyStopping(patience: 2);
        Assert.True(stop.Update(2.0, 100));
        Assert.True(stop.Update(1.5, 200));
        Assert.False(stop.Update(1.6, 300));
        Assert.False(stop.ShouldStop);
        Assert.False(stop.Update(1.5, 400));                                                // equal is not better
        Assert.True(stop.ShouldStop);
        Assert.Equal(1.5, stop.Best);
        Assert.Equal(200, stop.BestStep);
    }

    [Fact]
    public void An_improvement_resets_the_count()
    {
        var stop = new EarlyStopping(patience: 2);
        stop.Update(2.0, 1);
        stop.Update(2.1, 2);
        stop.Update(1.9, 3);
        Assert.Equal(0, stop.BadEvaluations);
        stop.Update(2.0, 4);
        Assert.False(stop.ShouldStop);
    }

    [Fact]
    public void Improvements_smaller_than_min_delta_do_not_count()
    {
        var stop = new EarlyStopping(patience: 1, minDelta: 0.01);
        stop.Update(1.0, 1);
        Assert.False(stop.Update(0.995, 2));
        Assert.True(stop.ShouldStop);
        Assert.Equal(1.0, stop.Best);
    }

    [Fact]
    public void Bad_settings_are_rejected_by_name()
    {
        Assert.Contains("patience", Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping(0)).Message);
        Assert.Contains("minDelta", Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping(1, -0.1)).Message);
    }
}

using LstmCourse.Fitting;

namespace LstmCourse.Tests.Fitting;

public class ExampleTests
{
    private static double[][] Xs(int T) => Enumerable.Range(0, T).Select(t => new[] { (double)t }).ToArray();

    [Fact]
    public void Many_to_one_puts_the_label_at_the_last_step_only()
    {
        var e = Example.ManyToOne(Xs(4), 2);
        Assert.Equal([-1, -1, -1, 2], e.Labels!);
        Assert.True(e.IsClassification);
        Assert.Equal(4, e.Steps);
    }

    [Fact]
    public void Exactly_one_kind_of_target_is_required()
    {
        Assert.Throws<ArgumentException>(() => new Example(Xs(2)));
        Assert.Throws<ArgumentException>(() => new Example(Xs(2), [0, 1], [[1.0], [2.0]]));
    }

    [Fact]
    public void Mismatched_lengths_and_empty_targets_are_rejected_with_sizes()
    {
        Assert.Contains("3 steps but xs has 2", Assert.Throws<ArgumentException>(() => Example.Classify(Xs(2), [0, 1, 2])).Message);
        Assert.Contains("no target", Assert.Throws<ArgumentException>(() => Example.Classify(Xs(2), [-1, -1])).Message);
        Assert.Contains("no target", Assert.Throws<ArgumentException>(() => Example.Regress(Xs(2), [null, null])).Message);
        Assert.Contains("xs[1] has length 2", Assert.Throws<ArgumentException>(() => Example.Classify([[1.0], [1.0, 2.0]], [0, 0])).Message);
    }
}

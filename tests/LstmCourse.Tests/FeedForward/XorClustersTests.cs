using LstmCourse.FeedForward;

namespace LstmCourse.Tests.FeedForward;

public class XorClustersTests
{
    [Fact]
    public void The_label_is_one_where_the_cluster_signs_agree()
    {
        var data = XorClusters.Generate(400, 0.2, seed: 3);
        foreach (var e in data)
        {
            double x1 = e.Xs[0][0], x2 = e.Xs[0][1];
            Assert.Equal(Math.Sign(x1) == Math.Sign(x2) ? 1 : 0, e.Labels![0]);  // noise 0.2 never crosses an axis here
        }
        Assert.Equal(200, data.Count(e => e.Labels![0] == 1));
    }

    [Fact]
    public void The_same_seed_gives_the_same_points()
    {
        var a = XorClusters.Generate(10, 0.3, seed: 4);
        var b = XorClusters.Generate(10, 0.3, seed: 4);
        var c = XorClusters.Generate(10, 0.3, seed: 5);
        Assert.Equal(a.Select(e => e.Xs[0][0]), b.Select(e => e.Xs[0][0]));
        Assert.NotEqual(a.Select(e => e.Xs[0][0]), c.Select(e => e.Xs[0][0]));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Contains("count", Assert.Throws<ArgumentException>(() => XorClusters.Generate(0)).Message);
        Assert.Contains("noise", Assert.Throws<ArgumentException>(() => XorClusters.Generate(4, -1)).Message);
    }
}

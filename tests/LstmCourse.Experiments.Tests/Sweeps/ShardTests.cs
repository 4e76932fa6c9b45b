using LstmCourse.Experiments.Sweeps;

namespace LstmCourse.Experiments.Tests.Sweeps;

public class ShardTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 5)]
    [InlineData(4, 2)]
    [InlineData(7, 3)]
    [InlineData(12, 4)]
    [InlineData(12, 12)]
    [InlineData(30, 7)]
    [InlineData(64, 64)]
    [InlineData(3, 8)]
    public void The_shards_are_disjoint_their_union_is_the_grid_and_their_sizes_differ_by_at_most_one(int runs, int n)
    {
        var shards = Enumerable.Range(1, n).Select(k => new Shard(k, n).Runs(runs).ToList()).ToList();

        var all = shards.SelectMany(s => s).ToList();
        Assert.Equal(Enumerable.Range(1, runs), all.Order());                              // every run once: disjoint, and the union is the grid
        Assert.True(shards.Max(s => s.Count) - shards.Min(s => s.Count) <= 1, string.Join(" | ", shards.Select(s => s.Count)));
        for (int k = 1; k <= n; k++)
            Assert.All(shards[k - 1], i => Assert.Equal(k, (i - 1) % n + 1));             // run i is in shard ((i - 1) mod n) + 1
    }

    [Fact]
    public void A_grid_whose_first_knob_is_slowest_gives_every_shard_a_share_of_each_value()
    {
        var grid = SweepGrid.Parse(["HiddenSize=64,256", "LearningRate=0.001,0.002,0.003,0.004"]);   // the big models are runs 5-8

        foreach (int k in new[] { 1, 2 })
        {
            var sizes = new Shard(k, 2).Runs(grid.Count).Select(i => grid.Point(i).Values[0].Value).ToList();
            Assert.Equal(["64", "64", "256", "256"], sizes);
        }
    }

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/3", 2, 3)]
    [InlineData("10/10", 10, 10)]
    public void Parse_reads_k_of_n(string text, int k, int n) => Assert.Equal(new Shard(k, n), Shard.Parse(text));

    [Theory]
    [InlineData("3/2", "there is no shard 3 of 2; shards are numbered from 1 to 2")]
    [InlineData("0/2", "shards are numbered from 1 to 2; the first is --shard 1/2")]
    [InlineData("1/0", "n is the number of shards and must be at least 1")]
    [InlineData("2", "--shard takes k/n")]
    [InlineData("a/b", "--shard takes k/n")]
    [InlineData("-1/2", "--shard takes k/n")]
    [InlineData("1/2/3", "--shard takes k/n")]
    public void Parse_names_what_is_wrong(string text, string message)
    {
        var e = Assert.Throws<ExperimentInputException>(() => Shard.Parse(text));
        Assert.Contains(message, e.Message);
    }
}

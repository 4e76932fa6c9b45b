using LstmCourse.Notebooks.Tests.Support;
using LstmCourse.Runner.Commands;

namespace LstmCourse.Notebooks.Tests.Commands;

public class MakeDatasetCommandTests
{
    [Fact]
    public void Weather_writes_the_committed_corpus_byte_for_byte()
    {
        using var temp = new TempFolder();
        string folder = temp.PathOf("weather");

        var result = Cli.Run("make-dataset", "weather", "--out", folder);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.Contains("1972 products, 1899070 bytes, SHA-256 84f3649118678eb72b81c50833949240d99927704c033578fa4565a83db8711a", result.Output);
        Assert.Contains("220 products, 206163 bytes, SHA-256 2c6bd6b31580a4af13a7a05d18ee00c2608f1bbf345e8d00006c4d940ed1d2eb", result.Output);
        Assert.Equal(1899070, new FileInfo(Path.Combine(folder, "train.txt")).Length);
        Assert.Equal(206163, new FileInfo(Path.Combine(folder, "valid.txt")).Length);
    }

    [Theory]
    [InlineData("name one dataset: weather.")]
    [InlineData("unknown dataset 'shakespeare'; datasets: weather.", "shakespeare")]
    [InlineData("name one dataset: weather; got 2.", "weather", "weather")]
    [InlineData("unknown option '--output' for 'make-dataset'", "weather", "--output", "x")]
    public void Mistakes_are_usage_errors(string message, params string[] args)
    {
        var result = Cli.Run(["make-dataset", .. args]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void The_new_verbs_are_listed_with_their_usage()
    {
        var overview = Cli.Run("help");
        foreach (string verb in new[] { "train", "sample", "sweep", "make-dataset" })
        {
            Assert.Contains($"  {verb} ", overview.Output);
            Assert.StartsWith($"lstm-course {verb}", Cli.Run(verb, "--help").Output);
        }
    }
}

using LstmCourse.Notebooks.Tests.Support;
using LstmCourse.Runner.Commands;
using LstmCourse.Weather;

namespace LstmCourse.Notebooks.Tests.Commands;

public class SampleCommandTests
{
    private static readonly Lazy<string> run = new(() =>
    {
        string folder = Directory.CreateTempSubdirectory("lstm-course-lab-sample-").FullName;
        var result = Cli.Run("train", "--config", "tiny", "--set", "MaxSteps=40", "--corpus", LabFixture.TinyWeather, "--out", folder);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        return folder;
    });

    [Fact]
    public void The_same_seed_prints_the_same_text_after_the_prime()
    {
        string checkpoint = Directory.GetFiles(run.Value, "*.ckpt").Single();

        var first = Cli.Run("sample", "--checkpoint", checkpoint, "--prime", "WVZ\\n", "--length", "120", "--seed", "5", "--temperature", "0.7");
        var again = Cli.Run("sample", "--checkpoint", run.Value, "--prime", "WVZ\\n", "--length", "120", "--seed", "5", "--temperature", "0.7");
        var other = Cli.Run("sample", "--checkpoint", checkpoint, "--prime", "WVZ\\n", "--length", "120", "--seed", "6", "--temperature", "0.7");

        Assert.True(first.ExitCode == ExitCodes.Ok, first.Error);
        Assert.StartsWith("WVZ\n", first.Output);
        Assert.Equal(4 + 120 + Environment.NewLine.Length, first.Output.Length);
        Assert.Equal(first.Output, again.Output);
        Assert.NotEqual(first.Output, other.Output);
    }

    [Fact]
    public void Greedy_and_top_k_1_agree_and_validate_prints_scores()
    {
        var greedy = Cli.Run("sample", "--checkpoint", run.Value, "--greedy", "--length", "50");
        var topOne = Cli.Run("sample", "--checkpoint", run.Value, "--top-k", "1", "--length", "50", "--validate");

        Assert.Equal(ExitCodes.Ok, topOne.ExitCode);
        Assert.StartsWith(greedy.Output, topOne.Output);
        Assert.Contains("validator: ", topOne.Output);
    }

    [Fact]
    public void Products_are_primed_with_validation_headers_spread_over_the_file_and_end_at_their_terminator()
    {
        var headers = ForecastSampling.Products(File.ReadAllText(Path.Combine(LabFixture.TinyWeather, "valid.txt"))).Select(ForecastSampling.Header).ToList();
        Assert.True(headers.Count >= 3, $"the tiny corpus has {headers.Count} validation products");

        var result = Cli.Run("sample", "--checkpoint", run.Value, "--products", "3", "--corpus", LabFixture.TinyWeather, "--validate", "--seed", "2");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        int[] expected = [0, headers.Count / 3, 2 * headers.Count / 3];
        int at = 0;
        foreach (int k in expected)
        {
            at = result.Output.IndexOf(headers[k], at, StringComparison.Ordinal);
            Assert.True(at >= 0, $"header {k} is not in the output, in order:\n{result.Output}");
        }
        Assert.Contains("validator: ", result.Output);
    }

    [Theory]
    [InlineData("drop --prime and --length", "--products", "2", "--length", "30", "--corpus", "TINY")]
    [InlineData("--products takes a whole number from 1 to", "--products", "0", "--corpus", "TINY")]
    [InlineData("pass --corpus DIR", "--products", "2", "--corpus", "/no/such/folder")]
    public void Product_mistakes_are_usage_errors(string message, params string[] args)
    {
        var result = Cli.Run(["sample", "--checkpoint", run.Value, .. args.Select(a => a == "TINY" ? LabFixture.TinyWeather : a)]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Theory]
    [InlineData("--checkpoint is required", "--length", "10")]
    [InlineData("does not exist", "--checkpoint", "/no/such.ckpt")]
    [InlineData("--temperature takes a positive number", "--checkpoint", "RUN", "--temperature", "0")]
    [InlineData("--length takes a whole number", "--checkpoint", "RUN", "--length", "ten")]
    [InlineData("--top-k takes a whole number", "--checkpoint", "RUN", "--top-k", "0")]
    [InlineData("--seed takes a whole number", "--checkpoint", "RUN", "--seed", "x")]
    [InlineData("not in the vocabulary", "--checkpoint", "RUN", "--prime", "hello ~")]
    [InlineData("unknown option '--temp'", "--checkpoint", "RUN", "--temp", "1")]
    public void Mistakes_are_usage_errors(string message, params string[] args)
    {
        var result = Cli.Run(["sample", .. args.Select(a => a == "RUN" ? run.Value : a)]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void A_file_that_is_not_a_checkpoint_is_a_usage_error_naming_it()
    {
        using var temp = new TempFolder();
        string bogus = temp.Write("model.ckpt", "not a checkpoint at all, just text");

        var result = Cli.Run("sample", "--checkpoint", bogus);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("model.ckpt", result.Error);
        Assert.Contains("not an LstmCourse checkpoint", result.Error);
    }
}

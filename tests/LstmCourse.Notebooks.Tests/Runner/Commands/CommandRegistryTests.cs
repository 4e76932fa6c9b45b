using LstmCourse.Notebooks.Tests.Support;
using LstmCourse.Runner.Commands;

namespace LstmCourse.Notebooks.Tests.Runner.Commands;

public class CommandRegistryTests
{
    [Fact]
    public void Every_verb_has_a_unique_name_a_summary_and_a_usage_starting_with_its_synopsis()
    {
        Assert.Equal(["run", "clear", "check", "train", "sample", "sweep", "report", "make-dataset", "help"], CommandRegistry.Commands.Select(c => c.Name));
        Assert.All(CommandRegistry.Commands, command =>
        {
            Assert.NotEmpty(command.Summary);
            Assert.StartsWith($"lstm-course {command.Name}", command.Usage);
        });
    }

    [Fact]
    public void An_unknown_verb_is_a_usage_error_listing_the_verbs()
    {
        var result = Cli.Run("trian");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("unknown verb 'trian'; verbs: run, clear, check, train, sample, sweep, report, make-dataset, help.", result.Error);
    }

    [Fact]
    public void No_verb_prints_the_overview_as_a_usage_error()
    {
        var result = Cli.Run();

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("  run  ", result.Error);
    }

    [Theory]
    [InlineData("help", "run")]
    [InlineData("run", "--help")]
    [InlineData("run", "-h")]
    public void Help_prints_a_verbs_usage(string first, string second)
    {
        var result = Cli.Run(first, second);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith("lstm-course run <notebook-or-folder>...", result.Output);
        Assert.Contains("--cell-timeout SECONDS", result.Output);
    }

    [Fact]
    public void A_usage_error_prints_the_problem_and_the_synopsis()
    {
        var result = Cli.Run("clear", "--force", "x");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("lstm-course clear: unknown option '--force' for 'clear'; it takes no options.", result.Error);
        Assert.Contains("usage: lstm-course clear <notebook-or-folder>...", result.Error);
    }
}

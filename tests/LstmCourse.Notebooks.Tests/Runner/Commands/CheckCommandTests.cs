using LstmCourse.Notebooks.Tests.Support;
using LstmCourse.Runner.Commands;

namespace LstmCourse.Notebooks.Tests.Runner.Commands;

public class CheckCommandTests
{
    private static Cli.Result Check(string notebooks, string? sdk = "10.0.100")
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = new CheckCommand(_ => sdk).Execute(["--notebooks", notebooks], output, error);
        return new Cli.Result(exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_ready_folder_passes_with_an_ok_line_per_finding()
    {
        using var temp = new TempFolder();
        temp.Copy("success.ipynb", "notebooks");
        temp.Copy("reference.ipynb", "notebooks");
        ShapesLibrary.WriteTo(temp.PathOf("notebooks", "lib", "Shapes.dll"));

        var result = Check(temp.PathOf("notebooks"));

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("OK       .NET SDK 10.0.100", result.Output);
        Assert.Contains("OK       lib/Shapes.dll exists (#r in 1 notebook)", result.Output);
        Assert.Contains("OK       success.ipynb: reads, and its 6 code cells compile", result.Output);
        Assert.Contains("verdict: all OK", result.Output);
        Assert.DoesNotContain("PROBLEM", result.Output);
        Assert.False(File.Exists(temp.PathOf("notebooks", "ran.txt")));
    }

    [Fact]
    public void A_folder_with_problems_names_each_with_its_fix()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.PathOf(".git"));
        temp.Write("lib/Shapes/Shapes.csproj", "<Project />");
        temp.Copy("reference.ipynb", "notebooks");
        temp.Copy("compile-error.ipynb", "notebooks");
        temp.Copy("magic.ipynb", "notebooks");
        temp.Copy("malformed.ipynb", "notebooks");

        var result = Check(temp.PathOf("notebooks"));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        string text = result.Output.Replace("\r\n", "\n");
        Assert.Contains("PROBLEM  malformed.ipynb cannot be read: ", text);
        Assert.Contains(":7:4: invalid JSON", text);
        Assert.Contains("PROBLEM  lib/Shapes.dll does not exist", text);
        Assert.Matches(@"fix: dotnet build \S*lib/Shapes/Shapes\.csproj\n", text);
        Assert.Contains("PROBLEM  compile-error.ipynb cell 2 (id broken), line 2, column 9: error CS0029:", text);
        Assert.Contains("PROBLEM  magic.ipynb cell 2 (id timed), line 1: '#!time' is a Polyglot magic command", text);
        Assert.Contains("SKIPPED  reference.ipynb: cells not compiled until the problems above are fixed", text);
        Assert.Contains("SKIPPED  magic.ipynb: cells not compiled", text);
        Assert.Contains("verdict: 4 problem(s)", text);
    }

    [Theory]
    [InlineData("8.0.404", "PROBLEM  .NET SDK 8.0.404 is older than 10.0")]
    [InlineData(null, "PROBLEM  no .NET SDK found")]
    public void An_old_or_missing_sdk_is_a_problem_with_the_install_fix(string? sdk, string line)
    {
        using var temp = new TempFolder();
        temp.Copy("console.ipynb", "notebooks");

        var result = Check(temp.PathOf("notebooks"), sdk);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains(line, result.Output);
        Assert.Contains("fix: install the .NET 10 SDK", result.Output);
    }

    [Fact]
    public void A_missing_notebooks_folder_is_a_usage_error()
    {
        using var temp = new TempFolder();

        var result = Cli.Run("check", "--notebooks", temp.PathOf("nowhere"));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("no folder", result.Error);
        Assert.Contains("--notebooks DIR", result.Error);
    }
}

using LstmCourse.Notebooks.Tests.Support;
using LstmCourse.Runner.Commands;

namespace LstmCourse.Notebooks.Tests.Runner.Commands;

public class ClearCommandTests
{
    [Fact]
    public void Clearing_an_executed_notebook_gives_back_the_original_bytes()
    {
        using var temp = new TempFolder();
        string source = temp.Copy("success.ipynb");
        byte[] original = File.ReadAllBytes(source);
        Assert.Equal(ExitCodes.Ok, Cli.Run("run", source, "--in-place").ExitCode);
        Assert.NotEqual(original, File.ReadAllBytes(source));

        var result = Cli.Run("clear", source);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(original, File.ReadAllBytes(source));
        Assert.Contains("cleared   ", result.Output);
        Assert.Contains("6 output(s), 6 execution count(s)", result.Output);
    }

    [Fact]
    public void Clearing_keeps_attachments_and_unknown_metadata_and_leaves_clean_notebooks_alone()
    {
        using var temp = new TempFolder();
        string dirty = temp.Copy("roundtrip.ipynb", "nb");
        string clean = temp.Copy("console.ipynb", "nb");
        var cleanTime = File.GetLastWriteTimeUtc(clean);

        var result = Cli.Run("clear", temp.PathOf("nb"));

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("unchanged ", result.Output);
        Assert.Equal(cleanTime, File.GetLastWriteTimeUtc(clean));
        string text = File.ReadAllText(dirty);
        string expected = File.ReadAllText(Path.Combine(TempFolder.FixturesFolder, "roundtrip.ipynb"));
        int outputsStart = expected.IndexOf("   \"outputs\": [\n", StringComparison.Ordinal);
        int outputsEnd = expected.IndexOf("\n   ],\n   \"source\": [\n    \"6 * 7\"", StringComparison.Ordinal);
        expected = expected[..outputsStart] + "   \"outputs\": []," + expected[(outputsEnd + "\n   ],".Length)..];
        Assert.Equal(expected.Replace("\"execution_count\": 7,\n   \"id\": \"has-outputs\"", "\"execution_count\": null,\n   \"id\": \"has-outputs\""), text);
    }

    [Fact]
    public void A_malformed_notebook_is_left_untouched_with_exit_code_2()
    {
        using var temp = new TempFolder();
        string malformed = temp.Copy("malformed.ipynb");
        byte[] before = File.ReadAllBytes(malformed);

        var result = Cli.Run("clear", malformed);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains(":7:4: invalid JSON", result.Error);
        Assert.Equal(before, File.ReadAllBytes(malformed));
    }
}

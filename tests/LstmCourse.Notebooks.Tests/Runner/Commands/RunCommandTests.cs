using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Tests.Support;
using LstmCourse.Runner.Commands;

namespace LstmCourse.Notebooks.Tests.Runner.Commands;

public class RunCommandTests
{
    [Fact]
    public void Running_a_folder_writes_each_executed_notebook_and_leaves_the_sources_unchanged()
    {
        using var temp = new TempFolder();
        string success = temp.Copy("success.ipynb", "notebooks");
        string parameters = temp.Copy("parameters.ipynb", "notebooks");
        temp.Copy("success.ipynb", "notebooks/.ipynb_checkpoints");
        byte[] before = File.ReadAllBytes(success);

        var result = Cli.Run("run", temp.PathOf("notebooks"), "--output", temp.PathOf("out"));

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(success));
        Assert.Equal(["parameters.ipynb", "success.ipynb"], Directory.GetFiles(temp.PathOf("out")).Select(Path.GetFileName).Order());
        var executed = Notebook.Load(temp.PathOf("out", "success.ipynb"));
        Assert.Equal("sum 6\n", executed.CellById("sum").Outputs[0].Text);
        Assert.True(result.Output.IndexOf("parameters.ipynb ->", StringComparison.Ordinal) < result.Output.IndexOf("success.ipynb ->", StringComparison.Ordinal));
        Assert.Contains("  [1/6] cell 2 ... ", result.Output);
        Assert.Matches(@"(?m)^success\.ipynb\s+6\s+6\s+0\s+0\s+\d+\.\d\d\s+ok$", result.Output);
        Assert.Matches(@"(?m)^total\s+8\s+8\s+0\s+0\s+\d+\.\d\d\s+ok$", result.Output);
        Assert.Equal("", result.Error);
        Assert.True(File.Exists(parameters));
    }

    [Fact]
    public void A_failing_cell_gives_exit_code_2_and_the_rest_of_the_notebook_still_runs()
    {
        using var temp = new TempFolder();
        string source = temp.Copy("runtime-error.ipynb");
        byte[] before = File.ReadAllBytes(source);

        var result = Cli.Run("run", source, "--output", temp.PathOf("out"));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("cell 3 ... ", result.Output);
        Assert.Contains("FAILED\n      cell 3 (id throws), line 2: boom ---> ArgumentException: root cause", result.Output.Replace("\r\n", "\n"));
        Assert.Matches(@"(?m)^runtime-error\.ipynb\s+3\s+2\s+1\s+0\s+\d+\.\d\d\s+FAILED$", result.Output);
        var executed = Notebook.Load(temp.PathOf("out", "runtime-error.ipynb"));
        Assert.Equal("after\n", executed.CellById("after").Outputs[0].Text);
        Assert.Equal(before, File.ReadAllBytes(source));
    }

    [Fact]
    public void Parameters_given_with_p_reach_the_notebook_as_typed_values()
    {
        using var temp = new TempFolder();
        string source = temp.Copy("parameters.ipynb");

        var result = Cli.Run("run", source, "--output", temp.PathOf("out"),
            "-p", "steps=500", "-p", "lr=0.05", "-p", "verbose=true", "-p", "name=big \"one\"");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var executed = Notebook.Load(temp.PathOf("out", "parameters.ipynb"));
        Assert.Equal("steps=500 lr=0.05 verbose=True name=big \"one\" seed=42 scale=0.5\n", executed.CellById("show").Outputs[0].Text);
        Assert.Contains("steps = 500;", executed.CellById("injected-parameters").Source);
    }

    [Theory]
    [InlineData("epochs=3", "declares no 'epochs'; known parameters: steps (int), lr (double)")]
    [InlineData("steps=many", "-p steps=many: 'many' is not a valid int")]
    [InlineData("verbose=yes", "'yes' is not a valid bool")]
    public void A_parameter_the_notebook_cannot_take_is_a_usage_error_and_nothing_runs(string parameter, string message)
    {
        using var temp = new TempFolder();
        string source = temp.Copy("parameters.ipynb");

        var result = Cli.Run("run", source, "--output", temp.PathOf("out"), "-p", parameter);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Contains("usage: lstm-course run", result.Error);
        Assert.False(Directory.Exists(temp.PathOf("out")) && Directory.GetFiles(temp.PathOf("out")).Length > 0);
        Assert.DoesNotContain("[1/", result.Output);   // no cell ran
    }

    [Fact]
    public void Every_bad_parameter_is_reported_at_once()
    {
        using var temp = new TempFolder();

        var result = Cli.Run("run", temp.Copy("parameters.ipynb"), "--output", temp.PathOf("out"), "-p", "epochs=3", "-p", "steps=lots", "-p", "lr=0.2");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("-p epochs: the parameters cell, cell 2 (id defaults), declares no 'epochs'", result.Error);
        Assert.Contains("-p steps=lots: 'lots' is not a valid int", result.Error);
        Assert.DoesNotContain("lr", result.Error.Replace("lr (double)", ""));
    }

    [Fact]
    public void P_on_a_notebook_without_a_parameters_cell_is_an_error()
    {
        using var temp = new TempFolder();
        var result = Cli.Run("run", temp.Copy("success.ipynb"), "--output", temp.PathOf("out"), "-p", "steps=1");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("no cell tagged 'parameters'", result.Error);
    }

    [Fact]
    public void A_malformed_notebook_is_reported_with_file_and_position_and_the_others_still_run()
    {
        using var temp = new TempFolder();
        string malformed = temp.Copy("malformed.ipynb", "nb");
        temp.Copy("success.ipynb", "nb");
        byte[] before = File.ReadAllBytes(malformed);

        var result = Cli.Run("run", temp.PathOf("nb"), "--output", temp.PathOf("out"));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains($"error: {malformed}:7:4: invalid JSON", result.Error);
        Assert.Equal(temp.PathOf("nb"), File.ReadAllText(temp.PathOf("nb", "ran.txt")));
        Assert.Equal(["success.ipynb"], Directory.GetFiles(temp.PathOf("out")).Select(Path.GetFileName));
        Assert.Matches(@"(?m)^malformed\.ipynb\s+-\s+-\s+-\s+-\s+-\s+MALFORMED$", result.Output);
        Assert.Equal(before, File.ReadAllBytes(malformed));
    }

    [Fact]
    public void An_unsupported_magic_is_named_with_its_cell_and_nothing_runs()
    {
        using var temp = new TempFolder();
        string source = temp.Copy("magic.ipynb");

        var result = Cli.Run("run", source, "--output", temp.PathOf("out"));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("error: cell 2 (id timed), line 1: '#!time' is a Polyglot magic command", result.Error);
        Assert.Contains("fix: remove the magic line", result.Error);
        Assert.False(File.Exists(temp.PathOf("ran.txt")));
        Assert.False(File.Exists(temp.PathOf("out", "magic.ipynb")));
    }

    [Fact]
    public void A_cell_over_the_timeout_stops_its_notebook_and_the_output_says_how_to_raise_the_limit()
    {
        using var temp = new TempFolder();
        string source = temp.Copy("timeout.ipynb");

        var result = Cli.Run("run", source, "--output", temp.PathOf("out"), "--cell-timeout", "1");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("TIMED OUT\n      cell 2 (id sleep) did not finish within 1 s", result.Output.Replace("\r\n", "\n"));
        Assert.Contains("  [3/3] cell 3 ... not run", result.Output);
        Assert.Matches(@"(?m)^timeout\.ipynb\s+3\s+1\s+1\s+1\s+\d+\.\d\d\s+TIMED OUT$", result.Output);
        var executed = Notebook.Load(temp.PathOf("out", "timeout.ipynb"));
        Assert.Contains("Raise the limit with --cell-timeout SECONDS", executed.CellById("sleep").Outputs[^1].ErrorValue);
    }

    [Fact]
    public void In_place_writes_the_outputs_into_the_source_notebook()
    {
        using var temp = new TempFolder();
        string source = temp.Copy("console.ipynb");

        var result = Cli.Run("run", source, "--in-place");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("from a task\n", Notebook.Load(source).CellById("task").Outputs[0].Text);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run", "missing.ipynb")]
    [InlineData("run", "x.ipynb", "--in-place", "--output", "o")]
    [InlineData("run", "x.ipynb", "-p", "no-equals")]
    [InlineData("run", "x.ipynb", "--cell-timeout", "0")]
    public void Command_line_mistakes_are_usage_errors(params string[] args)
    {
        using var temp = new TempFolder();
        temp.Copy("success.ipynb");
        File.Copy(temp.PathOf("success.ipynb"), temp.PathOf("x.ipynb"));
        var absolute = args.Select(arg => arg.EndsWith(".ipynb") ? temp.PathOf(arg) : arg).ToArray();

        var result = Cli.Run(absolute);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("lstm-course run: ", result.Error);
        Assert.False(Directory.Exists(temp.PathOf("o")));
    }

    [Fact]
    public void Output_into_the_sources_own_folder_is_refused_unless_in_place()
    {
        using var temp = new TempFolder();
        string source = temp.Copy("console.ipynb");
        byte[] before = File.ReadAllBytes(source);

        var result = Cli.Run("run", source, "--output", temp.Root);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("the source would be overwritten; to mean that, use --in-place", result.Error);
        Assert.Equal(before, File.ReadAllBytes(source));
    }

    [Fact]
    public void An_output_folder_that_cannot_be_written_is_a_usage_error_before_anything_runs()
    {
        using var temp = new TempFolder();
        string source = temp.Copy("console.ipynb");
        string blocker = temp.Write("blocker", "a file, not a folder");

        var result = Cli.Run("run", source, "--output", Path.Combine(blocker, "out"));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("lstm-course run: cannot write into " + Path.Combine(blocker, "out"), result.Error);
        Assert.DoesNotContain("[1/", result.Output);
    }

    [Fact]
    public void An_output_that_names_an_existing_file_says_so_plainly()
    {
        using var temp = new TempFolder();
        string source = temp.Copy("console.ipynb");
        string file = temp.Write("taken.ipynb", "{}");

        var result = Cli.Run("run", source, "--output", file);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains($"--output {file} is an existing file, not a folder", result.Error);
        Assert.Equal("{}", File.ReadAllText(file));
    }

    [Fact]
    public void A_notebook_that_cannot_be_written_is_named_and_the_others_are_still_written()
    {
        using var temp = new TempFolder();
        temp.Copy("console.ipynb", "nb");
        temp.Copy("success.ipynb", "nb");
        Directory.CreateDirectory(temp.PathOf("out", "console.ipynb", "x"));   // a folder where the executed copy should go

        var result = Cli.Run("run", temp.PathOf("nb"), "--output", temp.PathOf("out"));

        Assert.Equal(ExitCodes.NotWritten, result.ExitCode);
        Assert.Contains($"error: could not write {temp.PathOf("out", "console.ipynb")}: ", result.Error);
        Assert.DoesNotContain(".tmp", result.Error);   // the destination, never the hidden temp file
        Assert.True(File.Exists(temp.PathOf("out", "success.ipynb")));
        Assert.Matches(@"(?m)^console\.ipynb\s+\d+\s+\d+\s+0\s+0\s+\d+\.\d\d\s+NOT WRITTEN$", result.Output);
        Assert.Matches(@"(?m)^success\.ipynb\s+6\s+6\s+0\s+0\s+\d+\.\d\d\s+ok$", result.Output);
    }

    [Fact]
    public void Notebooks_run_side_by_side_with_jobs_and_each_is_reported_whole()
    {
        using var temp = new TempFolder();
        temp.Copy("console.ipynb", "nb");
        temp.Copy("success.ipynb", "nb");
        temp.Copy("parameters.ipynb", "nb");

        var result = Cli.Run("run", temp.PathOf("nb"), "--output", temp.PathOf("out"), "--jobs", "2");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(3, Directory.GetFiles(temp.PathOf("out"), "*.ipynb").Length);
        Assert.Matches(@"(?s)success\.ipynb -> [^\n]*\n(  \[\d/6\] cell \d+ \.\.\. [^\n]* ok\n){6}", result.Output.Replace("\r\n", "\n"));
        Assert.Matches(@"(?m)^total\s+\d+\s+\d+\s+0\s+0\s+\d+\.\d\d\s+ok$", result.Output);
    }

    [Theory]
    [InlineData("--jobs", "0")]
    [InlineData("--jobs", "two")]
    [InlineData("--output-limit", "-5")]
    public void Bad_numbers_for_jobs_and_output_limit_are_usage_errors(string option, string value)
    {
        using var temp = new TempFolder();

        var result = Cli.Run("run", temp.Copy("console.ipynb"), "--output", temp.PathOf("out"), option, value);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains($"{option} takes a positive whole number", result.Error);
    }
}

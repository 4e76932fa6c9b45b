using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Tests.Support;

namespace LstmCourse.Notebooks.Tests.Runner;

/// <summary>The real program, spawned as a user would: <c>dotnet lstm-course.dll run ...</c>.</summary>
public class EndToEndTests
{
    private static (int ExitCode, string Output, string Error) Spawn(string workingDirectory, params string[] args)
    {
        var result = ChildProcess.LstmCourse(workingDirectory, TimeSpan.FromMinutes(2), args);
        Assert.True(result.ExitCode != -1, "lstm-course did not exit");
        return (result.ExitCode, result.Output, result.Error);
    }

    [Fact]
    public void Run_writes_to_artifacts_notebooks_under_the_current_directory_by_default()
    {
        using var temp = new TempFolder();
        temp.Copy("parameters.ipynb", "notebooks");

        var (exit, output, error) = Spawn(temp.Root, "run", "notebooks", "-p", "steps=7");

        Assert.True(exit == 0, output + error);
        var executed = Notebook.Load(temp.PathOf("artifacts", "notebooks", "parameters.ipynb"));
        Assert.StartsWith("steps=7 ", executed.CellById("show").Outputs[0].Text);
        Assert.Contains("notebooks/parameters.ipynb -> artifacts/notebooks/parameters.ipynb", output.Replace('\\', '/'));
    }

    [Fact]
    public void A_failing_notebook_exits_with_2_and_an_unknown_verb_with_1()
    {
        using var temp = new TempFolder();
        temp.Copy("compile-error.ipynb");

        Assert.Equal(2, Spawn(temp.Root, "run", "compile-error.ipynb").ExitCode);
        Assert.Equal(1, Spawn(temp.Root, "rnu").ExitCode);
    }
}

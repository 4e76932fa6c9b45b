using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Running;
using LstmCourse.Notebooks.Tests.Support;

namespace LstmCourse.Notebooks.Tests.Running;

/// <summary>
/// This test process, like lstm-course, carries LstmCourse.dll itself (the runner references it), while the
/// notebooks load it with <c>#r "../artifacts/lib/LstmCourse.dll"</c>: the same build must work, a different one must be named.
/// </summary>
public class HostAssembliesTests
{
    private const string LibraryNotebookCell = "#r \"../artifacts/lib/LstmCourse.dll\"";

    private static string HostCopy => typeof(LstmCourse.Numerics.Matrix).Assembly.Location;

    [Fact]
    public void A_notebook_loading_the_same_build_of_a_library_the_runner_carries_runs_and_displays_its_types()
    {
        using var temp = new TempFolder();
        File.Copy(HostCopy, temp.PathOf("artifacts", "lib", "LstmCourse.dll"));
        var notebook = NotebookText.Save(temp.PathOf("notebooks", "01-matrix.ipynb"),
            LibraryNotebookCell,
            "using LstmCourse.Numerics;\nvar m = new Matrix(2, 3);\nm[1, 2] = 5;\nm");

        var result = NotebookRunner.Run(notebook);

        Assert.Equal(NotebookStatus.Succeeded, result.Status);
        var display = Assert.Single(result.Executed!.Cells[1].Outputs);
        Assert.Contains("<td>Data</td><td>[ 0, 0, 0, 0, 0, 5 ]</td>", display.Data["text/html"]);
    }

    [Fact]
    public void A_notebook_loading_a_different_build_of_a_library_the_runner_carries_is_refused_with_the_fix()
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(temp.PathOf("artifacts", "lib", "LstmCourse.dll"),
            ShapesLibrary.Compile("LstmCourse", "namespace LstmCourse.Numerics { public class Matrix { } }"));
        var notebook = NotebookText.Save(temp.PathOf("notebooks", "01-matrix.ipynb"), LibraryNotebookCell, "1");

        var result = NotebookRunner.Run(notebook);

        Assert.Equal(NotebookStatus.Rejected, result.Status);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("cell 1 (id c1), line 1", problem.Where);
        Assert.Contains("the runner carries a different build of the same assembly", problem.Message);
        Assert.Contains(HostCopy, problem.Message);
        Assert.Contains("rebuild", problem.Fix);
    }

    [Fact]
    public void Libraries_the_runner_does_not_carry_are_no_concern()
    {
        using var temp = new TempFolder();
        string shapes = temp.PathOf("lib", "Shapes.dll");
        ShapesLibrary.WriteTo(shapes);

        Assert.Null(HostAssemblies.DifferentHostCopy(shapes));
        Assert.Null(HostAssemblies.DifferentHostCopy(temp.PathOf("missing.dll")));
        Assert.Null(HostAssemblies.DifferentHostCopy(HostCopy));
    }
}

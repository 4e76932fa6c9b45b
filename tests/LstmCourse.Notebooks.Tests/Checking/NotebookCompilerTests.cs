using LstmCourse.Notebooks.Checking;
using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Tests.Support;

namespace LstmCourse.Notebooks.Tests.Checking;

public class NotebookCompilerTests
{
    [Fact]
    public void Cells_compile_in_order_without_running()
    {
        using var temp = new TempFolder();
        var notebook = Notebook.Load(temp.Copy("success.ipynb"));

        Assert.Empty(NotebookCompiler.Compile(notebook));
        Assert.False(File.Exists(temp.PathOf("ran.txt")));
    }

    [Fact]
    public void Compile_errors_name_cell_line_and_column_and_later_cells_compile_without_the_broken_one()
    {
        var notebook = Notebook.Load(Path.Combine(TempFolder.FixturesFolder, "compile-error.ipynb"));

        var error = Assert.Single(NotebookCompiler.Compile(notebook));

        Assert.Equal("cell 2 (id broken), line 2, column 9", error.Where);
        Assert.Equal("CS0029", error.Id);
    }

    [Fact]
    public void A_cell_using_what_a_broken_cell_declared_does_not_compile_either()
    {
        using var temp = new TempFolder();
        var notebook = NotebookText.Save(temp.PathOf("n.ipynb"), "int a = \"x\";", "a + 1");

        var errors = NotebookCompiler.Compile(notebook);

        Assert.Equal(["CS0029", "CS0103"], errors.Select(e => e.Id));
        Assert.StartsWith("cell 2 (id c2), line 1", errors[1].Where);
    }
}

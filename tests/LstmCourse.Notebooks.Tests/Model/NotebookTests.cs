using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Tests.Support;

namespace LstmCourse.Notebooks.Tests.Model;

public class NotebookTests
{
    [Fact]
    public void Inserting_and_removing_cells_changes_the_json_too()
    {
        var notebook = Notebook.Parse(NotebookText.Of("int a = 1;", "a"));

        notebook.InsertCell(1, Cell.NewCode("new", "a++;", "tagged"));
        notebook.RemoveCell(notebook.CellById("c1"));
        var reread = Notebook.Parse(notebook.ToText());

        Assert.Equal(["new", "c2"], reread.Cells.Select(cell => cell.Id));
        Assert.Equal(["tagged"], reread.CellById("new").Tags);
        Assert.Equal("csharp", reread.CellById("new").Language);
    }

    [Fact]
    public void A_clone_is_independent_of_its_source()
    {
        var notebook = Notebook.Parse(NotebookText.Of("1 + 1"));
        var clone = notebook.Clone();

        clone.Cells[0].AddOutput(Output.Stream("stdout", "x"));
        clone.Cells[0].ExecutionCount = 3;

        Assert.Empty(notebook.Cells[0].Outputs);
        Assert.Null(notebook.Cells[0].ExecutionCount);
        Assert.Equal(3, clone.Cells[0].ExecutionCount);
    }

    [Fact]
    public void Cell_labels_give_position_and_id()
    {
        var notebook = Notebook.Parse(NotebookText.Of("1", "2"));

        Assert.Equal("cell 2 (id c2)", notebook.Cells[1].Label(1));
    }
}

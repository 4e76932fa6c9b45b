using LstmCourse.Notebooks.Format;
using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Tests.Support;

namespace LstmCourse.Notebooks.Tests.Format;

public class NotebookReaderTests
{
    [Fact]
    public void Malformed_json_names_the_file_line_and_column()
    {
        string path = Path.Combine(TempFolder.FixturesFolder, "malformed.ipynb");

        var error = Assert.Throws<NotebookFormatException>(() => Notebook.Load(path));

        Assert.Equal(7, error.Line);
        Assert.Equal(4, error.Column);
        Assert.StartsWith($"{path}:7:4: invalid JSON", error.Message);
    }

    [Fact]
    public void A_schema_problem_names_the_cell_and_the_line_it_starts_on()
    {
        string text = NotebookText.Of("1", "2").Replace("\"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"c2\"", "\"id\": \"c2\"");

        var error = Assert.Throws<NotebookFormatException>(() => Notebook.Parse(text, "x.ipynb"));

        Assert.Contains("cell 2 (id c2): 'cell_type' must be", error.Message);
        int idLine = text.Split('\n').ToList().FindIndex(line => line.Contains("\"c2\"")); // 0-based; the cell's '{' is the line before
        Assert.Equal(idLine, error.Line);
    }

    [Theory]
    [InlineData("", "invalid JSON")]
    [InlineData("[1, 2]", "a notebook is a JSON object")]
    [InlineData("{\"nbformat\": 3, \"nbformat_minor\": 0, \"metadata\": {}, \"cells\": []}", "nbformat is 3")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}}", "'cells' is missing")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"source\": 5}]}", "'source' must be")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"source\": \"\", \"execution_count\": \"1\"}]}", "'execution_count' must be")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\", \"metadata\": {\"tags\": \"parameters\"}, \"source\": \"\"}]}", "'metadata.tags' must be")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"nbformat\": 4, \"metadata\": {}, \"cells\": []}", "not a valid notebook")]
    public void Notebooks_that_are_not_nbformat_4_are_refused_saying_why(string text, string problem)
    {
        var error = Assert.Throws<NotebookFormatException>(() => Notebook.Parse(text, "x.ipynb"));

        Assert.Contains(problem, error.Message);
        Assert.StartsWith("x.ipynb:", error.Message);
    }

    [Fact]
    public void A_code_cell_without_outputs_or_execution_count_still_reads()
    {
        var notebook = Notebook.Parse("{\"nbformat\": 4, \"nbformat_minor\": 4, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"source\": \"1\"}]}");

        Assert.Empty(notebook.Cells[0].Outputs);
        Assert.Null(notebook.Cells[0].ExecutionCount);
        Assert.Null(notebook.Cells[0].Id);
    }
}

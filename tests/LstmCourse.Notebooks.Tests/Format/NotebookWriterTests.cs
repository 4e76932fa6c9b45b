using System.Text;
using System.Text.RegularExpressions;
using LstmCourse.Notebooks.Format;
using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Tests.Support;

namespace LstmCourse.Notebooks.Tests.Format;

public class NotebookWriterTests
{
    public static TheoryData<string> Fixtures() => new(
        Directory.GetFiles(TempFolder.FixturesFolder, "*.ipynb")
            .Select(Path.GetFileName)
            .Where(name => name != "malformed.ipynb")
            .Order()!);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Reading_then_writing_a_notebook_keeps_every_byte(string fixture)
    {
        string text = File.ReadAllText(Path.Combine(TempFolder.FixturesFolder, fixture));

        Assert.Equal(text, Notebook.Parse(text).ToText());
    }

    [Fact]
    public void A_round_trip_keeps_unknown_metadata_cell_ids_attachments_and_outputs()
    {
        var notebook = Notebook.Load(Path.Combine(TempFolder.FixturesFolder, "roundtrip.ipynb"));
        var reread = Notebook.Parse(notebook.ToText());

        Assert.Equal("ÿ", reread.Metadata["x_custom"]!["unicode"]!.GetValue<string>());
        Assert.Equal("yes", reread.CellById("has-outputs").Metadata["x_cell"]!["nested"]!["deep"]!.GetValue<string>());
        Assert.True(reread.Json["x_top_level"]!["kept"]!.GetValue<bool>());
        Assert.Equal(["with-attachment", "has-outputs", "raw"], reread.Cells.Select(cell => cell.Id));
        Assert.StartsWith("iVBOR", reread.Json["cells"]![0]!["attachments"]!["dot.png"]!["image/png"]!.GetValue<string>());
        Assert.Equal(
            ["execute_result", "display_data", "stream", "error"],
            reread.CellById("has-outputs").Outputs.Select(output => output.OutputType));
        Assert.Equal("\u001b[31mred\u001b[0m\ncontrol \u0001 char\r\n", reread.CellById("has-outputs").Outputs[2].Text);
    }

    [Fact]
    public void Another_indentation_and_crlf_line_ends_are_kept()
    {
        string text = Regex.Replace(NotebookText.Of("1 + 1"), "(?m)^ +", indent => indent.Value + indent.Value).Replace("\n", "\r\n");

        Assert.Equal(text, Notebook.Parse(text).ToText());
    }

    [Fact]
    public void New_outputs_are_written_as_jupyter_writes_them()
    {
        var stream = Output.Stream("stdout", "a\nb");
        var display = Output.DisplayData(new Dictionary<string, string>
        {
            ["text/plain"] = "p",
            ["image/svg+xml"] = "<svg>\n</svg>",
            ["image/png"] = "iVBOR\nw0",
            ["application/vnd.plotly.v1+json"] = "{\"data\": []}",
        });

        Assert.Equal(
            "{\n \"name\": \"stdout\",\n \"output_type\": \"stream\",\n \"text\": [\n  \"a\\n\",\n  \"b\"\n ]\n}\n",
            JupyterJson.Serialize(stream.Json, NotebookLayout.Jupyter));
        Assert.Equal(
            """
            {
             "data": {
              "application/vnd.plotly.v1+json": {
               "data": []
              },
              "image/png": "iVBOR\nw0",
              "image/svg+xml": [
               "<svg>\n",
               "</svg>"
              ],
              "text/plain": [
               "p"
              ]
             },
             "metadata": {},
             "output_type": "display_data"
            }

            """.Replace("\r\n", "\n"),
            JupyterJson.Serialize(display.Json, NotebookLayout.Jupyter));
    }

    [Fact]
    public void Saving_replaces_the_file_and_leaves_no_temp_file()
    {
        using var temp = new TempFolder();
        string path = temp.Write("n.ipynb", "old");
        var notebook = Notebook.Parse(NotebookText.Of("1"));

        notebook.Save(path);

        Assert.Equal([path], Directory.GetFiles(temp.Root));
        Assert.Equal(notebook.ToText(), File.ReadAllText(path, Encoding.UTF8));
        Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]);
    }
}

using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Tests.Support;

namespace LstmCourse.Notebooks.Tests.Kernel;

/// <summary>The comparison the real-kernel tests rest on: it finds real differences and forgives only the legitimate ones.</summary>
public class OutputComparisonTests
{
    private static Notebook With(params Output[][] outputsPerCell)
    {
        var notebook = Notebook.Parse(NotebookText.Of(outputsPerCell.Select((_, i) => $"// cell {i + 1}").ToArray()), "/tmp/n.ipynb");
        for (int i = 0; i < outputsPerCell.Length; i++)
        {
            foreach (var output in outputsPerCell[i])
            {
                notebook.Cells[i].AddOutput(Output.FromJson((System.Text.Json.Nodes.JsonObject)output.Json.DeepClone()));
            }
        }
        return notebook;
    }

    private static Output Plain(string text, int count = 1) => Output.ExecuteResult(new Dictionary<string, string> { ["text/plain"] = text }, count);

    [Fact]
    public void Identical_outputs_agree()
    {
        var cell = new[] { Output.Stream("stdout", "a\n"), Plain("x") };
        Assert.Empty(OutputComparison.Differences(With(cell), With(cell), []));
    }

    [Fact]
    public void A_different_text_a_missing_output_a_different_kind_and_a_different_execution_count_are_each_found()
    {
        var kernel = With([Output.Stream("stdout", "a\n")], [Plain("x")], [Output.Stream("stdout", "s\n")], [Plain("y", 4)]);
        var ours = With([Output.Stream("stdout", "b\n")], [], [Output.Stream("stderr", "s\n")], [Plain("y", 5)]);

        var differences = OutputComparison.Differences(kernel, ours, []);

        Assert.Equal(4, differences.Count);
        Assert.StartsWith("cell 1, output 1: text differs", differences[0]);
        Assert.StartsWith("cell 2: the kernel wrote 1 outputs", differences[1]);
        Assert.StartsWith("cell 3, output 1: kind stdout in the kernel, stderr here", differences[2]);
        Assert.StartsWith("cell 4, output 1: execution_count 4 in the kernel, 5 here", differences[3]);
    }

    [Fact]
    public void Durations_speeds_the_bootstrap_script_and_updated_live_displays_are_forgiven()
    {
        var bootstrap = Output.DisplayData(new Dictionary<string, string> { ["text/html"] = "<div id='dotnet-interactive-this-cell-1'></div><script/>" });
        var kernel = With([bootstrap, Output.Stream("stdout", "trained in 3.2 s at 51,200 chars/s\n")],
            [Output.DisplayData(new Dictionary<string, string> { ["text/plain"] = "training..." })]);
        var ours = With([Output.Stream("stdout", "trained in 12 s at 9,001 chars/s\n")],
            [Output.DisplayData(new Dictionary<string, string> { ["text/plain"] = "done: loss 0.1" })]);

        Assert.Empty(OutputComparison.Differences(kernel, ours, [(1, 0)]));
        Assert.Single(OutputComparison.Differences(kernel, ours, []));   // not updated: the content must match
    }
}

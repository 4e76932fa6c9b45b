using System.Diagnostics;
using LstmCourse.Notebooks.Hosting;
using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Running;
using LstmCourse.Notebooks.Tests.Support;

namespace LstmCourse.Notebooks.Tests.Hosting;

/// <summary>
/// Each notebook runs in its own kernel process: what a cell does to that process (exit, fail fast, overflow the stack,
/// hang, flood its output, leave threads running) ends only its own notebook, with every earlier output kept.
/// </summary>
public class NotebookHostTests
{
    private static NotebookRunResult Run(Notebook notebook, NotebookRunOptions? options = null) => NotebookHost.Run(notebook, options);

    [Theory]
    [InlineData("Environment.Exit(0);", "the process exited with code 0 (a call to Environment.Exit?)")]
    [InlineData("Environment.Exit(3);", "the process exited with code 3 (a call to Environment.Exit?)")]
    [InlineData("Environment.FailFast(\"gone\");", "the process was terminated (Environment.FailFast)")]
    [InlineData("int Down(int n) => Down(n + 1) + 1;\nDown(0);", "the stack overflowed (infinite or very deep recursion)")]
    public void A_cell_that_ends_its_process_fails_its_notebook_naming_the_cell_and_keeps_earlier_outputs(string killer, string cause)
    {
        using var temp = new TempFolder();
        var notebook = NotebookText.Save(temp.PathOf("n.ipynb"), "Console.WriteLine(\"before\");", $"Console.WriteLine(\"going\");\n{killer}", "Console.WriteLine(\"after\");");

        var result = Run(notebook);

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Equal([CellStatus.Succeeded, CellStatus.Failed, CellStatus.NotRun], result.Cells.Select(c => c.Status));
        var executed = result.Executed!;
        Assert.Equal("before\n", executed.Cells[0].Outputs.Single().Text);
        Assert.Equal("going\n", executed.Cells[1].Outputs[0].Text);
        var error = executed.Cells[1].Outputs[^1];
        Assert.Equal("KernelDied", error.ErrorName);
        Assert.StartsWith("cell 2 (id c2) ended the notebook's kernel process before it finished: " + cause, error.ErrorValue);
        Assert.Empty(executed.Cells[2].Outputs);
    }

    [Fact]
    public void A_foreground_thread_a_cell_leaves_running_does_not_keep_the_run_alive()
    {
        using var temp = new TempFolder();
        var notebook = NotebookText.Save(temp.PathOf("n.ipynb"),
            "new System.Threading.Thread(() => { while (true) { Console.WriteLine(\"still here\"); System.Threading.Thread.Sleep(10); } }).Start();",
            "\"done\"");
        var watch = Stopwatch.StartNew();

        var result = Run(notebook);

        Assert.Equal(NotebookStatus.Succeeded, result.Status);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Equal("done", result.Executed!.Cells[1].Outputs.Single(o => o.OutputType == "execute_result").Data["text/plain"]);
    }

    [Fact]
    public void A_cell_flooding_its_output_is_stopped_at_its_timeout_and_keeps_only_the_limit()
    {
        using var temp = new TempFolder();
        var notebook = NotebookText.Save(temp.PathOf("n.ipynb"), "while (true) Console.WriteLine(\"spam spam spam spam\");", "1");
        var options = new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(3), OutputLimit = 200_000 };
        var watch = Stopwatch.StartNew();

        var result = Run(notebook, options);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");   // timeout 3 s, kernel start and teardown a few more
        Assert.Equal([CellStatus.TimedOut, CellStatus.NotRun], result.Cells.Select(c => c.Status));
        var outputs = result.Executed!.Cells[0].Outputs;
        Assert.True(outputs.Sum(o => o.Size) < 200_000 + 10_000, $"kept {outputs.Sum(o => o.Size)} characters");
        Assert.Contains(outputs, o => o.StreamName == "stderr" && o.Text.StartsWith("[output truncated: this cell produced more than 200,000 characters", StringComparison.Ordinal));
        Assert.Contains("did not finish within 3 s", outputs[^1].ErrorValue);
    }

    [Fact]
    public void The_kernel_loads_the_library_the_notebook_names_not_a_copy_the_host_carries()
    {
        // This test process carries LstmCourse.dll (through the runner); the notebook names a different build of it.
        using var temp = new TempFolder();
        File.WriteAllBytes(temp.PathOf("artifacts", "lib", "LstmCourse.dll"),
            ShapesLibrary.Compile("LstmCourse", "namespace LstmCourse.Numerics { public class Matrix { public string Who => \"the notebook's build\"; } }"));
        var notebook = NotebookText.Save(temp.PathOf("notebooks", "n.ipynb"),
            "#r \"../artifacts/lib/LstmCourse.dll\"", "new LstmCourse.Numerics.Matrix().Who");

        var result = Run(notebook);

        Assert.Equal(NotebookStatus.Succeeded, result.Status);
        Assert.Equal("the notebook's build", result.Executed!.Cells[1].Outputs.Single().Data["text/plain"]);
    }

    [Fact]
    public void Live_display_updates_arrive_and_the_result_says_which_outputs_were_updated()
    {
        using var temp = new TempFolder();
        var notebook = NotebookText.Save(temp.PathOf("n.ipynb"),
            "var d = display(\"step 0\");", "for (int i = 1; i <= 50; i++) d.Update($\"step {i}\");\n\"updated\"");

        var result = Run(notebook);

        Assert.Equal("step 50", result.Executed!.Cells[0].Outputs.Single().Data["text/plain"]);
        Assert.Equal([(0, 0)], result.UpdatedOutputs);
    }

    [Fact]
    public void An_error_after_injected_parameters_names_the_cell_by_its_place_in_the_source()
    {
        using var temp = new TempFolder();
        string path = temp.Copy("parameters.ipynb");
        var source = Notebook.Load(path);
        int last = source.Cells.Count - 1;
        source.Cells[last].SetSource("throw new Exception(\"late\");");
        source.Save(path);

        var result = Run(Notebook.Load(path), new NotebookRunOptions { Parameters = [new("steps", "3")] });

        var failed = Assert.Single(result.Cells, c => c.Status == CellStatus.Failed);
        Assert.StartsWith($"cell {last + 1} ", failed.Label);
        Assert.StartsWith($"cell {last + 1} ", failed.Error);
        Assert.Contains(result.Cells, c => c.Label.StartsWith("the injected parameters cell (after cell 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Compiler_warnings_go_to_stderr_after_the_cells_output_as_in_the_kernel()
    {
        using var temp = new TempFolder();
        var notebook = NotebookText.Save(temp.PathOf("n.ipynb"), "Console.WriteLine(\"out\");\n#warning look here\n\"value\"");

        var outputs = Run(notebook).Executed!.Cells[0].Outputs;

        Assert.Equal(["stream", "stream", "execute_result"], outputs.Select(o => o.OutputType));
        Assert.Equal("out\n", outputs[0].Text);
        Assert.Equal("stderr", outputs[1].StreamName);
        Assert.Equal("\n(2,10): warning CS1030: #warning: 'look here'\n\n", outputs[1].Text);   // byte for byte what the kernel writes
    }
}

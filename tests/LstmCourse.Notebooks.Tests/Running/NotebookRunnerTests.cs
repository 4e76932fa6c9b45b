using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Running;
using LstmCourse.Notebooks.Tests.Support;

namespace LstmCourse.Notebooks.Tests.Running;

public class NotebookRunnerTests
{
    private static NotebookRunResult Run(string path, NotebookRunOptions? options = null) =>
        NotebookRunner.Run(Notebook.Load(path), options);

    private static string Stdout(Cell cell) =>
        string.Concat(cell.Outputs.Where(o => o.OutputType == "stream" && o.StreamName == "stdout").Select(o => o.Text));

    [Fact]
    public void Every_cell_of_a_good_notebook_runs_in_order_in_one_state()
    {
        using var temp = new TempFolder();
        string path = temp.Copy("success.ipynb", "notebooks");

        var result = Run(path);

        Assert.Equal(NotebookStatus.Succeeded, result.Status);
        Assert.All(result.Cells, cell => Assert.Equal(CellStatus.Succeeded, cell.Status));
        var executed = result.Executed!;
        Assert.Equal("sum 6\n", Stdout(executed.CellById("sum")));
        Assert.Equal([1, 2, 3, 4, 5, 6], executed.Cells.Where(c => c.Kind == CellKind.Code).Select(c => c.ExecutionCount!.Value));
        Assert.Equal(executed.Cells[0].Json.ToJsonString(), Notebook.Load(path).Cells[0].Json.ToJsonString());
    }

    [Fact]
    public void A_cells_last_expression_is_displayed_as_the_kernel_would()
    {
        using var temp = new TempFolder();
        var executed = Run(temp.Copy("success.ipynb")).Executed!;

        var count = Assert.Single(executed.CellById("count").Outputs);
        Assert.Equal("execute_result", count.OutputType);   // as the kernel saves it through Jupyter, with the execution count
        Assert.Equal(executed.CellById("count").ExecutionCount, count.Json["execution_count"]!.GetValue<int>());
        Assert.Equal(["text/html"], count.Data.Keys);
        Assert.Contains("<pre>6</pre>", count.Data["text/html"]);
        Assert.Equal(new Dictionary<string, string> { ["text/plain"] = "plain text" }, Assert.Single(executed.CellById("text").Outputs).Data);
        Assert.Equal("awaited", Assert.Single(executed.CellById("await").Outputs).Data["text/plain"]);
        Assert.Empty(executed.CellById("folder").Outputs);
    }

    [Fact]
    public void Display_and_HTML_work_without_referencing_any_kernel_package()
    {
        using var temp = new TempFolder();
        var executed = Run(temp.Copy("success.ipynb")).Executed!;

        var outputs = executed.CellById("html").Outputs;
        Assert.Equal(2, outputs.Count);
        Assert.Equal(new Dictionary<string, string> { ["text/html"] = "<b>bold</b>" }, outputs[0].Data);
        Assert.Contains("<td>Name</td><td>tiny</td>", outputs[1].Data["text/html"]);
    }

    [Fact]
    public void The_notebooks_folder_is_the_current_directory_while_it_runs()
    {
        using var temp = new TempFolder();
        string path = temp.Copy("success.ipynb", "deep/notebooks");

        Run(path);

        Assert.Equal(Path.GetDirectoryName(path), File.ReadAllText(temp.PathOf("deep", "notebooks", "ran.txt")));
        Assert.NotEqual(Path.GetDirectoryName(path), Environment.CurrentDirectory); // restored (other tests' runs may hold theirs)
    }

    [Fact]
    public void A_compile_error_names_cell_and_line_and_later_cells_still_run()
    {
        using var temp = new TempFolder();
        var result = Run(temp.Copy("compile-error.ipynb"));

        Assert.Equal(NotebookStatus.Failed, result.Status);
        var error = Assert.Single(result.Executed!.CellById("broken").Outputs);
        Assert.Equal("error", error.OutputType);
        Assert.Equal("CompilationError", error.ErrorName);
        Assert.StartsWith("cell 2 (id broken), line 2, column 9: error CS0029:", error.ErrorValue);
        Assert.Equal("a is 1\n", Stdout(result.Executed!.CellById("after")));
        Assert.Equal([CellStatus.Succeeded, CellStatus.Failed, CellStatus.Succeeded], result.Cells.Select(c => c.Status));
    }

    [Fact]
    public void A_runtime_error_keeps_earlier_outputs_names_cell_and_line_and_later_cells_still_run()
    {
        using var temp = new TempFolder();
        var result = Run(temp.Copy("runtime-error.ipynb"));

        var executed = result.Executed!;
        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Equal("before\n", Stdout(executed.CellById("before")));
        var outputs = executed.CellById("throws").Outputs;
        Assert.Equal(["stream", "error"], outputs.Select(o => o.OutputType));
        Assert.Equal("partial\n", outputs[0].Text);
        Assert.Equal("InvalidOperationException", outputs[1].ErrorName);
        Assert.Equal("cell 3 (id throws), line 2: boom ---> ArgumentException: root cause", outputs[1].ErrorValue);
        Assert.Contains("   at Fail in cell 2 (id before), line 3", outputs[1].Traceback);
        Assert.Contains("   at cell 3 (id throws), line 2", outputs[1].Traceback);
        Assert.Equal("after\n", Stdout(executed.CellById("after")));
    }

    [Fact]
    public void Stop_on_error_leaves_the_cells_after_a_failure_not_run()
    {
        using var temp = new TempFolder();
        var result = Run(temp.Copy("runtime-error.ipynb"), new NotebookRunOptions { StopOnError = true });

        Assert.Equal([CellStatus.Succeeded, CellStatus.Failed, CellStatus.NotRun], result.Cells.Select(c => c.Status));
        Assert.Empty(result.Executed!.CellById("after").Outputs);
        Assert.Null(result.Executed!.CellById("after").ExecutionCount);
    }

    [Fact]
    public void Console_output_becomes_stream_outputs_in_order_with_displays()
    {
        using var temp = new TempFolder();
        var executed = Run(temp.Copy("console.ipynb")).Executed!;

        var outputs = executed.CellById("mixed").Outputs;
        Assert.Equal(   // one output per console call, as the kernel records them
            ["stdout:a", "stdout:b\n", "stderr:warn\n", "stdout:c\n", "display:shown", "stdout:d\n"],
            outputs.Select(o => o.OutputType == "stream" ? $"{o.StreamName}:{o.Text}" : $"display:{o.Data["text/plain"]}"));
        Assert.Equal("from a task\n", Stdout(executed.CellById("task")));
    }

    [Fact]
    public void A_display_updated_many_times_is_one_output_with_the_final_content()
    {
        using var temp = new TempFolder();
        var executed = NotebookRunner.Run(NotebookText.Save(temp.PathOf("p.ipynb"),
            "var d = display(\"step 0\");\nfor (int i = 1; i <= 200; i++) d.Update($\"step {i}\");")).Executed!;

        var output = Assert.Single(executed.Cells[0].Outputs);
        Assert.Equal(new Dictionary<string, string> { ["text/plain"] = "step 200" }, output.Data);
    }

    [Fact]
    public void An_update_from_a_later_cell_replaces_the_earlier_cells_output()
    {
        using var temp = new TempFolder();
        var executed = Run(temp.Copy("progress.ipynb")).Executed!;

        var outputs = executed.CellById("progress").Outputs;
        Assert.Equal(2, outputs.Count);
        Assert.Equal("done", outputs[0].Data["text/plain"]);
        Assert.Equal(new Dictionary<string, string> { ["text/html"] = "<i>html as is</i>" }, outputs[1].Data);
        Assert.Empty(executed.CellById("later").Outputs);
    }

    [Theory]
    [InlineData("magic.ipynb", "cell 2 (id timed), line 1", "'#!time' is a Polyglot magic command", "Stopwatch")]
    [InlineData("nuget.ipynb", "cell 2 (id package), line 1", "NuGet references are not supported", "#r its DLL")]
    public void What_the_runner_cannot_honour_is_reported_before_anything_runs(string fixture, string where, string message, string fix)
    {
        using var temp = new TempFolder();
        string path = temp.Copy(fixture);

        var result = Run(path);

        Assert.Equal(NotebookStatus.Rejected, result.Status);
        Assert.Null(result.Executed);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(where, problem.Where);
        Assert.Contains(message, problem.Message);
        Assert.Contains(fix, problem.Fix);
        Assert.False(File.Exists(temp.PathOf("ran.txt")));
        Assert.All(result.Cells, cell => Assert.Equal(CellStatus.NotRun, cell.Status));
    }

    [Fact]
    public void A_cell_in_another_language_is_reported_before_anything_runs()
    {
        using var temp = new TempFolder();
        var notebook = NotebookText.Save(temp.PathOf("mixed.ipynb"), "1", "Get-Date");
        notebook.Cells[1].Metadata["polyglot_notebook"]!["kernelName"] = "pwsh";
        notebook.Save(notebook.Path!);
        string path = notebook.Path!;

        var problem = Assert.Single(Run(path).Problems);

        Assert.Equal("cell 2 (id c2)", problem.Where);
        Assert.Contains("is a 'pwsh' cell", problem.Message);
    }

    [Fact]
    public void A_relative_r_of_a_dll_loads_and_its_types_format_through_the_naming_convention()
    {
        using var temp = new TempFolder();
        string path = temp.Copy("reference.ipynb", "notebooks");
        ShapesLibrary.WriteTo(temp.PathOf("notebooks", "lib", "Shapes.dll"));

        var result = Run(path);

        Assert.Equal(NotebookStatus.Succeeded, result.Status);
        var circle = Assert.Single(result.Executed!.CellById("circle").Outputs);
        Assert.Equal(["image/svg+xml", "text/html"], circle.Data.Keys.Order());
        Assert.Equal("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<circle r=\"2\"/>\n</svg>", circle.Data["image/svg+xml"]);
        Assert.Equal("<p>circle of radius 2</p>", circle.Data["text/html"]);
        var plain = Assert.Single(result.Executed!.CellById("plain").Outputs);
        Assert.Contains("<td>Size</td><td>3</td>", plain.Data["text/html"]);
    }

    [Fact]
    public void The_default_parameters_are_used_without_p()
    {
        using var temp = new TempFolder();
        var executed = Run(temp.Copy("parameters.ipynb")).Executed!;

        Assert.Equal("steps=200 lr=0.1 verbose=False name=tiny seed=42 scale=0.5\n", Stdout(executed.CellById("show")));
        Assert.DoesNotContain(executed.Cells, cell => cell.HasTag("injected-parameters"));
    }

    [Fact]
    public void Parameters_given_to_the_run_are_injected_after_the_parameters_cell_with_their_types()
    {
        using var temp = new TempFolder();
        var options = new NotebookRunOptions
        {
            Parameters = [new("steps", "500"), new("lr", "0.05"), new("verbose", "true"), new("name", "say \"hi\"\\n"), new("scale", "2")],
        };

        var result = Run(temp.Copy("parameters.ipynb"), options);

        Assert.Equal(NotebookStatus.Succeeded, result.Status);
        var executed = result.Executed!;
        Assert.Equal("steps=500 lr=0.05 verbose=True name=say \"hi\"\\n seed=42 scale=2\n", Stdout(executed.CellById("show")));
        Assert.Equal("injected-parameters", executed.Cells[2].Id);
    }

    [Fact]
    public void A_bad_parameter_rejects_the_notebook_before_anything_runs()
    {
        using var temp = new TempFolder();
        var result = Run(temp.Copy("parameters.ipynb"), new NotebookRunOptions { Parameters = [new("steps", "many")] });

        Assert.Equal(NotebookStatus.Rejected, result.Status);
        Assert.Contains("'many' is not a valid int", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void A_cell_that_outlives_its_timeout_is_abandoned_and_the_notebook_stops()
    {
        using var temp = new TempFolder();
        var result = Run(temp.Copy("timeout.ipynb"), new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(1) });

        Assert.Equal(NotebookStatus.TimedOut, result.Status);
        Assert.Equal([CellStatus.Succeeded, CellStatus.TimedOut, CellStatus.NotRun], result.Cells.Select(c => c.Status));
        var executed = result.Executed!;
        var outputs = executed.CellById("sleep").Outputs;
        Assert.Equal("sleeping\n", outputs[0].Text);
        Assert.Equal("CellTimeout", outputs[^1].ErrorName);
        Assert.Contains("cell 2 (id sleep) did not finish within 1 s", outputs[^1].ErrorValue);
        Assert.Contains("--cell-timeout", outputs[^1].ErrorValue);
        Assert.Empty(executed.CellById("never").Outputs);
        Assert.Null(executed.CellById("never").ExecutionCount);
    }

    [Fact]
    public void The_source_notebook_is_left_as_it_was()
    {
        using var temp = new TempFolder();
        var source = Notebook.Load(temp.Copy("success.ipynb"));
        string before = source.ToText();

        NotebookRunner.Run(source);

        Assert.Equal(before, source.ToText());
    }

    [Fact]
    public void Load_resolves_files_next_to_the_notebook_and_their_errors_name_the_file()
    {
        using var temp = new TempFolder();
        temp.Write("nb/helpers/math.csx", "int Twice(int x) => x * 2;\nvoid Boom() =>\n    throw new InvalidOperationException(\"from helper\");");
        var notebook = NotebookText.Save(temp.PathOf("nb", "n.ipynb"), "#load \"helpers/math.csx\"\nTwice(21)", "Boom();");

        var result = NotebookRunner.Run(notebook);

        var executed = result.Executed!;
        Assert.Contains("<pre>42</pre>", executed.Cells[0].Outputs[0].Data["text/html"]);
        var error = executed.Cells[1].Outputs[0];
        Assert.Equal("cell 2 (id c2), line 1: from helper", error.ErrorValue);
        Assert.Contains(error.Traceback, line => line.Contains("math.csx:line 3", StringComparison.Ordinal));
    }
}

using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Parameters;
using LstmCourse.Notebooks.Tests.Support;

namespace LstmCourse.Notebooks.Tests.Parameters;

public class ParameterInjectorTests
{
    private static Notebook Parameters() => Notebook.Load(Path.Combine(TempFolder.FixturesFolder, "parameters.ipynb"));

    private static KeyValuePair<string, string> P(string name, string value) => new(name, value);

    [Fact]
    public void The_injected_cell_follows_the_parameters_cell_and_assigns_typed_literals()
    {
        var notebook = Parameters();

        ParameterInjector.Inject(notebook, [P("steps", "500"), P("lr", "0.05"), P("verbose", "true"), P("name", "a \"b\"")]);

        int parameters = ParameterCell.Find(notebook)!.Value;
        Cell injected = notebook.Cells[parameters + 1];
        Assert.Equal(["injected-parameters"], injected.Tags);
        Assert.Equal("injected-parameters", injected.Id);
        Assert.Equal("csharp", injected.Language);
        Assert.Equal(
            "// Parameters injected by lstm-course run -p\nsteps = 500;\nlr = 0.05;\nverbose = true;\nname = \"a \\\"b\\\"\";",
            injected.Source);
    }

    [Fact]
    public void Injecting_again_replaces_the_earlier_injected_cell()
    {
        var first = Parameters();
        ParameterInjector.Inject(first, [P("steps", "1")]);
        var again = Notebook.Parse(first.ToText());

        ParameterInjector.Inject(again, [P("steps", "2")]);

        Assert.Single(again.Cells, cell => cell.HasTag("injected-parameters"));
        Assert.Contains("steps = 2;", again.Cells.Single(cell => cell.HasTag("injected-parameters")).Source);
    }

    [Fact]
    public void An_unknown_name_lists_the_known_parameters()
    {
        var error = Assert.Throws<ParameterException>(() => ParameterInjector.Inject(Parameters(), [P("epochs", "3")]));

        Assert.Contains("declares no 'epochs'", error.Message);
        Assert.Contains("known parameters: steps (int), lr (double), verbose (bool), name (string), seed (var: long), scale (float)", error.Message);
    }

    [Fact]
    public void A_notebook_without_a_parameters_cell_cannot_take_p()
    {
        var notebook = Notebook.Parse(NotebookText.Of("int steps = 1;"));

        var error = Assert.Throws<ParameterException>(() => ParameterInjector.Inject(notebook, [P("steps", "3")]));

        Assert.Contains("no cell tagged 'parameters'", error.Message);
    }

    [Fact]
    public void A_parameter_given_twice_is_refused()
    {
        var error = Assert.Throws<ParameterException>(() => ParameterInjector.Inject(Parameters(), [P("steps", "1"), P("steps", "2")]));

        Assert.Contains("-p steps is given 2 times", error.Message);
    }
}

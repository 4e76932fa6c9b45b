using LstmCourse.Charts;
using static LstmCourse.Tests.Charts.SvgQuery;

namespace LstmCourse.Tests.Charts;

public class ArchitectureDiagramTests
{
    private static ArchitectureDiagram Three() => new ArchitectureDiagram("Architectures")
        .Add("one to one", "image classification", [true], [true])
        .Add("one to many", "image captioning", [true, false, false], [true, true, true])
        .Add("many to many (delayed)", "translation", [true, true, true, false, false], [false, false, false, true, true]);

    [Fact]
    public void Each_step_gets_a_state_box_and_input_and_output_boxes_where_marked()
    {
        var panels = Parse(Three()).ByClass("architecture").ToArray();

        Assert.Equal(["one to one", "one to many", "many to many (delayed)"], panels.Select(p => (string)p.Attribute("data-name")!));
        Assert.Equal([1, 3, 5], panels.Select(p => p.ByClass("state").Count()));
        Assert.Equal([1, 1, 3], panels.Select(p => p.ByClass("input").Count()));
        Assert.Equal([1, 3, 2], panels.Select(p => p.ByClass("output").Count()));
        // one arrow per input and per output, and one from each state to the next
        Assert.Equal([2, 1 + 3 + 2, 3 + 2 + 4], panels.Select(p => p.ByClass("arrow").Count()));
        Assert.Equal(["one to one", "one to many", "many to many (delayed)"], panels.Select(p => p.One("architecture-name").Value));
        Assert.Equal(["image classification", "image captioning", "translation"], panels.Select(p => p.One("architecture-example").Value));
    }

    [Fact]
    public void Inputs_sit_below_their_state_and_outputs_above_it_in_the_same_column()
    {
        var panel = Parse(Three()).ByClass("architecture").ElementAt(2);
        var states = panel.ByClass("state").ToArray();
        var inputs = panel.ByClass("input").ToArray();
        var outputs = panel.ByClass("output").ToArray();

        for (int t = 0; t < 3; t++)
        {
            Assert.Equal(states[t].Num("x"), inputs[t].Num("x"), 1e-9);
            Assert.True(inputs[t].Num("y") > states[t].Num("y") + states[t].Num("height"));
        }
        for (int k = 0; k < 2; k++)
        {
            Assert.Equal(states[3 + k].Num("x"), outputs[k].Num("x"), 1e-9);
            Assert.True(outputs[k].Num("y") + outputs[k].Num("height") < states[3 + k].Num("y"));
        }
        Assert.All(states.Zip(states.Skip(1)), pair => Assert.True(pair.Second.Num("x") > pair.First.Num("x") + pair.First.Num("width")));
    }

    [Fact]
    public void Panels_do_not_overlap_and_stay_inside_the_card()
    {
        var chart = Three();
        var panels = Parse(chart).ByClass("architecture").Select(p => p.ByClass("state").Concat(p.ByClass("input")).Concat(p.ByClass("output")).ToArray()).ToArray();
        var spans = panels.Select(boxes => (Left: boxes.Min(b => b.Num("x")), Right: boxes.Max(b => b.Num("x") + b.Num("width")))).ToArray();

        Assert.True(spans[0].Left > 0 && spans[^1].Right < chart.Width);
        Assert.All(spans.Zip(spans.Skip(1)), pair => Assert.True(pair.First.Right < pair.Second.Left));
    }

    [Fact]
    public void It_formats_itself_like_every_chart_and_describes_its_panels()
    {
        var chart = Three();
        var outputs = KernelConvention.Format(chart);

        Assert.Equal(["image/svg+xml", "text/html", "text/plain"], KernelConvention.PreferredMimeTypes(typeof(ArchitectureDiagram)));
        Assert.Equal(chart.ToSvg(), outputs["image/svg+xml"]);
        Assert.Equal(chart.ToSvg(), Three().ToSvg());                                     // deterministic
        Assert.Equal("ArchitectureDiagram 'Architectures': 3 architecture(s): one to one (1 in, 1 out, 1 steps); one to many (1 in, 3 out, 3 steps); "
                   + "many to many (delayed) (3 in, 2 out, 5 steps)", outputs["text/plain"]);
        Assert.Contains("no architectures", new ArchitectureDiagram("empty").ToSvg());
    }

    [Fact]
    public void Bad_panels_are_rejected_naming_the_problem()
    {
        var chart = new ArchitectureDiagram();
        Assert.Contains("2 steps but outputs has 1", Assert.Throws<ArgumentException>(() => chart.Add("a", null, [true, true], [true])).Message);
        Assert.Contains("no step takes an input", Assert.Throws<ArgumentException>(() => chart.Add("a", null, [false], [true])).Message);
        Assert.Contains("no step gives an output", Assert.Throws<ArgumentException>(() => chart.Add("a", null, [true], [false])).Message);
        Assert.Contains("inputs is empty", Assert.Throws<ArgumentException>(() => chart.Add("a", null, [], [])).Message);
        Assert.Contains("name is empty", Assert.Throws<ArgumentException>(() => chart.Add(" ", null, [true], [true])).Message);
        Assert.Empty(chart.Panels);
    }
}

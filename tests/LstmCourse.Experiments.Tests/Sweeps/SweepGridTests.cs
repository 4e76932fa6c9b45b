using LstmCourse.Experiments.Sweeps;

namespace LstmCourse.Experiments.Tests.Sweeps;

public class SweepGridTests
{
    [Fact]
    public void Points_are_the_nested_loops_with_the_first_knob_outermost()
    {
        var grid = SweepGrid.Parse(["HiddenSize=8,16", "learningrate=0.01,0.02,0.03", "Seed=1,2"]);
        var loops = new List<string>();
        foreach (string h in new[] { "8", "16" })
            foreach (string lr in new[] { "0.01", "0.02", "0.03" })
                foreach (string seed in new[] { "1", "2" })
                    loops.Add($"HiddenSize={h} LearningRate={lr} Seed={seed}");

        Assert.Equal(12, grid.Count);
        Assert.Equal(loops, grid.Points().Select(p => p.Label));
        Assert.Equal(Enumerable.Range(1, 12), grid.Points().Select(p => p.Index));
    }

    [Fact]
    public void Folder_names_are_unique_numbered_to_the_width_of_the_count_and_name_the_values()
    {
        var small = SweepGrid.Parse(["Layers=1,2"]);
        var large = SweepGrid.Parse(["Seed=" + string.Join(",", Enumerable.Range(1, 120))]);

        Assert.Equal("run-01-Layers=1", small.FolderName(1));
        Assert.Equal("run-007-Seed=7", large.FolderName(7));
        Assert.Equal("run-120-Seed=120", large.FolderName(120));
        Assert.Equal(120, Enumerable.Range(1, 120).Select(large.FolderName).Distinct().Count());
        Assert.Equal("run-01-WindowsStartAfter=__n", SweepGrid.Parse(["WindowsStartAfter=$$n"]).FolderName(1));   // no shell-special characters
    }

    [Theory]
    [InlineData("give at least one --grid")]
    [InlineData("unknown config field \"Hidden\"; known fields: HiddenSize", "Hidden=1,2")]
    [InlineData("--grid takes name=v1,v2", "Layers")]
    [InlineData("--grid takes name=v1,v2", "Layers=")]
    [InlineData("--grid Layers has an empty value", "Layers=1,,2")]
    [InlineData("--grid Layers lists a value twice", "Layers=1,2,1")]
    [InlineData("--grid Layers is given twice", "Layers=1", "layers=2")]
    [InlineData("the grid has 12100 combinations; at most 10000 are allowed", "Seed=1,2,3,4,5,6,7,8,9,10,11", "HiddenSize=1,2,3,4,5,6,7,8,9,10,11", "Layers=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100")]
    public void Mistakes_are_named(string message, params string[] grids)
    {
        var e = Assert.Throws<ExperimentInputException>(() => SweepGrid.Parse(grids));
        Assert.Contains(message, e.Message);
    }
}

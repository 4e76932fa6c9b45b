using LstmCourse.Notebooks.Execution;

namespace LstmCourse.Notebooks.Tests.Execution;

public class DirectivesTests
{
    [Fact]
    public void File_references_are_found_with_their_lines_and_nuget_ones_are_not()
    {
        const string cell = "#r \"../artifacts/lib/LstmCourse.dll\"\n  #r \"nuget: Foo, 1.0\"\n#r \"System.Text.Json\"\n#r \"lib\\\\Shapes.dll\"\nvar x = 1;";

        var references = Directives.FileReferences(cell).ToList();

        Assert.Equal([(1, "../artifacts/lib/LstmCourse.dll"), (4, "lib\\\\Shapes.dll")], references);
    }

    [Theory]
    [InlineData("#!time", true)]
    [InlineData("#!csharp", true)]
    [InlineData("#r \"x.dll\"", false)]
    [InlineData("// #!time", false)]
    public void Magics_are_lines_starting_with_hash_bang(string line, bool magic)
    {
        Assert.Equal(magic, Directives.IsMagic(line));
    }

    [Fact]
    public void NuGet_references_are_recognised_in_any_case()
    {
        Assert.True(Directives.IsNuGet(Directives.Reference("#r \"NuGet:Plotly.NET\"")!));
        Assert.Equal("https://example.org/feed", Directives.PackageSource("#i \"https://example.org/feed\""));
    }
}

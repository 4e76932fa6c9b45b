using LstmCourse.Notebooks.Parameters;

namespace LstmCourse.Notebooks.Tests.Parameters;

public class ParameterCellTests
{
    [Fact]
    public void Declarations_take_their_type_from_the_declaration_or_from_the_literal()
    {
        var declared = ParameterCell.Declarations("""
            int steps = 200;
            double lr = 0.1;
            bool verbose = false;
            string name = "tiny";
            var n = 5;
            var seed = 42L;
            float scale = 0.5f;
            var negative = -2.5;
            System.Int32 width = 3;
            int[] sizes = { 1, 2 };
            var computed = Math.Sqrt(2);
            """);

        Assert.Equal(
            ["steps:int", "lr:double", "verbose:bool", "name:string", "n:int", "seed:long", "scale:float",
             "negative:double", "width:int", "sizes:", "computed:"],
            declared.Select(d => $"{d.Name}:{d.Type}"));
        Assert.Equal(10, declared.Single(d => d.Name == "sizes").Line);
    }

    [Fact]
    public void Several_variables_in_one_declaration_are_each_a_parameter()
    {
        var declared = ParameterCell.Declarations("int rows = 2, cols = 3;");

        Assert.Equal(["rows", "cols"], declared.Select(d => d.Name));
        Assert.All(declared, d => Assert.Equal("int", d.Type));
    }
}

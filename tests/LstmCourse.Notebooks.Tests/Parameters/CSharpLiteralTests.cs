using LstmCourse.Notebooks.Parameters;
using Microsoft.CodeAnalysis.CSharp.Scripting;

namespace LstmCourse.Notebooks.Tests.Parameters;

public class CSharpLiteralTests
{
    [Theory]
    [InlineData("int", "500", "500")]
    [InlineData("int", "-3", "-3")]
    [InlineData("long", "7", "7L")]
    [InlineData("double", "0.05", "0.05")]
    [InlineData("double", "3", "3.0")]
    [InlineData("double", "1e-5", "1E-05")]
    [InlineData("float", "0.5", "0.5f")]
    [InlineData("decimal", "1.25", "1.25m")]
    [InlineData("bool", "True", "true")]
    [InlineData("bool", "false", "false")]
    [InlineData("string", "big", "\"big\"")]
    public void Values_become_literals_of_the_declared_type(string type, string value, string literal)
    {
        Assert.Equal(literal, CSharpLiteral.Format(new ParameterDeclaration("p", type, type, 1), value));
    }

    [Theory]
    [InlineData("quote \" backslash \\ newline \n tab \t")]
    [InlineData("unicode é ✓ 😀 and {braces} and $dollar")]
    [InlineData("")]
    public async Task String_literals_evaluate_back_to_the_exact_value(string value)
    {
        string literal = CSharpLiteral.Format(new ParameterDeclaration("s", "string", "string", 1), value);

        Assert.Equal(value, await CSharpScript.EvaluateAsync<string>(literal));
    }

    [Theory]
    [InlineData("int", "1.5")]
    [InlineData("int", "many")]
    [InlineData("double", "fast")]
    [InlineData("bool", "yes")]
    [InlineData("long", "")]
    public void A_value_that_is_not_of_the_type_names_the_parameter_the_type_and_the_value(string type, string value)
    {
        var error = Assert.Throws<ParameterException>(() => CSharpLiteral.Format(new ParameterDeclaration("steps", type, type, 2), value));

        Assert.Contains($"-p steps={value}", error.Message);
        Assert.Contains($"is not a valid {type}", error.Message);
        Assert.Contains($"'{type} steps'", error.Message);
    }

    [Fact]
    public void A_type_that_p_cannot_set_says_which_types_it_can()
    {
        var error = Assert.Throws<ParameterException>(() => CSharpLiteral.Format(new ParameterDeclaration("sizes", null, "int[]", 1), "1"));

        Assert.Contains("'int[]'", error.Message);
        Assert.Contains("int, long, float, double, decimal, bool, string", error.Message);
    }
}

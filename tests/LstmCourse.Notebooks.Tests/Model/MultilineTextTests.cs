using System.Text.Json.Nodes;
using LstmCourse.Notebooks.Model;

namespace LstmCourse.Notebooks.Tests.Model;

public class MultilineTextTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("one", new[] { "one" })]
    [InlineData("a\nb", new[] { "a\n", "b" })]
    [InlineData("a\nb\n", new[] { "a\n", "b\n" })]
    [InlineData("\n\n", new[] { "\n", "\n" })]
    [InlineData("crlf\r\nend", new[] { "crlf\r\n", "end" })]
    public void Text_splits_into_lines_that_keep_their_newline(string text, string[] lines)
    {
        var split = MultilineText.Split(text);

        Assert.Equal(lines, split.Select(line => line!.GetValue<string>()));
        Assert.Equal(text, MultilineText.Join(split));
    }

    [Fact]
    public void A_single_string_and_an_array_of_lines_hold_the_same_text()
    {
        Assert.Equal("x = 1;\ny", MultilineText.Join(JsonValue.Create("x = 1;\ny")));
        Assert.Equal("x = 1;\ny", MultilineText.Join(new JsonArray("x = 1;\n", "y")));
        Assert.Equal("", MultilineText.Join(null));
    }
}

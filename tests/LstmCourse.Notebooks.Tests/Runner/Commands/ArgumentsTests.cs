using LstmCourse.Runner.Commands;

namespace LstmCourse.Notebooks.Tests.Runner.Commands;

public class ArgumentsTests
{
    private static Arguments Parse(params string[] args) =>
        Arguments.Parse("run", args, ["--in-place"], ["--output", "-p", "--cell-timeout"]);

    [Fact]
    public void Positionals_flags_and_options_are_told_apart()
    {
        var parsed = Parse("a.ipynb", "--in-place", "--output", "out", "-p", "x=1", "b", "-p", "y=a=b", "--cell-timeout=2.5");

        Assert.Equal(["a.ipynb", "b"], parsed.Positionals);
        Assert.True(parsed.Flag("--in-place"));
        Assert.Equal("out", parsed.Value("--output"));
        Assert.Equal(["x=1", "y=a=b"], parsed.Values("-p"));
        Assert.Equal(TimeSpan.FromSeconds(2.5), parsed.Seconds("--cell-timeout", TimeSpan.Zero));
    }

    [Fact]
    public void Everything_after_a_double_dash_is_positional()
    {
        Assert.Equal(["--in-place"], Parse("--", "--in-place").Positionals);
    }

    [Fact]
    public void An_unknown_option_names_it_and_lists_what_the_verb_takes()
    {
        var error = Assert.Throws<UsageException>(() => Parse("--outptu", "x"));

        Assert.Equal("unknown option '--outptu' for 'run'; it takes --in-place, --output, -p, --cell-timeout.", error.Message);
    }

    [Fact]
    public void An_option_without_its_value_says_so()
    {
        Assert.Equal("--output needs a value.", Assert.Throws<UsageException>(() => Parse("a", "--output")).Message);
    }

    [Fact]
    public void A_single_valued_option_given_twice_is_refused()
    {
        var parsed = Parse("--output", "a", "--output", "b");

        Assert.Contains("--output is given 2 times", Assert.Throws<UsageException>(() => parsed.Value("--output")).Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("soon")]
    public void Seconds_must_be_a_positive_number(string value)
    {
        var parsed = Parse("--cell-timeout", value);

        var error = Assert.Throws<UsageException>(() => parsed.Seconds("--cell-timeout", TimeSpan.Zero));

        Assert.Contains($"got '{value}'", error.Message);
    }
}

using LstmCourse.Text;

namespace LstmCourse.Tests.Text;

public class EscapesTests
{
    [Theory]
    [InlineData(@"\nWVZ005-\n", "\nWVZ005-\n")]
    [InlineData(@"$$\n", "$$\n")]
    [InlineData(@"a\tb\\n", "a\tb\\n")]                 // \\ is one backslash, so the n after it stays a letter
    [InlineData(@"C:\runs\x", @"C:\runs\x")]            // other backslashes stay
    [InlineData(@"end\", @"end\")]
    public void Backslash_n_t_and_backslash_become_the_characters_they_name(string typed, string meant)
    {
        Assert.Equal(meant, Escapes.Unescape(typed));
    }
}

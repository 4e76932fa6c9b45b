using System.Xml.Linq;
using LstmCourse.Charts;

namespace LstmCourse.Tests.Charts;

public class XmlTests
{
    [Fact]
    public void Markup_characters_are_escaped()
    {
        Assert.Equal("&lt;script&gt;a &amp; b&lt;/script&gt; &quot;q&quot; &#39;s&#39;", Xml.Escape("<script>a & b</script> \"q\" 's'"));
    }

    [Fact]
    public void Characters_XML_forbids_become_the_replacement_character_and_emoji_survive()
    {
        string escaped = Xml.Escape("a\u0000b\u001Fc\uD800d😀\n");

        Assert.Equal("a\uFFFDb\uFFFDc\uFFFDd😀\n", escaped);
        Assert.Equal("a\uFFFDb\uFFFDc\uFFFDd😀\n", XElement.Parse($"<t>{escaped}</t>").Value);
    }
}

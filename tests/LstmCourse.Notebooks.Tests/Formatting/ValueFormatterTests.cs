using System.Collections;
using LstmCourse.Notebooks.Formatting;

namespace LstmCourse.Notebooks.Tests.Formatting;

public class ValueFormatterTests
{
    [Fact]
    public void Strings_are_plain_text_only()
    {
        var bundle = ValueFormatter.Format("<b>hi</b>");

        Assert.Equal(new Dictionary<string, string> { ["text/plain"] = "<b>hi</b>" }, bundle);
    }

    [Fact]
    public void Html_strings_are_html_as_written()
    {
        var bundle = ValueFormatter.Format(new HtmlString("<b>hi</b>"));

        Assert.Equal(new Dictionary<string, string> { ["text/html"] = "<b>hi</b>" }, bundle);
    }

    [Fact]
    public void Objects_get_an_escaped_table_of_their_properties_and_their_ToString()
    {
        var bundle = ValueFormatter.Format(new Labelled { Name = "<script>", Count = 3 });

        Assert.Equal(["text/html"], bundle.Keys);   // the kernel's default for an object: text/html only
        Assert.Contains("<td>Name</td><td>&lt;script&gt;</td>", bundle["text/html"]);
        Assert.Contains("<td>Count</td><td>3</td>", bundle["text/html"]);
        Assert.DoesNotContain("<script>", bundle["text/html"]);
        Assert.Equal("labelled <script>", ValueFormatter.Format(new Labelled { Name = "<script>", Count = 3 }, ["text/plain"])["text/plain"]);
    }

    [Fact]
    public void Collections_show_their_first_twenty_items()
    {
        var bundle = ValueFormatter.Format(Enumerable.Range(100, 25).ToList(), ["text/html", "text/plain"]);

        Assert.Contains("<td>119</td>", bundle["text/html"]);
        Assert.DoesNotContain("<td>120</td>", bundle["text/html"]);
        Assert.Contains("... 5 more", bundle["text/html"]);
        Assert.StartsWith("[ 100, 101, ", bundle["text/plain"]);
        Assert.EndsWith("119, ... ]", bundle["text/plain"]);
    }

    [Fact]
    public void Collections_of_objects_get_a_column_per_property()
    {
        var bundle = ValueFormatter.Format(new[] { new Labelled { Name = "a", Count = 1 }, new Labelled { Name = "b", Count = 2 } });

        Assert.Contains("<th>Name</th><th>Count</th>", bundle["text/html"]);
        Assert.Contains("<tr><td>1</td><td>b</td><td>2</td></tr>", bundle["text/html"]);
    }

    [Fact]
    public void A_convention_formatter_gives_every_preferred_mime_type_in_one_bundle()
    {
        var bundle = ValueFormatter.Format(new Dot(2));

        Assert.Equal(new Dictionary<string, string> { ["image/svg+xml"] = "<svg r=\"2\"/>", ["text/html"] = "<p>dot 2</p>" }, bundle);
    }

    [Fact]
    public void The_formatter_attribute_on_a_base_type_serves_derived_types()
    {
        var bundle = ValueFormatter.Format(new BigDot(5));

        Assert.Equal("<svg r=\"5\"/>", bundle["image/svg+xml"]);
    }

    [Fact]
    public void Without_preferred_mime_types_every_formatter_is_used()
    {
        var bundle = ValueFormatter.Format(new Note("hi"));

        Assert.Equal(["text/markdown", "text/plain"], bundle.Keys.Order());
        Assert.Equal("**hi**", bundle["text/markdown"]);
    }

    [Fact]
    public void Asking_for_mime_types_gives_exactly_those()
    {
        var bundle = ValueFormatter.Format(new Dot(1), ["text/html", "text/plain"]);

        Assert.Equal("<p>dot 1</p>", bundle["text/html"]);
        Assert.Equal("dot of radius 1", bundle["text/plain"]);
        Assert.Equal(2, bundle.Count);
    }

    [Fact]
    public void A_broken_convention_says_what_is_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ValueFormatter.Format(new Broken()));

        Assert.Contains("CreateTypeFormatters", error.Message);
    }

    private sealed class Labelled
    {
        public string Name { get; set; } = "";

        public int Count { get; set; }

        public override string ToString() => $"labelled {Name}";
    }
}

// The name-based convention, declared here as a library would declare it: no type shared with the runner.
[AttributeUsage(AttributeTargets.Class)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;

    public string[] PreferredMimeTypes { get; set; } = [];
}

[TypeFormatterSource(typeof(DotFormatters), PreferredMimeTypes = ["image/svg+xml", "text/html"])]
public class Dot(int radius)
{
    public int Radius { get; } = radius;

    public override string ToString() => $"dot of radius {Radius}";
}

public sealed class BigDot(int radius) : Dot(radius);

public sealed class DotFormatters
{
    public IEnumerable CreateTypeFormatters() => new object[]
    {
        new TextFormatter("image/svg+xml", value => $"<svg r=\"{((Dot)value).Radius}\"/>"),
        new TextFormatter("text/html", value => $"<p>dot {((Dot)value).Radius}</p>"),
    };
}

[TypeFormatterSource(typeof(NoteFormatters))]
public sealed record Note(string Text);

public sealed class NoteFormatters
{
    public IEnumerable CreateTypeFormatters() => new object[]
    {
        new TextFormatter("text/markdown", value => $"**{((Note)value).Text}**"),
        new TextFormatter("text/plain", value => ((Note)value).Text),
    };
}

[TypeFormatterSource(typeof(SourceWithoutFactory))]
public sealed class Broken;

public sealed class SourceWithoutFactory;

public sealed class TextFormatter(string mimeType, Func<object, string> format)
{
    public string MimeType { get; } = mimeType;

    public bool Format(object instance, TextWriter writer)
    {
        writer.Write(format(instance));
        return true;
    }
}

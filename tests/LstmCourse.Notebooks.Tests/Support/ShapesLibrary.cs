using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LstmCourse.Notebooks.Tests.Support;

/// <summary>
/// A tiny library compiled with Roslyn at test time: <c>Shapes.Circle</c> renders itself as SVG and HTML through
/// the name-based formatter convention (its own internal <c>TypeFormatterSourceAttribute</c>), <c>Shapes.Plain</c> has no formatter.
/// </summary>
internal static class ShapesLibrary
{
    private const string Source = """
        using System;
        using System.Collections;
        using System.Globalization;
        using System.IO;

        namespace Shapes
        {
            [AttributeUsage(AttributeTargets.Class)]
            internal sealed class TypeFormatterSourceAttribute : Attribute
            {
                public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;
                public Type FormatterSourceType { get; }
                public string[] PreferredMimeTypes { get; set; } = Array.Empty<string>();
            }

            [TypeFormatterSource(typeof(CircleFormatters), PreferredMimeTypes = new[] { "image/svg+xml", "text/html" })]
            public sealed class Circle
            {
                public Circle(double radius) => Radius = radius;
                public double Radius { get; }
            }

            public sealed class Plain
            {
                public int Size { get; set; }
            }

            public sealed class CircleFormatters
            {
                public IEnumerable CreateTypeFormatters() => new object[] { new SvgFormatter(), new HtmlFormatter() };
            }

            public sealed class SvgFormatter
            {
                public string MimeType => "image/svg+xml";
                public bool Format(object instance, TextWriter writer)
                {
                    string r = ((Circle)instance).Radius.ToString(CultureInfo.InvariantCulture);
                    writer.Write("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<circle r=\"" + r + "\"/>\n</svg>");
                    return true;
                }
            }

            public sealed class HtmlFormatter
            {
                public string MimeType => "text/html";
                public bool Format(object instance, TextWriter writer)
                {
                    writer.Write("<p>circle of radius " + ((Circle)instance).Radius.ToString(CultureInfo.InvariantCulture) + "</p>");
                    return true;
                }
            }
        }
        """;

    private static readonly Lazy<byte[]> Image = new(() => Compile("Shapes", Source));

    /// <summary>Writes Shapes.dll to <paramref name="path"/>.</summary>
    public static void WriteTo(string path) => File.WriteAllBytes(path, Image.Value);

    /// <summary>Compiles C# <paramref name="source"/> into a library named <paramref name="assemblyName"/> against the framework.</summary>
    public static byte[] Compile(string assemblyName, string source)
    {
        string frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == frameworkFolder)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, deterministic: true));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return image.ToArray();
    }
}

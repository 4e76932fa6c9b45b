namespace LstmCourse.Display;

/// <summary>Tells a Polyglot Notebooks kernel which object makes the formatters for the marked type.</summary>
/// <remarks>
/// The kernel finds this attribute by its NAME (no package reference to Microsoft.DotNet.Interactive),
/// creates <see cref="FormatterSourceType"/>, calls its public <c>CreateTypeFormatters()</c>, and shows one
/// output carrying every mime type in <see cref="PreferredMimeTypes"/>. A headless runner does the same with
/// reflection. The one copy, shared by charts, tables and exercise results.
/// The kernel reads attributes with <c>GetCustomAttributes(inherit: true)</c>; the course still puts the attribute
/// on each concrete type so that a runner that does not look at base types finds it too.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    /// <summary>A type with a public parameterless constructor and a public <c>IEnumerable CreateTypeFormatters()</c>.</summary>
    public Type FormatterSourceType { get; }

    /// <summary>The mime types one displayed output carries, richest first.</summary>
    public string[] PreferredMimeTypes { get; set; } = [];
}

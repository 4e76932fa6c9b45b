using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace LstmCourse.Notebooks.Formatting;

/// <summary>
/// The formatters a type declares by the Polyglot naming convention, found by reflection (no shared type):
/// an attribute class named <c>TypeFormatterSourceAttribute</c> on the type or a base type, whose
/// <c>FormatterSourceType</c> has a parameterless constructor and <c>CreateTypeFormatters()</c>; each formatter
/// has <c>string MimeType</c> and <c>bool Format(object, TextWriter)</c>. Discovery is cached per type.
/// </summary>
internal static class ConventionFormatters
{
    private const string AttributeName = "TypeFormatterSourceAttribute";

    private static readonly ConcurrentDictionary<Type, FormatterSet?> Cache = new();

    /// <summary>The type's convention formatters, or null when it declares none.</summary>
    public static FormatterSet? For(Type type) => Cache.GetOrAdd(type, Discover);

    private static FormatterSet? Discover(Type type)
    {
        for (Type? candidate = type; candidate is not null; candidate = candidate.BaseType)
        {
            object? attribute = candidate.GetCustomAttributes(inherit: false)
                .FirstOrDefault(a => a.GetType().Name == AttributeName);
            if (attribute is not null)
            {
                return FromAttribute(attribute, candidate);
            }
        }
        return null;
    }

    private static FormatterSet FromAttribute(object attribute, Type annotated)
    {
        Type attributeType = attribute.GetType();
        var sourceType = attributeType.GetProperty("FormatterSourceType")?.GetValue(attribute) as Type
            ?? throw Broken(annotated, $"its {AttributeName} has no public 'Type FormatterSourceType' property, or it is null");
        var preferred = attributeType.GetProperty("PreferredMimeTypes")?.GetValue(attribute) as string[] ?? [];
        if (sourceType.GetConstructor(Type.EmptyTypes) is null)
        {
            throw Broken(annotated, $"{sourceType} has no public parameterless constructor");
        }
        object source = Activator.CreateInstance(sourceType)!;
        MethodInfo create = sourceType.GetMethod("CreateTypeFormatters", Type.EmptyTypes)
            ?? throw Broken(annotated, $"{sourceType} has no public CreateTypeFormatters()");
        var formatters = new List<ConventionFormatter>();
        foreach (object? formatter in create.Invoke(source, null) as IEnumerable ?? Array.Empty<object>())
        {
            if (formatter is null)
            {
                continue;
            }
            Type formatterType = formatter.GetType();
            var mimeType = formatterType.GetProperty("MimeType")?.GetValue(formatter) as string
                ?? throw Broken(annotated, $"formatter {formatterType} has no public string MimeType");
            MethodInfo format = formatterType.GetMethod("Format", [typeof(object), typeof(TextWriter)])
                ?? throw Broken(annotated, $"formatter {formatterType} has no public bool Format(object, TextWriter)");
            formatters.Add(new ConventionFormatter(mimeType, formatter, format));
        }
        return new FormatterSet(preferred, formatters);
    }

    private static InvalidOperationException Broken(Type type, string problem) =>
        new($"{type} asks for convention formatting, but {problem}.");
}

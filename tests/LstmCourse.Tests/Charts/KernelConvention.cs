using LstmCourse.Display;
using System.Collections;
using System.Linq.Expressions;
using System.Reflection;

namespace LstmCourse.Tests.Charts;

/// <summary>The name-based formatter lookup done the way the Polyglot kernel does it (Formatter.TryRegisterFromConventionBasedFormatterSources):
/// find an attribute named TypeFormatterSourceAttribute with inherit: true, read FormatterSourceType and PreferredMimeTypes by name,
/// create the source, call CreateTypeFormatters, read each formatter's MimeType, and call its Format through a compiled expression.</summary>
internal static class KernelConvention
{
    public static object Attribute(Type type) =>
        type.GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");

    public static string[] PreferredMimeTypes(Type type) => (string[])Property(Attribute(type), "PreferredMimeTypes")!;

    /// <summary>Every mime type the convention yields for <paramref name="instance"/>, with the text its formatter wrote.</summary>
    public static IReadOnlyDictionary<string, string> Format(object instance)
    {
        var sourceType = (Type)Property(Attribute(instance.GetType()), "FormatterSourceType")!;
        var source = Activator.CreateInstance(sourceType)!;
        var formatters = (IEnumerable)source.GetType().GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
        var outputs = new Dictionary<string, string>();
        foreach (var formatter in formatters)
        {
            var mimeType = (string)Property(formatter, "MimeType")!;
            MethodInfo format = formatter.GetType().GetMethod("Format")!;                   // throws if Format were overloaded
            var value = Expression.Parameter(typeof(object));
            var writerParameter = Expression.Parameter(typeof(TextWriter));
            var call = Expression.Lambda<Func<object, TextWriter, bool>>(
                Expression.Call(Expression.Constant(formatter), format, value, writerParameter), value, writerParameter).Compile();
            using var writer = new StringWriter();
            Assert.True(call(instance, writer), $"{mimeType} formatter declined a {instance.GetType().Name}");
            outputs[mimeType] = writer.ToString();
        }
        return outputs;
    }

    public static object? Property(object o, string name) =>
        (o.GetType().GetProperty(name) ?? throw new InvalidOperationException($"{o.GetType().Name} has no public property {name}")).GetGetMethod()!.Invoke(o, null);
}

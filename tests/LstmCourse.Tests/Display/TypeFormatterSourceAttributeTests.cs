using LstmCourse.Display;
using System.Collections;
using System.Reflection;
using LstmCourse.Charts;
using LstmCourse.Tables;

namespace LstmCourse.Tests.Display;
using LstmCourse.Charts;
using LstmCourse.Tables;
using LstmCourse.Tests.Charts;

/// <summary>The shape the Polyglot kernel looks up by name (POLYGLOT.md, "Rich output without referencing the kernel").</summary>
public class TypeFormatterSourceAttributeTests
{
    private static readonly Type[] Displayed = typeof(Chart).Assembly.GetTypes()
        .Where(t => t.IsPublic && !t.IsAbstract && typeof(Chart).IsAssignableFrom(t))
        .Append(typeof(ResultsTable))
        .ToArray();

    [Fact]
    public void The_attribute_has_the_name_constructor_and_properties_the_kernel_reads()
    {
        var type = typeof(TypeFormatterSourceAttribute);

        Assert.Equal("TypeFormatterSourceAttribute", type.Name);
        Assert.NotNull(type.GetConstructor([typeof(Type)]));
        var source = type.GetProperty("FormatterSourceType")!;
        Assert.Equal(typeof(Type), source.PropertyType);
        Assert.NotNull(source.GetGetMethod());
        var mimeTypes = type.GetProperty("PreferredMimeTypes")!;
        Assert.Equal(typeof(string[]), mimeTypes.PropertyType);
        Assert.NotNull(mimeTypes.GetGetMethod());
        Assert.NotNull(mimeTypes.GetSetMethod());
    }

    [Fact]
    public void Every_chart_kind_and_the_results_table_carry_the_attribute_on_the_type_itself()
    {
        Assert.Equal(8, Displayed.Length);   // six charts, the architecture diagram and the results table
        Assert.Contains(typeof(ArchitectureDiagram), Displayed);
        Assert.All(Displayed, t => Assert.Single(t.GetCustomAttributes(inherit: false), a => a.GetType().Name == "TypeFormatterSourceAttribute"));
    }

    [Fact]
    public void Each_source_has_a_public_parameterless_constructor_and_CreateTypeFormatters()
    {
        foreach (var type in Displayed)
        {
            var sourceType = (Type)KernelConvention.Property(KernelConvention.Attribute(type), "FormatterSourceType")!;
            var source = Activator.CreateInstance(sourceType)!;
            var create = sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.Instance, []);
            Assert.NotNull(create);
            Assert.IsAssignableFrom<IEnumerable>(create.Invoke(source, null));
        }
    }

    [Fact]
    public void Each_formatter_has_a_MimeType_and_exactly_one_public_Format_method()
    {
        foreach (var formatter in new ChartFormatterSource().CreateTypeFormatters().Cast<object>().Concat(new TableFormatterSource().CreateTypeFormatters().Cast<object>()))
        {
            var formats = formatter.GetType().GetMethods().Where(m => m.Name == "Format").ToArray();
            var format = Assert.Single(formats);
            Assert.Equal(typeof(bool), format.ReturnType);
            Assert.Equal([typeof(object), typeof(TextWriter)], format.GetParameters().Select(p => p.ParameterType));
            Assert.IsType<string>(KernelConvention.Property(formatter, "MimeType"));
        }
    }

    [Fact]
    public void A_formatter_declines_an_object_it_does_not_know_and_writes_nothing()
    {
        var svg = new ChartFormatterSource().CreateTypeFormatters().Cast<MimeFormatter>().First();
        using var writer = new StringWriter();

        Assert.False(svg.Format("not a chart", writer));
        Assert.Equal("", writer.ToString());
    }
}

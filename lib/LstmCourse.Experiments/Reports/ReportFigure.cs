using Microsoft.FSharp.Core;
using Plotly.NET;

namespace LstmCourse.Experiments.Reports;

/// <summary>One chart of the report: where it goes on the page, what it shows, and the Plotly.NET chart.</summary>
/// <param name="Id">The id of its element on the page.</param>
/// <param name="Caption">One or two sentences under the chart saying how to read it.</param>
public sealed record ReportFigure(string Id, string Section, string Caption, GenericChart Chart)
{
    private string? json;

    /// <summary>The figure as plotly.js takes it: <c>{"data": [...], "layout": {...}}</c>, without the layout's template, which
    /// the page gives every chart once (<see cref="PlotlyScript.TemplateJson"/>). Serialised once: Plotly.NET's JSON is slow.</summary>
    public string FigureJson => json ??= GenericChart.toFigureJson(Chart);
}

/// <summary>The few Plotly.NET calls the report makes, in C#: F# options, titles and per-trace properties.</summary>
internal static class Plot
{
    public static FSharpOption<T> Some<T>(T value) => FSharpOption<T>.Some(value);

    /// <summary>Sets the chart's title, axis titles and size.</summary>
    public static GenericChart Titled(GenericChart chart, string title, string? x, string? y, int width = 1100, int height = 480)
    {
        chart = Chart.withTitle(title, null).Invoke(chart);
        GenericChart.getLayout(chart).RemoveProperty("template");            // the page sets the one template on every chart
        chart = Chart.withSize(Some(width), Some(height)).Invoke(chart);
        var layout = GenericChart.getLayout(chart);
        if (x is not null) layout.SetProperty("xaxis", Axis(x));
        if (y is not null) layout.SetProperty("yaxis", Axis(y));
        return chart;
    }

    /// <summary>Sets a property that the typed API does not reach on every trace of <paramref name="chart"/>
    /// (legendgroup, meta, hovertemplate, texttemplate...).</summary>
    public static GenericChart WithTraceProperty(GenericChart chart, string name, object value)
    {
        foreach (var trace in GenericChart.getTraces(chart)) trace.SetProperty(name, value);
        return chart;
    }

    /// <summary>Sets a layout property (barmode, legend, margin...).</summary>
    public static GenericChart WithLayoutProperty(GenericChart chart, string name, object value)
    {
        GenericChart.getLayout(chart).SetProperty(name, value);
        return chart;
    }

    private static Dictionary<string, object> Axis(string title) => new()
    {
        ["title"] = new Dictionary<string, object> { ["text"] = title },
        ["automargin"] = true,
    };
}

using Plotly.NET;

namespace LstmCourse.Experiments.Reports;

/// <summary>plotly.js as Plotly.NET.dll carries it (what <c>PlotlyJSReference.Full</c> inlines), so a page that includes it
/// once draws every chart offline.</summary>
public static class PlotlyScript
{
    private static readonly Lazy<string> source = new(() =>
    {
        string name = $"Plotly.NET.plotly-{Globals.PLOTLYJS_VERSION}.min.js";
        using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"Plotly.NET.dll has no resource {name}; the report needs the Plotly.NET version that embeds plotly.js (6.0.0).");
        return new StreamReader(stream).ReadToEnd();
    });

    private static readonly Lazy<string> template = new(() => Newtonsoft.Json.JsonConvert.SerializeObject(Defaults.DefaultTemplate, Globals.JSON_CONFIG));

    /// <summary>Plotly.NET's default look (colours, fonts, grid) as a plotly.js template, which the page sets on every chart.</summary>
    public static string TemplateJson => template.Value;

    /// <summary>The plotly.js version, e.g. 2.28.0.</summary>
    public static string Version => Globals.PLOTLYJS_VERSION;

    /// <summary>The minified plotly.js source (about 3.6 MB).</summary>
    public static string Source => source.Value;
}

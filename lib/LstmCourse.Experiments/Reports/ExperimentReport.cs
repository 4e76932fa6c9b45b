using System.Globalization;
using Deedle;

namespace LstmCourse.Experiments.Reports;

/// <summary>What <c>lstm-course report</c> writes: the page, one CSV row per run, and the mean and spread over seeds
/// when some knob combination ran more than once (null otherwise).</summary>
public sealed record ReportContent(string Html, string RunsCsv, string? GroupsCsv, ExperimentSet Set, RunFrames Frames, IReadOnlyList<ReportFigure> Figures);

/// <summary>Builds the report of an <see cref="ExperimentSet"/>: Deedle frames, Plotly.NET charts, one HTML page.</summary>
public static class ExperimentReport
{
    /// <param name="csvName">The runs CSV's file name, linked from the page.</param>
    /// <param name="groupsCsvName">The groups CSV's file name, linked from the page when there are repeats.</param>
    public static ReportContent Build(ExperimentSet set, string csvName = "report.csv", string groupsCsvName = "report-groups.csv")
    {
        ArgumentNullException.ThrowIfNull(set);
        var frames = RunFrames.Of(set);
        var figures = ReportCharts.All(set, frames);
        string? groups = frames.HasRepeats ? Csv(frames.Groups!) : null;
        string html = ReportPage.Render(set, frames, figures, csvName, groups is null ? null : groupsCsvName);
        return new ReportContent(html, Csv(frames.Runs), groups, set, frames, figures);
    }

    /// <summary>A frame as CSV: a header of column names, invariant numbers, missing values as empty cells, text quoted where needed.</summary>
    public static string Csv(Frame<int, string> frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        frame.SaveCsv(writer, includeRowKeys: false, keyNames: null, separator: ',', culture: CultureInfo.InvariantCulture);
        return writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}

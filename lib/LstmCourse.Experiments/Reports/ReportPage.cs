using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using LstmCourse.Experiments.Runs;

namespace LstmCourse.Experiments.Reports;

/// <summary>The report as one HTML page that needs nothing else: plotly.js inlined once in the head, each chart a figure
/// drawn by <c>Plotly.newPlot</c>, checkboxes that hide runs by knob value, and tables sortable by any column.</summary>
public static partial class ReportPage
{
    public static string Render(ExperimentSet set, RunFrames frames, IReadOnlyList<ReportFigure> figures, string? csvName = null, string? groupsCsvName = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(figures);
        var html = new StringBuilder();
        string title = $"LstmCourse experiments: {Count(set.Runs.Count, "run")}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(title)).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("</style>\n")
            .Append($"<script>/* plotly.js {PlotlyScript.Version} (MIT), inlined so that the page draws offline */\n")
            .Append(PlotlyScript.Source).Append("\n</script>\n</head>\n<body>\n");

        html.Append("<h1>").Append(E(title)).Append("</h1>\n<p class=\"summary\">")
            .Append(E(string.Join(", ", set.Runs.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"))))
            .Append(set.Knobs.Count > 0 ? E($"; knobs: {string.Join(", ", set.Knobs)}") : "").Append(".</p>\n<ul class=\"sources\">\n");
        foreach (string source in set.Sources) html.Append("<li>").Append(E(source)).Append("</li>\n");
        html.Append("</ul>\n");
        if (set.Notes.Count > 0)
        {
            html.Append("<details class=\"notes\" open><summary>").Append(E(Count(set.Notes.Count, "note"))).Append("</summary>\n<ul>\n");
            foreach (string note in set.Notes) html.Append("<li>").Append(E(note)).Append("</li>\n");
            html.Append("</ul>\n</details>\n");
        }
        Filters(html, set);

        foreach (var section in figures.GroupBy(f => f.Section))
        {
            html.Append("<section>\n<h2>").Append(E(section.Key)).Append("</h2>\n");
            foreach (var figure in section)
                html.Append($"<figure><div id=\"{figure.Id}\" class=\"chart\"></div><figcaption>").Append(E(figure.Caption)).Append("</figcaption></figure>\n");
            html.Append("</section>\n");
        }

        html.Append("<section>\n<h2>Runs</h2>\n<p>Click a column's name to sort by it; again to reverse.")
            .Append(csvName is null ? "" : $" The same table as CSV: <a href=\"{E(csvName)}\">{E(csvName)}</a>.").Append("</p>\n");
        RunsTable(html, set, frames);
        html.Append("</section>\n");
        if (frames.HasRepeats && frames.Groups is { } groups)
        {
            html.Append("<section>\n<h2>Mean and spread over seeds</h2>\n<p>The completed runs grouped by ")
                .Append(E(frames.GroupKnobs.Count > 0 ? string.Join(", ", frames.GroupKnobs) : "nothing (all runs)"))
                .Append(": mean ± sample standard deviation.")
                .Append(groupsCsvName is null ? "" : $" As CSV: <a href=\"{E(groupsCsvName)}\">{E(groupsCsvName)}</a>.").Append("</p>\n");
            GroupsTable(html, groups, frames.GroupKnobs.Count > 0 ? frames.GroupKnobs : ["runs of"]);
            html.Append("</section>\n");
        }

        html.Append("<script>\n");
        html.Append("const TEMPLATE = ").Append(Script(PlotlyScript.TemplateJson)).Append(";\n");
        html.Append("const FIGURES = [\n");
        foreach (var figure in figures) html.Append($"  {{id: \"{figure.Id}\", figure: ").Append(Script(figure.FigureJson)).Append("},\n");
        html.Append("];\n");
        var knobs = set.Runs.Select(r => r.Config is null ? new Dictionary<string, string>() : set.Knobs.ToDictionary(k => k, k => set.ValueOf(r, k))).ToList();
        html.Append("const RUN_KNOBS = ").Append(Script(JsonSerializer.Serialize(knobs))).Append(";\n");
        html.Append(Behaviour).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Filters(StringBuilder html, ExperimentSet set)
    {
        var knobs = set.Knobs.Select(k => (Knob: k, Values: KnobValues.Ordered(set.Runs.Where(r => r.Config is not null).Select(r => set.ValueOf(r, k)))))
            .Where(k => k.Values.Count > 1).ToList();
        if (knobs.Count == 0) return;
        html.Append("<section id=\"filters\">\n<h2>Show runs with</h2>\n");
        foreach (var (knob, values) in knobs)
        {
            html.Append("<div class=\"knob\"><span class=\"name\">").Append(E(knob)).Append("</span>");
            foreach (string value in values)
                html.Append($"<label><input type=\"checkbox\" checked data-knob=\"{E(knob)}\" data-value=\"{E(value)}\"> {E(value)}</label>");
            html.Append("</div>\n");
        }
        html.Append("</section>\n");
    }

    private static void RunsTable(StringBuilder html, ExperimentSet set, RunFrames frames)
    {
        var runs = frames.Runs;
        var columns = runs.ColumnKeys.ToList();
        html.Append("<div class=\"wide\"><table id=\"runs\" class=\"sortable\">\n<thead><tr>");
        foreach (string column in columns) html.Append("<th>").Append(E(column)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < set.Runs.Count; i++)
        {
            var run = set.Runs[i];
            string status = run.Status.ToString().ToLowerInvariant();
            html.Append($"<tr data-run=\"{i}\" class=\"{status}\" title=\"{E(run.Folder)}\">");
            foreach (string column in columns)
            {
                if (RunFrames.Measures.Contains(column))
                {
                    var value = runs.GetColumn<double>(column).TryGet(i);
                    Number(html, value.HasValue ? value.Value : double.NaN, FormatOf(column));
                }
                else if (column == "run" && Numbered().Match(run.Name) is { Success: true } numbered)
                {
                    html.Append($"<td data-v=\"{E(run.Name)}\">").Append(E(numbered.Value)).Append("</td>");   // the knobs have their own columns
                }
                else
                {
                    var value = runs.GetColumn<string>(column).TryGet(i);
                    html.Append("<td>").Append(value.HasValue ? E(value.Value) : "").Append("</td>");
                }
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table></div>\n");
    }

    private static void GroupsTable(StringBuilder html, Deedle.Frame<int, string> groups, IReadOnlyList<string> knobs)
    {
        html.Append("<table id=\"groups\" class=\"sortable\">\n<thead><tr>");
        foreach (string knob in knobs) html.Append("<th>").Append(E(knob)).Append("</th>");
        html.Append("<th>runs</th>");
        foreach (string measure in RunFrames.GroupedMeasures) html.Append("<th>").Append(E(measure)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (int row in groups.RowKeys)
        {
            html.Append("<tr>");
            foreach (string knob in knobs) html.Append("<td>").Append(E(groups.GetColumn<string>(knob)[row])).Append("</td>");
            Number(html, groups.GetColumn<double>("runs")[row], "0");
            foreach (string measure in RunFrames.GroupedMeasures)
            {
                double mean = At(groups, measure + "_mean", row), spread = At(groups, measure + "_std", row);
                string format = FormatOf(measure);
                string text = double.IsNaN(mean) ? "" : mean.ToString(format, CultureInfo.InvariantCulture)
                                                        + (double.IsNaN(spread) ? "" : " ± " + spread.ToString(format, CultureInfo.InvariantCulture));
                html.Append($"<td data-v=\"{(double.IsNaN(mean) ? "" : mean.ToString("R", CultureInfo.InvariantCulture))}\">{text}</td>");   // digits and ±: nothing to escape
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static double At(Deedle.Frame<int, string> frame, string column, int row) =>
        frame.GetColumn<double>(column).TryGet(row) is { HasValue: true } v ? v.Value : double.NaN;

    private static void Number(StringBuilder html, double value, string format) =>
        html.Append(double.IsNaN(value) ? "<td data-v=\"\"></td>"
            : $"<td data-v=\"{value.ToString("R", CultureInfo.InvariantCulture)}\">{value.ToString(format, CultureInfo.InvariantCulture)}</td>");

    private static string FormatOf(string column) => column switch
    {
        "steps" or "best_step" => "0",
        "seconds" => "0.0",
        _ when column.EndsWith("bpc", StringComparison.Ordinal) => "0.0000",
        _ => "0.00",
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^(.*/)?run-\d+(?=-)")]
    private static partial System.Text.RegularExpressions.Regex Numbered();

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>JSON inside a script element: "&lt;/" cannot end the element early.</summary>
    private static string Script(string json) => json.Replace("</", "<\\/", StringComparison.Ordinal);

    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 1.5em auto; max-width: 1180px; color: #1d2733; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #d5dbe3; }
        .summary, .sources { color: #46525f; } figure { margin: 0.5em 0 1.5em; } figcaption { color: #46525f; font-size: 0.9em; }
        .notes { background: #fff6e0; padding: 0.4em 0.8em; border-radius: 4px; }
        #filters .knob { margin: 0.3em 0; } #filters .name { display: inline-block; min-width: 11em; font-weight: 600; }
        #filters label { margin-right: 1em; }
        table { border-collapse: collapse; font-size: 0.85em; } th, td { padding: 0.25em 0.6em; border-bottom: 1px solid #e3e7ec; text-align: right; }
        th { cursor: pointer; background: #f1f4f8; position: sticky; top: 0; } th[data-order=asc]::after { content: " ▲"; } th[data-order=desc]::after { content: " ▼"; }
        td:first-child, th:first-child { text-align: left; white-space: nowrap; } .wide { overflow-x: auto; max-height: 80vh; }
        tr.diverged td, tr.broken td { background: #fde8e8; } tr.incomplete td, tr.missing td { background: #fff6e0; }

        """;

    private const string Behaviour = """
        const CONFIG = {responsive: true, displaylogo: false};
        for (const f of FIGURES) Plotly.newPlot(f.id, f.figure.data, {...f.figure.layout, template: TEMPLATE}, CONFIG);

        // A run is shown when every knob's value is ticked; runs without a config (broken) are always shown.
        function applyFilters() {
          const ticked = {};
          for (const box of document.querySelectorAll('#filters input')) {
            (ticked[box.dataset.knob] ??= new Set());
            if (box.checked) ticked[box.dataset.knob].add(box.dataset.value);
          }
          const shown = RUN_KNOBS.map(k => Object.entries(ticked).every(([knob, values]) => !(knob in k) || values.has(k[knob])));
          for (const f of FIGURES) {
            const el = document.getElementById(f.id);
            if (!f.id.startsWith('curves-') || !el.data) continue;
            Plotly.restyle(el, {visible: el.data.map(t => shown[t.meta])});
          }
          for (const tr of document.querySelectorAll('#runs tbody tr')) tr.hidden = !shown[+tr.dataset.run];
        }
        for (const box of document.querySelectorAll('#filters input')) box.addEventListener('change', applyFilters);

        // Sort a table by a column: numbers as numbers, empty cells last.
        function sortBy(table, column, th) {
          const ascending = th.dataset.order !== 'asc';
          for (const h of table.querySelectorAll('th')) delete h.dataset.order;
          th.dataset.order = ascending ? 'asc' : 'desc';
          const body = table.tBodies[0];
          const key = row => row.cells[column].dataset.v ?? row.cells[column].textContent;
          const rows = [...body.rows].sort((a, b) => {
            const x = key(a), y = key(b);
            if (x === '' || y === '') return (x === '') - (y === '');
            const order = !isNaN(+x) && !isNaN(+y) ? +x - +y : x.localeCompare(y, undefined, {numeric: true});
            return ascending ? order : -order;
          });
          for (const row of rows) body.appendChild(row);
        }
        for (const table of document.querySelectorAll('table.sortable'))
          table.querySelectorAll('th').forEach((th, column) => th.addEventListener('click', () => sortBy(table, column, th)));

        """;
}

using System.Text;

namespace LstmCourse.Tables;

public sealed partial class ResultsTable
{
    /// <summary>Aligned columns for a console: numbers right-aligned, text left-aligned, a dashed rule under the header.</summary>
    public string ToText()
    {
        var shown = rows.Take(maxDisplayRows).Select(r => r.Select(c => CellText.Display(c).Replace("\r\n", "↵").Replace('\n', '↵').Replace('\r', '↵')).ToArray()).ToList();
        var numeric = NumericColumns();
        var widths = columns.Select((c, k) => shown.Select(r => r[k].Length).Append(c.Length).Max()).ToArray();
        var sb = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(Caption)) sb.Append(Caption).Append('\n');
        AppendLine(sb, columns, widths, numeric);
        AppendLine(sb, widths.Select(w => new string('-', w)).ToArray(), widths, numeric);
        foreach (var r in shown) AppendLine(sb, r, widths, numeric);
        if (rows.Count == 0) sb.Append("(no rows)\n");
        if (rows.Count > maxDisplayRows) sb.Append(MoreRowsNote()).Append('\n');
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>True for columns whose non-empty cells are all numbers (they are right-aligned).</summary>
    private bool[] NumericColumns() => columns.Select((_, k) =>
        rows.Any(r => r[k] is not null) && rows.All(r => r[k] is null || CellText.IsNumber(r[k]))).ToArray();

    private string MoreRowsNote() => $"… {rows.Count - maxDisplayRows} more rows (ToCsv and SaveCsv have all {rows.Count})";

    private static void AppendLine(StringBuilder sb, string[] cells, int[] widths, bool[] numeric)
    {
        var line = string.Join("  ", cells.Select((c, k) => numeric[k] ? c.PadLeft(widths[k]) : c.PadRight(widths[k])));
        sb.Append(line.TrimEnd()).Append('\n');
    }
}

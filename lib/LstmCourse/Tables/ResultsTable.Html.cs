using System.Text;
using LstmCourse.Charts;

namespace LstmCourse.Tables;

public sealed partial class ResultsTable
{
    private const string CellStyle = "padding:4px 12px;border-bottom:1px solid #e4e4e4;";

    /// <summary>An HTML table (every cell escaped) with dark text on white, so it reads the same in light and dark notebook themes.</summary>
    public string ToHtml()
    {
        var numeric = NumericColumns();
        var sb = new StringBuilder();
        sb.Append("<div class=\"lstm-course-table\" style=\"overflow-x:auto\">\n")
          .Append("<table style=\"border-collapse:collapse;font-family:").Append(Xml.Escape(SvgWriter.FontFamily))
          .Append(";font-size:13px;color:#222222;background:#ffffff;font-variant-numeric:tabular-nums\">\n");
        if (!string.IsNullOrWhiteSpace(Caption))
            sb.Append("<caption style=\"caption-side:top;text-align:left;font-weight:600;padding:4px 12px;color:#222222\">").Append(Xml.Escape(Caption)).Append("</caption>\n");
        sb.Append("<thead><tr>");
        for (int k = 0; k < columns.Length; k++)
            sb.Append("<th style=\"").Append(CellStyle).Append("border-bottom:2px solid #8c8c8c;text-align:").Append(numeric[k] ? "right" : "left")
              .Append("\">").Append(Xml.Escape(columns[k])).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < Math.Min(rows.Count, maxDisplayRows); r++)
        {
            sb.Append(r % 2 == 1 ? "<tr style=\"background:#f6f6f6\">" : "<tr>");
            for (int k = 0; k < columns.Length; k++)
                sb.Append("<td style=\"").Append(CellStyle).Append("text-align:").Append(CellText.IsNumber(rows[r][k]) ? "right" : "left")
                  .Append("\">").Append(Xml.Escape(CellText.Display(rows[r][k]))).Append("</td>");
            sb.Append("</tr>\n");
        }
        if (rows.Count == 0 || rows.Count > maxDisplayRows)
            sb.Append("<tr><td colspan=\"").Append(columns.Length).Append("\" style=\"").Append(CellStyle).Append("color:#555555;font-style:italic\">")
              .Append(Xml.Escape(rows.Count == 0 ? "(no rows)" : MoreRowsNote())).Append("</td></tr>\n");
        sb.Append("</tbody>\n</table>\n</div>");
        return sb.ToString();
    }
}

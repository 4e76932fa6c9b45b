using LstmCourse.IO;
using System.Text;
using LstmCourse.Charts;

namespace LstmCourse.Tables;

public sealed partial class ResultsTable
{
    /// <summary>RFC 4180 CSV: a header row, CRLF line ends, fields with a comma, quote or line break in double quotes (quotes doubled),
    /// numbers in the invariant culture with every digit.</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(",", columns.Select(Quote))).Append("\r\n");
        foreach (var r in rows) sb.Append(string.Join(",", r.Select(c => Quote(CellText.Complete(c))))).Append("\r\n");
        return sb.ToString();
    }

    /// <summary>Writes <see cref="ToCsv"/> to <paramref name="path"/> atomically (UTF-8, folder created if needed).</summary>
    public ResultsTable SaveCsv(string path)
    {
        AtomicFile.WriteAllText(path, ToCsv());
        return this;
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}

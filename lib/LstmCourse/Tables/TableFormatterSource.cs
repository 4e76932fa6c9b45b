using LstmCourse.Display;
using System.Collections;
using LstmCourse.Charts;

namespace LstmCourse.Tables;

/// <summary>The formatter source for <see cref="ResultsTable"/>: the HTML table and the aligned text.</summary>
internal sealed class TableFormatterSource
{
    public IEnumerable CreateTypeFormatters() => new[]
    {
        new MimeFormatter(ChartFormatterSource.Html, o => (o as ResultsTable)?.ToHtml()),
        new MimeFormatter(ChartFormatterSource.Plain, o => (o as ResultsTable)?.ToText()),
    };
}

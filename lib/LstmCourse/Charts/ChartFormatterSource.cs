using System.Collections;
using LstmCourse.Display;

namespace LstmCourse.Charts;

/// <summary>The formatter source for every <see cref="Chart"/>: SVG, the SVG inside HTML, and a one-line description.</summary>
internal sealed class ChartFormatterSource
{
    public const string Svg = "image/svg+xml", Html = "text/html", Plain = "text/plain";

    public IEnumerable CreateTypeFormatters() => new[]
    {
        new MimeFormatter(Svg, o => (o as Chart)?.ToSvg()),
        new MimeFormatter(Html, o => (o as Chart)?.ToHtml()),
        new MimeFormatter(Plain, o => (o as Chart)?.ToString()),
    };
}

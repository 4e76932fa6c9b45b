using System.Text;

namespace LstmCourse.Charts;

/// <summary>Escaping for text and attribute values in SVG and HTML.</summary>
internal static class Xml
{
    /// <summary>Escapes <c>&amp; &lt; &gt; " '</c> and replaces characters XML 1.0 forbids (control characters, lone surrogates) by U+FFFD.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 8);
        for (int k = 0; k < text.Length; k++)
        {
            char ch = text[k];
            switch (ch)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    if (char.IsHighSurrogate(ch) && k + 1 < text.Length && char.IsLowSurrogate(text[k + 1]))
                    {
                        sb.Append(ch).Append(text[++k]);
                    }
                    else if (char.IsSurrogate(ch) || ch == '\uFFFE' || ch == '\uFFFF' || (ch < ' ' && ch != '\t' && ch != '\n' && ch != '\r'))
                    {
                        sb.Append('\uFFFD');
                    }
                    else
                    {
                        sb.Append(ch);
                    }
                    break;
            }
        }
        return sb.ToString();
    }
}

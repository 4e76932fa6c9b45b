using System.Text;

namespace LstmCourse.Text;

/// <summary>Text typed on a command line: <c>\n</c>, <c>\t</c> and <c>\\</c> become newline, tab and backslash; any
/// other backslash stays as it is.</summary>
public static class Escapes
{
    public static string Unescape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        for (int k = 0; k < text.Length; k++)
        {
            if (text[k] == '\\' && k + 1 < text.Length && text[k + 1] is 'n' or 't' or '\\')
            {
                sb.Append(text[++k] switch { 'n' => '\n', 't' => '\t', _ => '\\' });
                continue;
            }
            sb.Append(text[k]);
        }
        return sb.ToString();
    }
}

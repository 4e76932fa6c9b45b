namespace LstmCourse.Charts;

/// <summary>An estimate of a string's rendered width, for layout without a font engine.</summary>
/// <remarks>Tuned to the wider of the usual sans-serif fonts (DejaVu Sans, Segoe UI is narrower), so labels never collide.</remarks>
internal static class TextWidth
{
    public static double Of(string? text, double fontSize)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        double em = 0;
        foreach (char ch in text)
            em += ch switch
            {
                'i' or 'j' or 'l' or '.' or ',' or ':' or ';' or '\'' or '|' or '!' or 'I' or ' ' => 0.32,
                'f' or 't' or 'r' or '(' or ')' or '[' or ']' or '-' => 0.42,
                'm' or 'w' or 'M' or 'W' or '%' or '@' => 0.92,
                >= 'A' and <= 'Z' => 0.70,
                >= '0' and <= '9' => 0.64,
                _ when ch > '\u2E7F' => 1.0,
                _ => 0.60,
            };
        return em * fontSize;
    }

    /// <summary>The text cut to fit <paramref name="maxWidth"/>, ending in "…" when cut.</summary>
    public static string Truncate(string text, double fontSize, double maxWidth)
    {
        if (Of(text, fontSize) <= maxWidth) return text;
        int n = text.Length;
        while (n > 1 && Of(text[..n] + "…", fontSize) > maxWidth) n--;
        return text[..n] + "…";
    }
}

namespace LstmCourse.Charts;

/// <summary>The categorical colours of every chart: Okabe and Ito's colour-blind-safe palette, ordered for a white background.</summary>
/// <remarks>Series k is drawn in <c>Palette.Colors[k % 8]</c>. Yellow comes last because it is faint on white.
/// Okabe &amp; Ito (2008), "Color Universal Design".</remarks>
public static class Palette
{
    /// <summary>Blue, orange, bluish green, vermillion, reddish purple, sky blue, grey, yellow.</summary>
    public static IReadOnlyList<string> Colors { get; } =
        ["#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#666666", "#f0e442"];

    /// <summary>The colour of series <paramref name="index"/> (cycling after eight).</summary>
    public static string Color(int index) => Colors[((index % Colors.Count) + Colors.Count) % Colors.Count];
}

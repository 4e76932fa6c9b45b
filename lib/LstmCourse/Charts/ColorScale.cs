namespace LstmCourse.Charts;

/// <summary>A continuous colour scale: <c>ColorAt(t)</c> for t in [0, 1], linear between evenly spaced anchor colours.</summary>
/// <remarks>
/// <see cref="Viridis"/> is perceptually uniform and readable in grey and by colour-blind viewers (for magnitudes).
/// <see cref="BlueWhiteRed"/> is diverging (ColorBrewer RdBu): blue for negative, white for 0, red for positive,
/// for values in [−1, 1] such as tanh activations or correlations.
/// </remarks>
public sealed class ColorScale
{
    private readonly Rgb[] anchors;

    private ColorScale(string name, bool diverging, params string[] hex)
    {
        Name = name;
        IsDiverging = diverging;
        anchors = hex.Select(Rgb.Parse).ToArray();
    }

    /// <summary>Matplotlib's viridis: dark purple (low) → teal → yellow (high).</summary>
    public static ColorScale Viridis { get; } = new("viridis", false,
        "#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725");

    /// <summary>Diverging blue (low) → white (middle) → red (high); an automatic range is made symmetric around 0.</summary>
    public static ColorScale BlueWhiteRed { get; } = new("blue-white-red", true,
        "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7", "#fddbc7", "#f4a582", "#d6604d", "#b2182b");

    public string Name { get; }

    /// <summary>True when the middle of the scale means zero (so an automatic range is [−m, m]).</summary>
    public bool IsDiverging { get; }

    /// <summary>The colour at position t in [0, 1] (clamped) as <c>#rrggbb</c>.</summary>
    public string ColorAt(double t) => RgbAt(t).Hex;

    internal Rgb RgbAt(double t)
    {
        if (double.IsNaN(t)) throw new ArgumentException("t is NaN; a colour scale needs a number in [0, 1].", nameof(t));
        double u = Math.Clamp(t, 0, 1) * (anchors.Length - 1);
        int k = Math.Min((int)Math.Floor(u), anchors.Length - 2);
        return Rgb.Mix(anchors[k], anchors[k + 1], u - k);
    }

    public override string ToString() => Name;
}

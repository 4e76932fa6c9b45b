using System.Globalization;

namespace LstmCourse.Charts;

/// <summary>An sRGB colour with 0..255 channels, written as <c>#rrggbb</c>.</summary>
internal readonly record struct Rgb(double R, double G, double B)
{
    public static readonly Rgb White = new(255, 255, 255);

    public static Rgb Parse(string hex) => new(
        int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    /// <summary>(1 − t)·a + t·b per channel.</summary>
    public static Rgb Mix(Rgb a, Rgb b, double t) => new(a.R + (b.R - a.R) * t, a.G + (b.G - a.G) * t, a.B + (b.B - a.B) * t);

    /// <summary>Relative luminance (0 black, 1 white), to pick dark or light text on a filled cell.</summary>
    public double Luminance => (0.2126 * Linear(R) + 0.7152 * Linear(G) + 0.0722 * Linear(B));

    public string Hex => string.Create(CultureInfo.InvariantCulture, $"#{Byte(R):x2}{Byte(G):x2}{Byte(B):x2}");

    private static int Byte(double c) => (int)Math.Round(Math.Clamp(c, 0, 255));

    private static double Linear(double c)
    {
        double s = c / 255;
        return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }
}

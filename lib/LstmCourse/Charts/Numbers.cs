using System.Globalization;

namespace LstmCourse.Charts;

/// <summary>Every number a chart or table writes, in the invariant culture, so output never depends on the machine.</summary>
internal static class Numbers
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A coordinate in SVG user units: two decimals at most, never "-0".</summary>
    public static string Coord(double v)
    {
        double r = Math.Round(v, 2);
        return (r == 0 ? 0 : r).ToString("0.##", Inv);
    }

    /// <summary>A value for a <c>data-*</c> attribute that tests read back: 12 significant digits, so 0.1 + 0.2 shows as 0.3.</summary>
    public static string Data(double v) => v.ToString("G12", Inv);

    /// <summary>Four significant digits without exponent between 1e-4 and 1e15: 1.523, 0.01, 12346, 1.5e-05 → "1.5e-5".</summary>
    public static string Short(double v)
    {
        if (double.IsNaN(v)) return "NaN";
        if (double.IsPositiveInfinity(v)) return "∞";
        if (double.IsNegativeInfinity(v)) return "-∞";
        if (v == 0) return "0";
        double a = Math.Abs(v);
        if (a < 1e-4 || a >= 1e15) return v.ToString("0.###e0", Inv);
        if (a >= 1e4) return v.ToString("0", Inv);
        int decimals = Math.Max(0, 3 - (int)Math.Floor(Math.Log10(a)));
        return v.ToString("0." + new string('#', decimals), Inv);
    }

    /// <summary>A tick label on an axis whose ticks are <paramref name="step"/> apart and reach <paramref name="maxAbs"/>: 0.2, 1.5k, 2M, 2e-5.</summary>
    public static string Tick(double v, double step, double maxAbs)
    {
        if (Math.Abs(v) < step * 1e-9) return "0";
        if (maxAbs >= 1e4 && maxAbs < 1e15 && step >= 1)
        {
            var (div, suffix) = maxAbs >= 1e12 ? (1e12, "T") : maxAbs >= 1e9 ? (1e9, "G") : maxAbs >= 1e6 ? (1e6, "M") : (1e3, "k");
            return Fixed(v / div, step / div) + suffix;
        }
        if (maxAbs < 1e-3 || maxAbs >= 1e15) return v.ToString("0.##e0", Inv);
        return Fixed(v, step);
    }

    /// <summary>A power of ten 10^k: plain for k in -3..3 (0.001 … 1000), else "1e-5", "1e6".</summary>
    public static string Decade(int k) => k is >= -3 and <= 3 ? Math.Pow(10, k).ToString("0.###", Inv) : "1e" + k.ToString(Inv);

    private static string Fixed(double v, double step)
    {
        int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9));
        return v.ToString("F" + decimals, Inv);
    }
}

using System.Collections;
using System.Globalization;
using LstmCourse.Charts;

namespace LstmCourse.Tables;

/// <summary>How one cell reads: short for people (4 significant digits), complete for CSV (round-trip digits).</summary>
internal static class CellText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static bool IsNumber(object? value) => value is sbyte or byte or short or ushort or int or uint or long or ulong
        or float or double or decimal or Half;

    /// <summary>A numeric cell as a double, for sorting.</summary>
    public static double AsDouble(object number) => number is Half h ? (double)h : Convert.ToDouble(number, Inv);

    /// <summary>For display: 1.523, 0.01, 12346, 1.5e-5, true, 2024-05-01 12:00:00, [128, 64]; null is empty.</summary>
    public static string Display(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => Numbers.Short(d),
        float f => Numbers.Short(f),
        Half h => Numbers.Short((double)h),
        decimal m => Numbers.Short((double)m),
        bool b => b ? "true" : "false",
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", Inv),
        IEnumerable e => List(e, Display),
        IFormattable f => f.ToString(null, Inv),
        _ => value.ToString() ?? "",
    };

    /// <summary>For CSV: every digit (0.1 stays 0.1, 1/3 keeps 17 digits), ISO 8601 dates; null is empty.</summary>
    public static string Complete(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("R", Inv),
        float f => f.ToString("R", Inv),
        bool b => b ? "true" : "false",
        DateTime t => t.ToString("o", Inv),
        DateTimeOffset t => t.ToString("o", Inv),
        IEnumerable e => List(e, Complete),
        IFormattable f => f.ToString(null, Inv),
        _ => value.ToString() ?? "",
    };

    private static string List(IEnumerable items, Func<object?, string> format)
    {
        var shown = items.Cast<object?>().Take(11).Select(format).ToList();
        return "[" + string.Join(", ", shown.Take(10)) + (shown.Count > 10 ? ", …" : "") + "]";
    }
}

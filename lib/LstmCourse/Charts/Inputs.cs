namespace LstmCourse.Charts;

/// <summary>Argument checks shared by the charts; each message names the chart, the problem and the fix.</summary>
internal static class Inputs
{
    public static string Name(Chart chart, string? name, string what, IEnumerable<string> taken)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException($"{chart.Kind} '{chart.Title}': the {what} name is empty; give each {what} a name for the legend.", nameof(name));
        if (taken.Contains(name))
            throw new ArgumentException($"{chart.Kind} '{chart.Title}' already has a {what} named '{name}'; give each {what} its own name.", nameof(name));
        return name;
    }

    public static double[] Values(Chart chart, string series, string argument, IEnumerable<double>? values) =>
        values?.ToArray() ?? throw new ArgumentException($"{chart.Kind} '{chart.Title}': {argument} of '{series}' is null; pass an array or list of numbers (it may be empty).", argument);

    public static (double Min, double Max)? Range(Chart chart, string property, (double Min, double Max)? range)
    {
        if (range is not var (min, max)) return null;
        if (!double.IsFinite(min) || !double.IsFinite(max) || min >= max)
            throw new ArgumentException($"{chart.Kind} '{chart.Title}': {property} ({min}, {max}) is not a range; give finite (min, max) with min < max, or null for automatic.", property);
        return range;
    }

    public static void SameLength(Chart chart, string series, int xCount, int yCount)
    {
        if (xCount != yCount)
            throw new ArgumentException($"{chart.Kind} '{chart.Title}': series '{series}' has {xCount} x values but {yCount} y values; give one x per y.");
    }

    /// <summary>The note a legend entry gets for values it could not draw: "", " (no data)", " (3 non-finite skipped)".</summary>
    public static string SkipNote(int total, int skipped) =>
        total == 0 ? " (no data)" : skipped == total ? " (no finite values)" : skipped > 0 ? $" ({skipped} non-finite skipped)" : "";
}

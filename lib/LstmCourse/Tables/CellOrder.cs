namespace LstmCourse.Tables;

/// <summary>The order <see cref="ResultsTable.SortBy"/> uses: numbers by value, then other values (same type by CompareTo, else by text);
/// empty cells and NaN always last.</summary>
internal sealed class CellOrder(bool descending) : IComparer<object?>
{
    public int Compare(object? a, object? b)
    {
        int rankA = Rank(a), rankB = Rank(b);
        if (rankA != rankB) return rankA.CompareTo(rankB);                // missing values stay last whichever the direction
        if (rankA == 2) return 0;
        int order = rankA == 0 ? CellText.AsDouble(a!).CompareTo(CellText.AsDouble(b!)) : CompareOther(a!, b!);
        return descending ? -order : order;
    }

    /// <summary>0 number, 1 other value, 2 missing (null or NaN).</summary>
    private static int Rank(object? v) => v switch
    {
        null => 2,
        double d when double.IsNaN(d) => 2,
        float f when float.IsNaN(f) => 2,
        _ when CellText.IsNumber(v) => 0,
        _ => 1,
    };

    private static int CompareOther(object a, object b)
    {
        if (a.GetType() == b.GetType() && a is IComparable ca && a is not string) return ca.CompareTo(b);
        string sa = CellText.Display(a), sb = CellText.Display(b);
        int c = string.Compare(sa, sb, StringComparison.OrdinalIgnoreCase);
        return c != 0 ? c : string.CompareOrdinal(sa, sb);
    }
}

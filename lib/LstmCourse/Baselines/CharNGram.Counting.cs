namespace LstmCourse.Baselines;

/// <summary>Counting for <see cref="CharNGram"/>: k-grams packed into a long (<c>bits</c> per character, oldest first),
/// raw and continuation counts, per-context totals, and the modified Kneser–Ney discounts.</summary>
public sealed partial class CharNGram
{
    /// <summary>For one context h: Σ_c N_k(hc), and how many c have N_k(hc) = 1, = 2, ≥ 3.</summary>
    private readonly record struct ContextStats(int Total, int N1, int N2, int N3Plus);

    private static long Pack(ReadOnlySpan<int> ids, int bits)
    {
        long key = 0;
        foreach (int id in ids) key = (key << bits) | (long)id;
        return key;
    }

    private static Dictionary<long, int> CountKGrams(int[] x, int k, int bits)
    {
        var result = new Dictionary<long, int>();
        long mask = (1L << (bits * k)) - 1, key = 0;
        for (int i = 0; i < x.Length; i++)
        {
            key = ((key << bits) | (long)x[i]) & mask;
            if (i >= k - 1) result[key] = result.GetValueOrDefault(key) + 1;
        }
        return result;
    }

    /// <summary>N_k(g) = how many distinct (k+1)-grams end with the k-gram g.</summary>
    private static Dictionary<long, int> ContinuationCounts(Dictionary<long, int> longer, int k, int bits)
    {
        var result = new Dictionary<long, int>();
        long mask = (1L << (bits * k)) - 1;
        foreach (long key in longer.Keys) result[key & mask] = result.GetValueOrDefault(key & mask) + 1;
        return result;
    }

    private static Dictionary<long, ContextStats> ContextTotals(Dictionary<long, int> counts, int bits)
    {
        var result = new Dictionary<long, ContextStats>();
        foreach (var (key, c) in counts)
        {
            long h = key >> bits;
            var s = result.GetValueOrDefault(h);
            result[h] = new ContextStats(s.Total + c, s.N1 + (c == 1 ? 1 : 0), s.N2 + (c == 2 ? 1 : 0), s.N3Plus + (c >= 3 ? 1 : 0));
        }
        return result;
    }

    private static (double, double, double) ModifiedKneserNeyDiscounts(IEnumerable<int> counts)
    {
        var m = new double[5];
        foreach (int c in counts) if (c <= 4) m[c]++;
        const double fallback = 0.75;
        if (m[1] == 0 || m[2] == 0 || m[3] == 0 || m[4] == 0) return (fallback, fallback, fallback);
        double y = m[1] / (m[1] + 2 * m[2]);
        double d1 = 1 - 2 * y * m[2] / m[1], d2 = 2 - 3 * y * m[3] / m[2], d3 = 3 - 4 * y * m[4] / m[3];
        bool valid = d1 is > 0 and <= 1 && d2 is > 0 and <= 2 && d3 is > 0 and <= 3;
        return valid ? (d1, d2, d3) : (fallback, fallback, fallback);
    }
}

using System.Text;

namespace LstmCourse.Charts;

/// <summary>A rectangle in pixels (the plot area), for clipping.</summary>
internal readonly record struct Box(double Left, double Top, double Right, double Bottom)
{
    public bool Contains(double x, double y) => x >= Left - 0.01 && x <= Right + 0.01 && y >= Top - 0.01 && y <= Bottom + 0.01;
}

/// <summary>Turns pixel points into SVG path data: gaps where a point is missing, at most four points per pixel column,
/// and segments clipped to the plot area (so a fixed y range cuts the line at the border instead of drawing outside).</summary>
internal static class PathBuilder
{
    /// <summary>The path data and the points that stand alone between gaps (drawn as dots, since a lone point has no line).</summary>
    public static (string D, List<(double X, double Y)> Isolated) Build(IReadOnlyList<(double X, double Y)?> points, Box clip)
    {
        var d = new StringBuilder();
        var isolated = new List<(double X, double Y)>();
        var run = new List<(double X, double Y)>();
        for (int k = 0; k <= points.Count; k++)
        {
            if (k < points.Count && points[k] is { } p)
            {
                run.Add(p);
                continue;
            }
            if (run.Count == 1 && clip.Contains(run[0].X, run[0].Y)) isolated.Add(run[0]);
            if (run.Count >= 2) AppendRun(d, Thin(run), clip);
            run.Clear();
        }
        return (d.ToString().TrimEnd(), isolated);
    }

    /// <summary>Keeps the first, lowest, highest and last point of each run of points in the same pixel column (the line looks the same).</summary>
    internal static List<(double X, double Y)> Thin(List<(double X, double Y)> run)
    {
        var kept = new List<(double X, double Y)>(Math.Min(run.Count, 4096));
        int start = 0;
        while (start < run.Count)
        {
            int end = start;
            double column = Math.Floor(run[start].X);
            while (end + 1 < run.Count && Math.Floor(run[end + 1].X) == column) end++;
            int lo = start, hi = start;
            for (int k = start; k <= end; k++)
            {
                if (run[k].Y < run[lo].Y) lo = k;
                if (run[k].Y > run[hi].Y) hi = k;
            }
            foreach (int k in new[] { start, lo, hi, end }.Distinct().Order()) kept.Add(run[k]);
            start = end + 1;
        }
        return kept;
    }

    private static void AppendRun(StringBuilder d, List<(double X, double Y)> run, Box clip)
    {
        (double X, double Y)? penAt = null;
        for (int k = 1; k < run.Count; k++)
        {
            if (Clip(run[k - 1], run[k], clip) is not { } segment) continue;
            var (a, b) = segment;
            if (penAt != a) d.Append('M').Append(Numbers.Coord(a.X)).Append(',').Append(Numbers.Coord(a.Y)).Append(' ');
            d.Append('L').Append(Numbers.Coord(b.X)).Append(',').Append(Numbers.Coord(b.Y)).Append(' ');
            penAt = b;
        }
    }

    /// <summary>Liang–Barsky: the part of segment a→b inside the box, or null when none is.</summary>
    internal static ((double X, double Y), (double X, double Y))? Clip((double X, double Y) a, (double X, double Y) b, Box box)
    {
        double dx = b.X - a.X, dy = b.Y - a.Y, t0 = 0, t1 = 1;
        foreach (var (p, q) in new[] { (-dx, a.X - box.Left), (dx, box.Right - a.X), (-dy, a.Y - box.Top), (dy, box.Bottom - a.Y) })
        {
            if (p == 0)
            {
                if (q < 0) return null;
                continue;
            }
            double r = q / p;
            if (p < 0) t0 = Math.Max(t0, r);
            else t1 = Math.Min(t1, r);
            if (t0 > t1) return null;
        }
        return (t0 == 0 ? a : (a.X + t0 * dx, a.Y + t0 * dy), t1 == 1 ? b : (a.X + t1 * dx, a.Y + t1 * dy));
    }
}

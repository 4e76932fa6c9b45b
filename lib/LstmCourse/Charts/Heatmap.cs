using LstmCourse.Display;
using LstmCourse.Numerics;

namespace LstmCourse.Charts;

/// <summary>A matrix as coloured cells: row r drawn top to bottom, column c left to right (e.g. units × time steps), with a colour bar.</summary>
/// <remarks>
/// <code>
/// new Heatmap("Cell state c_t", Heatmap.UnitsOverTime(trace.Cs), xLabel: "character", yLabel: "unit")
/// { ColumnLabels = Heatmap.CharLabels("Mary had a little lamb"), Scale = ColorScale.BlueWhiteRed, Range = (-1, 1) }
/// </code>
/// The colour scale spans <see cref="Range"/>, or else the finite values (symmetric around 0 for a diverging scale);
/// values outside it take the end colours. NaN or infinite cells are grey and the colour bar says so.
/// A constant matrix gets a padded range, so its cells take the middle colour.
/// Each cell is one SVG rect (about 85 bytes): slice matrices beyond some 20,000 cells before drawing them.
/// </remarks>
[TypeFormatterSource(typeof(ChartFormatterSource), PreferredMimeTypes = new[] { ChartFormatterSource.Svg, ChartFormatterSource.Html, ChartFormatterSource.Plain })]
public sealed class Heatmap : Chart
{
    private const double LabelSize = 11;
    private readonly double[,] values;
    private IReadOnlyList<string>? columnLabels, rowLabels;
    private (double Min, double Max)? range;

    /// <summary>A heatmap of <paramref name="values"/>[row, column].</summary>
    public Heatmap(string? title, double[,] values, string? xLabel = null, string? yLabel = null) : base(title)
    {
        if (values is null || values.GetLength(0) == 0 || values.GetLength(1) == 0)
            throw new ArgumentException($"Heatmap '{title}': values has {(values is null ? "no matrix" : $"{values.GetLength(0)} rows and {values.GetLength(1)} columns")}; a heatmap needs at least one row and one column.", nameof(values));
        this.values = (double[,])values.Clone();
        XLabel = xLabel;
        YLabel = yLabel;
    }

    /// <summary>A heatmap of single-precision <paramref name="values"/>[row, column].</summary>
    public Heatmap(string? title, float[,] values, string? xLabel = null, string? yLabel = null)
        : this(title, ToDouble(values), xLabel, yLabel)
    {
    }

    /// <summary>A heatmap whose row r is <paramref name="rows"/>[r]; every row must have the same length.</summary>
    public Heatmap(string? title, IReadOnlyList<IReadOnlyList<double>> rows, string? xLabel = null, string? yLabel = null)
        : this(title, ToGrid(title, rows), xLabel, yLabel)
    {
    }

    /// <summary>A heatmap of a <see cref="Matrix"/>: one row per matrix row.</summary>
    public Heatmap(string? title, Matrix matrix, string? xLabel = null, string? yLabel = null)
        : this(title, ToGrid(matrix), xLabel, yLabel)
    {
    }

    public string? XLabel { get; set; }
    public string? YLabel { get; set; }
    public int Rows => values.GetLength(0);
    public int Columns => values.GetLength(1);
    public double this[int row, int column] => values[row, column];

    /// <summary>A label under each column (e.g. the characters of the input, see <see cref="CharLabels"/>); null shows column indexes.</summary>
    public IReadOnlyList<string>? ColumnLabels
    {
        get => columnLabels;
        set => columnLabels = CheckLabels(value, Columns, "ColumnLabels", "column");
    }

    /// <summary>A label left of each row (unit or gate names); null shows row indexes.</summary>
    public IReadOnlyList<string>? RowLabels
    {
        get => rowLabels;
        set => rowLabels = CheckLabels(value, Rows, "RowLabels", "row");
    }

    /// <summary>The colour scale: <see cref="ColorScale.Viridis"/> (default) for magnitudes, <see cref="ColorScale.BlueWhiteRed"/> for signed values.</summary>
    public ColorScale Scale { get; set; } = ColorScale.Viridis;

    /// <summary>The values the scale's ends stand for; null for automatic (see <see cref="ColorRange"/>).</summary>
    public (double Min, double Max)? Range { get => range; set => range = Inputs.Range(this, nameof(Range), value); }

    /// <summary>Writes each value in its cell (for small matrices).</summary>
    public bool ShowValues { get; set; }

    /// <summary>The range the colour bar spans: <see cref="Range"/>, or the finite values' [min, max] ([−m, m] with m = max |v| for a diverging scale).</summary>
    public (double Min, double Max) ColorRange
    {
        get
        {
            if (range is { } fixedRange) return fixedRange;
            var finite = values.Cast<double>().Where(double.IsFinite).ToArray();
            if (finite.Length == 0) return Scale.IsDiverging ? (-1, 1) : (0, 1);
            double lo = finite.Min(), hi = finite.Max();
            if (Scale.IsDiverging)
            {
                double m = Math.Max(Math.Abs(lo), Math.Abs(hi));
                return m == 0 ? (-1, 1) : (-m, m);
            }
            if (hi > lo) return (lo, hi);
            double pad = lo == 0 ? 1 : Math.Abs(lo) * 0.1;
            return (lo - pad, hi + pad);
        }
    }

    /// <summary>Rows = units, columns = time steps, from a list of per-step vectors such as <c>trace.Hs</c> (steps[t][unit]).</summary>
    public static double[,] UnitsOverTime(IReadOnlyList<double[]> steps)
    {
        if (steps is null || steps.Count == 0 || steps[0].Length == 0)
            throw new ArgumentException("steps is empty; pass one vector per time step, e.g. trace.Hs.", nameof(steps));
        int T = steps.Count, H = steps[0].Length;
        var grid = new double[H, T];
        for (int t = 0; t < T; t++)
        {
            if (steps[t].Length != H)
                throw new ArgumentException($"steps[{t}] has {steps[t].Length} values but steps[0] has {H}; every step needs the same number of units.", nameof(steps));
            for (int u = 0; u < H; u++) grid[u, t] = steps[t][u];
        }
        return grid;
    }

    /// <summary>Rows = units, columns = time steps, from single-precision per-step vectors (steps[t][unit]).</summary>
    public static double[,] UnitsOverTime(IReadOnlyList<float[]> steps) =>
        UnitsOverTime(steps?.Select(s => s?.Select(v => (double)v).ToArray() ?? []).ToArray()!);

    /// <summary>One label per character, with whitespace made visible: space → ␣, newline → ↵, tab → ⇥.</summary>
    public static IReadOnlyList<string> CharLabels(string text) =>
        (text ?? throw new ArgumentException("text is null; pass the string whose characters label the columns.", nameof(text)))
        .Select(ch => ch switch { ' ' => "␣", '\n' => "↵", '\r' => "␍", '\t' => "⇥", _ => ch.ToString() }).ToArray();

    /// <summary>The same heatmap with rows and columns swapped (labels swap too).</summary>
    public Heatmap Transposed()
    {
        var t = new double[Columns, Rows];
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Columns; c++) t[c, r] = values[r, c];
        return new Heatmap(Title, t, YLabel, XLabel)
        {
            ColumnLabels = rowLabels, RowLabels = columnLabels, Scale = Scale, Range = range, ShowValues = ShowValues, Width = Width, Height = Height,
        };
    }

    internal override string Describe()
    {
        var (lo, hi) = ColorRange;
        return $"{Rows} x {Columns} cells, {Scale.Name} scale over [{Numbers.Short(lo)}, {Numbers.Short(hi)}]";
    }

    internal override void Draw(SvgWriter svg, double width, double height) => new HeatmapLayout(this, values).Draw(svg, width, height);

    private IReadOnlyList<string>? CheckLabels(IReadOnlyList<string>? labels, int count, string property, string what)
    {
        if (labels is not null && labels.Count != count)
            throw new ArgumentException($"Heatmap '{Title}': {property} has {labels.Count} labels but the matrix has {count} {what}s; give one label per {what}.", property);
        return labels?.ToArray();
    }

    private static double[,] ToGrid(string? title, IReadOnlyList<IReadOnlyList<double>> rows)
    {
        if (rows is null || rows.Count == 0 || rows[0] is null || rows[0].Count == 0)
            throw new ArgumentException($"Heatmap '{title}': rows is empty; a heatmap needs at least one row and one column.", nameof(rows));
        var grid = new double[rows.Count, rows[0].Count];
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r] is null || rows[r].Count != rows[0].Count)
                throw new ArgumentException($"Heatmap '{title}': row {r} has {rows[r]?.Count ?? 0} values but row 0 has {rows[0].Count}; every row needs the same length.", nameof(rows));
            for (int c = 0; c < rows[0].Count; c++) grid[r, c] = rows[r][c];
        }
        return grid;
    }

    private static double[,] ToDouble(float[,] values)
    {
        var grid = new double[values?.GetLength(0) ?? 0, values?.GetLength(1) ?? 0];
        for (int r = 0; r < grid.GetLength(0); r++)
            for (int c = 0; c < grid.GetLength(1); c++) grid[r, c] = values![r, c];
        return grid;
    }

    private static double[,] ToGrid(Matrix matrix)
    {
        var grid = new double[matrix.Rows, matrix.Cols];
        for (int r = 0; r < matrix.Rows; r++)
            for (int c = 0; c < matrix.Cols; c++) grid[r, c] = matrix[r, c];
        return grid;
    }
}

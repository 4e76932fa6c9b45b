using LstmCourse.Display;
using System.Reflection;
using LstmCourse.Charts;

namespace LstmCourse.Tables;

/// <summary>Rows of results under named columns, to compare experiment runs (hyperparameters next to losses):
/// shown as an HTML table in a notebook, as aligned text in a console, saved as CSV.</summary>
/// <remarks>
/// <code>
/// var table = ResultsTable.From(runs);                       // public properties become columns, in declaration order
/// table.SortBy("ValidLoss").SaveCsv("results/runs.csv");
/// new ResultsTable("model", "hidden", "loss").AddRow("LSTM", 128, 1.41).AddRow("RNN", 128, 1.92)
/// </code>
/// Numbers are right-aligned and shown with 4 significant digits; the CSV keeps every digit (round-trip format).
/// A notebook cell ending with a table shows it through <see cref="TypeFormatterSourceAttribute"/> (text/html and text/plain).
/// </remarks>
[TypeFormatterSource(typeof(TableFormatterSource), PreferredMimeTypes = new[] { ChartFormatterSource.Html, ChartFormatterSource.Plain })]
public sealed partial class ResultsTable
{
    private readonly string[] columns;
    private List<object?[]> rows = [];
    private int maxDisplayRows = 50;

    /// <summary>An empty table with these column names (distinct, non-empty).</summary>
    public ResultsTable(params string[] columns)
    {
        if (columns is null || columns.Length == 0)
            throw new ArgumentException("A table needs at least one column; pass the column names, e.g. new ResultsTable(\"model\", \"loss\").", nameof(columns));
        for (int k = 0; k < columns.Length; k++)
        {
            if (string.IsNullOrWhiteSpace(columns[k]))
                throw new ArgumentException($"Column {k} has an empty name; give every column a name.", nameof(columns));
            if (Array.IndexOf(columns, columns[k]) != k)
                throw new ArgumentException($"Column '{columns[k]}' appears twice; give every column its own name.", nameof(columns));
        }
        this.columns = columns.ToArray();
    }

    /// <summary>A table with one row per record; columns are the public readable properties of <typeparamref name="T"/>
    /// in declaration order, or just <paramref name="columns"/> in the order given.</summary>
    public static ResultsTable From<T>(IEnumerable<T> records, params string[] columns)
    {
        if (records is null) throw new ArgumentException("records is null; pass a list of objects (rows), e.g. runs.", nameof(records));
        var list = records.ToList();
        var type = typeof(T) == typeof(object) && list.FirstOrDefault(r => r is not null) is { } first ? first.GetType() : typeof(T);
        var properties = Properties(type);
        if (properties.Length == 0)
            throw new ArgumentException($"Type {type.Name} has no public properties to use as columns; use records with properties, or new ResultsTable(columns).AddRow(...).", nameof(records));
        var table = new ResultsTable(columns is { Length: > 0 } ? columns : properties.Select(p => p.Name).ToArray());
        foreach (var record in list) table.AddRecord(record);
        return table;
    }

    /// <summary>An optional caption shown above the table.</summary>
    public string? Caption { get; set; }

    /// <summary>How many rows the HTML and text views show before "… N more rows" (default 50; CSV always has all).</summary>
    public int MaxDisplayRows
    {
        get => maxDisplayRows;
        set => maxDisplayRows = value >= 1 ? value : throw new ArgumentException($"MaxDisplayRows = {value}; show at least 1 row.", nameof(MaxDisplayRows));
    }

    public IReadOnlyList<string> Columns => columns;
    public IReadOnlyList<IReadOnlyList<object?>> Rows => rows;
    public int Count => rows.Count;

    /// <summary>The cell in row <paramref name="row"/> under <paramref name="column"/>.</summary>
    public object? this[int row, string column] => rows[row][IndexOf(column)];

    /// <summary>Adds a row: one cell per column, in column order.</summary>
    public ResultsTable AddRow(params object?[] cells)
    {
        cells ??= [null];
        if (cells.Length != columns.Length)
            throw new ArgumentException($"The row has {cells.Length} cells but the table has {columns.Length} columns ({string.Join(", ", columns)}); give one cell per column.", nameof(cells));
        rows.Add(cells.ToArray());
        return this;
    }

    /// <summary>Adds a row read from <paramref name="record"/>'s public properties named like the columns.</summary>
    public ResultsTable AddRecord<T>(T record)
    {
        if (record is null) throw new ArgumentException("record is null; pass an object whose properties match the columns.", nameof(record));
        var type = record.GetType();
        var cells = new object?[columns.Length];
        for (int k = 0; k < columns.Length; k++)
        {
            var p = type.GetProperty(columns[k], BindingFlags.Public | BindingFlags.Instance)
                ?? throw new ArgumentException($"A {type.Name} has no public property '{columns[k]}'; records need a property for every column ({string.Join(", ", columns)}).", nameof(record));
            cells[k] = p.GetValue(record);
        }
        rows.Add(cells);
        return this;
    }

    /// <summary>Sorts the rows by <paramref name="column"/> (stable; numbers by value, text ordinally; empty cells and NaN last either way).</summary>
    public ResultsTable SortBy(string column, bool descending = false)
    {
        int k = IndexOf(column);
        rows = rows.OrderBy(r => r[k], new CellOrder(descending)).ToList();
        return this;
    }

    /// <summary>The aligned text view (<see cref="ToText"/>), which is also the notebook's text/plain output.</summary>
    public override string ToString() => ToText();

    private int IndexOf(string column)
    {
        int k = Array.IndexOf(columns, column);
        return k >= 0 ? k : throw new ArgumentException($"There is no column '{column}'; the columns are {string.Join(", ", columns)}.", nameof(column));
    }

    private static PropertyInfo[] Properties(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic)
        .OrderBy(p => Depth(p.DeclaringType!))                             // base-class properties first, then each class in declaration order
        .ThenBy(p => p.MetadataToken)
        .ToArray();

    private static int Depth(Type type)
    {
        int depth = 0;
        for (var t = type.BaseType; t is not null; t = t.BaseType) depth++;
        return depth;
    }
}

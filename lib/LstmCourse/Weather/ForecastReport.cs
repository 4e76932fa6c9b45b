using System.Globalization;

namespace LstmCourse.Weather;

/// <summary>Validation of a text of forecast products: per-product verdicts and the fraction passing each measure.</summary>
/// <remarks>
/// <code>
/// ParsedFraction = parsed / candidates;    every other fraction = passing / parsed    (0 when the denominator is 0)
/// </code>
/// Scored on samples drawn during training, the five fractions show what a model learned, and when.
/// </remarks>
public sealed class ForecastReport
{
    public ForecastReport(IReadOnlyList<ProductCheck> products)
    {
        Products = products;
        ParsedCount = products.Count(p => p.Parsed);
        ParsedFraction = Fraction(ParsedCount, products.Count);
        PeriodOrderFraction = Fraction(products.Count(p => p.PeriodOrder == true), ParsedCount);
        WeekdaysConsistentFraction = Fraction(products.Count(p => p.WeekdaysConsistent == true), ParsedCount);
        LowsBelowHighsFraction = Fraction(products.Count(p => p.LowsBelowHighs == true), ParsedCount);
        NumbersInRangeFraction = Fraction(products.Count(p => p.NumbersInRange == true), ParsedCount);
    }

    public IReadOnlyList<ProductCheck> Products { get; }

    /// <summary>Number of product candidates found.</summary>
    public int ProductCount => Products.Count;

    public int ParsedCount { get; }
    public double ParsedFraction { get; }
    public double PeriodOrderFraction { get; }
    public double WeekdaysConsistentFraction { get; }
    public double LowsBelowHighsFraction { get; }
    public double NumbersInRangeFraction { get; }

    /// <summary>The five fractions by name, in a fixed order, for tables and charts.</summary>
    public IReadOnlyList<(string Measure, double Fraction)> Fractions =>
    [
        ("parsed", ParsedFraction), ("period order", PeriodOrderFraction), ("weekdays consistent", WeekdaysConsistentFraction),
        ("lows below highs", LowsBelowHighsFraction), ("numbers in range", NumbersInRangeFraction),
    ];

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{ProductCount} products, {ParsedCount} parsed: ")
        + string.Join(", ", Fractions.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Measure} {100 * f.Fraction:0.0}%")));

    private static double Fraction(int count, int total) => total == 0 ? 0 : (double)count / total;
}

namespace LstmCourse.Tests.Activations;

/// <summary>Points to test activations at: a fine sweep over [−20, 20], the kinks and far tails, and the span lengths
/// that exercise every tail of a vectorised loop.</summary>
internal static class ActivationSweep
{
    public static IEnumerable<double> Points() =>
        Enumerable.Range(-160, 321).Select(k => k / 8.0)                   // −20 … 20 in steps of 1/8
            .Concat([-800, -745, -100, -40, -1e-9, 1e-9, 40, 100, 745, 800, 0.0, -0.0, 1e-300, -1e-300]);

    /// <summary>(f(x+e) − f(x−e)) · 8 − (f(x+2e) − f(x−2e)), over 12e: error O(e⁴).</summary>
    public static double FourPoint(Func<double, double> f, double x, double e = 1e-3) =>
        (8 * (f(x + e) - f(x - e)) - (f(x + 2 * e) - f(x - 2 * e))) / (12 * e);

    public static IEnumerable<int> Lengths() => Enumerable.Range(0, 34);
}

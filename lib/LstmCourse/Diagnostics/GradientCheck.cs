using LstmCourse.Numerics;
using LstmCourse.Parameters;

namespace LstmCourse.Diagnostics;

/// <summary>Compares analytic gradients with centered differences of the loss, entry by entry.</summary>
/// <remarks>
/// <code>
/// two-point:   numeric_k = (L(θ + εe_k) − L(θ − εe_k)) / 2ε                                      error O(ε²)
/// four-point:  numeric_k = (8[L(θ + εe_k) − L(θ − εe_k)] − [L(θ + 2εe_k) − L(θ − 2εe_k)]) / 12ε  error O(ε⁴)
/// relative_k = |analytic_k − numeric_k| / max(|analytic_k|, |numeric_k|, floor)
/// </code>
/// The default is the four-point stencil at ε = 1e-3: the two-point one at ε = 1e-5 leaves ~1e-11 of rounding noise,
/// which is a relative error of 1e-5 on the many entries whose gradient is ~1e-6, and a check that tolerates that
/// would miss a dropped derivative. With four points the noise falls to ~1e-13. The floor only guards exact zeros.
/// A correct model shows relative errors near 1e-9; a dropped derivative, 1e-4 or worse.
/// Taught in notebooks/05-bptt.ipynb.
/// </remarks>
public static class GradientCheck
{
    /// <summary>Checks every entry of every parameter (or a seeded sample of <paramref name="samplesPerParameter"/> entries each).</summary>
    /// <param name="parameters">The parameters to perturb.</param>
    /// <param name="loss">The loss at the current weights, computed without side effects on gradients.</param>
    /// <param name="computeGradients">Fills every parameter's <c>Grad</c> with dL/dθ at the current weights (zero first).</param>
    public static GradientCheckReport Run(
        IEnumerable<Parameter> parameters, Func<double> loss, Action computeGradients,
        double epsilon = 1e-3, double floor = 1e-9, int? samplesPerParameter = null, int seed = 0, bool fourPoint = true)
    {
        if (!(epsilon > 0)) throw new ArgumentException($"epsilon must be positive, got {epsilon}.", nameof(epsilon));
        if (samplesPerParameter is <= 0) throw new ArgumentException($"samplesPerParameter must be positive, got {samplesPerParameter}.", nameof(samplesPerParameter));
        var ps = parameters.ToList();
        computeGradients();
        var analytic = ps.Select(p => (double[])p.Grad.Data.Clone()).ToList();
        var rng = new Rng(seed);
        var rows = new List<GradientCheckRow>();
        for (int pi = 0; pi < ps.Count; pi++)
        {
            var p = ps[pi];
            var w = p.Value.Data;
            IEnumerable<int> indices = samplesPerParameter is int n && n < w.Length
                ? Enumerable.Range(0, n).Select(_ => rng.NextInt(w.Length)).Distinct().OrderBy(k => k).ToArray()
                : Enumerable.Range(0, w.Length);
            var worst = new GradientCheckRow(p.Name, 0, -1, 0, 0, 0);
            int checkedCount = 0;
            foreach (int k in indices)
            {
                double numeric = fourPoint
                    ? (8 * Difference(w, k, epsilon, loss) - Difference(w, k, 2 * epsilon, loss)) / (12 * epsilon)
                    : Difference(w, k, epsilon, loss) / (2 * epsilon);
                double a = analytic[pi][k];
                double rel = Math.Abs(a - numeric) / Math.Max(Math.Max(Math.Abs(a), Math.Abs(numeric)), floor);
                if (double.IsNaN(rel)) rel = double.PositiveInfinity;
                checkedCount++;
                if (rel >= worst.WorstRelativeError || worst.Index < 0)
                    worst = new GradientCheckRow(p.Name, 0, k, a, numeric, rel);
            }
            rows.Add(worst with { Checked = checkedCount });
        }
        return new GradientCheckReport(rows);
    }

    /// <summary>L(θ + h e_k) − L(θ − h e_k), leaving θ as it was.</summary>
    private static double Difference(double[] w, int k, double h, Func<double> loss)
    {
        double saved = w[k];
        w[k] = saved + h; double plus = loss();
        w[k] = saved - h; double minus = loss();
        w[k] = saved;
        return plus - minus;
    }
}

/// <summary>One parameter's result: how many entries were checked and the worst one.</summary>
public sealed record GradientCheckRow(string Parameter, int Checked, int Index, double Analytic, double Numeric, double WorstRelativeError);

/// <summary>Per-parameter worst relative errors of a gradient check.</summary>
public sealed record GradientCheckReport(IReadOnlyList<GradientCheckRow> Rows)
{
    public double WorstRelativeError => Rows.Count == 0 ? 0 : Rows.Max(r => r.WorstRelativeError);

    public bool Passes(double tolerance = 1e-6) => Rows.All(r => r.WorstRelativeError < tolerance);

    /// <summary>Throws when any parameter's worst relative error reaches <paramref name="tolerance"/>, naming parameter, index, analytic and numeric.</summary>
    public void ThrowIfAbove(double tolerance = 1e-6)
    {
        var bad = Rows.Where(r => !(r.WorstRelativeError < tolerance)).ToList();
        if (bad.Count > 0)
            throw new InvalidOperationException("Gradient check failed (tolerance " + tolerance.ToString("g2") + "): " + string.Join("; ",
                bad.Select(r => $"{r.Parameter}[{r.Index}] analytic {r.Analytic:g9} vs numeric {r.Numeric:g9}, relative error {r.WorstRelativeError:g3}")));
    }

    public override string ToString() => string.Join(Environment.NewLine,
        Rows.Select(r => $"{r.Parameter,-12} checked {r.Checked,6}  worst rel. error {r.WorstRelativeError:e2} at [{r.Index}] (analytic {r.Analytic:g6}, numeric {r.Numeric:g6})"));
}

using System.Globalization;
using LstmCourse.Numerics;
using static LstmCourse.Exercises.Ex;

namespace LstmCourse.Exercises;

/// <summary>One named output of a learner's function (a scalar, vector or matrix, row-major), compared entry by entry.</summary>
internal sealed record Part(string Name, double[]? Values, int Rows, int Cols, bool IsMatrix)
{
    public static Part Scalar(double v) => new("", [v], 1, 1, false);

    public static Part Vector(string name, double[]? v) => new(name, v, v?.Length ?? 0, 1, false);

    public static Part Of(string name, Matrix? m) => new(name, m?.Data, m?.Rows ?? 0, m?.Cols ?? 0, true);

    public string Entry(int k) => Name == "" ? "" : IsMatrix ? $"{Name}[{k / Cols},{k % Cols}]" : $"{Name}[{k}]";

    public string Shape => IsMatrix ? $"{Rows}x{Cols}" : Count(Rows, "entry", "entries");

    public static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}

/// <summary>A typical wrong answer: its key, the diagnosis a learner reads, and the function that computes it
/// (null on an input where the fault cannot be computed, e.g. Wh·x when x and h differ in length).</summary>
internal sealed record Fault<TCase>(string Key, string Diagnosis, Func<TCase, Part[]?> Compute);

/// <summary>Runs a learner's function on fixed inputs and explains a wrong answer.</summary>
/// <remarks>
/// <code>
/// right everywhere                                           → passed
/// matches a typical fault wherever it can be computed,
///   and that fault differs from the right answer somewhere   → the fault's diagnosis
/// threw / wrong shape                                        → the exception / the shapes
/// right except NaN or ∞ where the answer is finite           → the overflow diagnosis
/// the check's own probes (LSTM: which gate)                  → their diagnosis
/// all zeros / every value c times the right one             → "zeros" / wrong sign / constant factor
/// otherwise                                                  → the first mismatch, expected vs got
/// </code>
/// </remarks>
internal sealed class Exercise<TCase>
{
    public required string Title { get; init; }
    public required IReadOnlyList<TCase> Cases { get; init; }
    public required Func<TCase, string> Where { get; init; }
    public required Func<TCase, Part[]> Right { get; init; }
    public required string PassMessage { get; init; }
    public IReadOnlyList<Fault<TCase>> Faults { get; init; } = [];
    /// <summary>The diagnosis when the answer is right except for NaN or ∞ where the right answer is finite.</summary>
    public string? Overflow { get; init; }
    /// <summary>The shapes of the arguments, added to crash and shape diagnoses.</summary>
    public string? Shapes { get; init; }
    /// <summary>The check's own probes, run when no fault matched: a (key, diagnosis), or null.</summary>
    public Func<(string Key, string Diagnosis)?>? Localise { get; init; }

    public ExerciseResult Run(Func<TCase, Part[]?> learner)
    {
        int n = Cases.Count;
        var got = new Part[]?[n];
        var right = new Part[n][];
        var crash = new Exception?[n];
        var shape = new string?[n];
        for (int t = 0; t < n; t++)
        {
            right[t] = Right(Cases[t]);
            try { got[t] = learner(Cases[t]); }
            catch (Exception ex) { crash[t] = ex; continue; }
            shape[t] = ShapeProblem(got[t], right[t]);
        }
        bool Ok(int t) => crash[t] is null && shape[t] is null;

        var mismatch = FirstMismatch(got, right, Ok, Close);
        if (mismatch is null && Enumerable.Range(0, n).All(Ok)) return ExerciseResult.Pass(Title, PassMessage);
        string? evidence = mismatch is { } m ? Evidence(m) : null;

        foreach (var fault in Faults)
            if (Explains(fault, got, right, Ok))
                return ExerciseResult.Fail(Title, fault.Key, fault.Diagnosis, evidence);

        if (Array.FindIndex(crash, e => e is not null) is var ct and >= 0)
            return ExerciseResult.Fail(Title, "threw", Crash(crash[ct]!) + ShapesNote, $"at {Where(Cases[ct])}");
        if (Array.FindIndex(shape, s => s is not null) is var st and >= 0)
            return ExerciseResult.Fail(Title, "wrong-shape", $"wrong shape: {shape[st]}" + ShapesNote, $"at {Where(Cases[st])}");

        if (Overflow is not null && OnlyNonFinite(got, right))
            return ExerciseResult.Fail(Title, "overflow", Overflow, evidence);
        if (Localise?.Invoke() is { } local)
            return ExerciseResult.Fail(Title, local.Key, local.Diagnosis, evidence);
        if (got.All(parts => parts!.All(part => part.Values!.All(v => v == 0))))
            return ExerciseResult.Fail(Title, "zeros", "every value you return is 0: did you compute into the array you return? " +
                "(new double[n] starts as zeros)", evidence);
        if (ConstantFactor(got, right) is double c)
            return Math.Abs(c + 1) < 1e-6
                ? ExerciseResult.Fail(Title, "sign", "wrong sign: every value is the negative of the right one", evidence)
                : ExerciseResult.Fail(Title, "factor", $"off by a constant factor: every value is {Show(c)} times the right one", evidence);
        return ExerciseResult.Fail(Title, null,
            "wrong value: no typical mistake explains it; compare your formula with the lesson's, term by term", evidence);
    }

    private string ShapesNote => Shapes is null ? "" : $". Shapes: {Shapes}";

    private readonly record struct Mismatch(int Case, Part Part, int K, double Expected, double Actual);

    private string Evidence(Mismatch m)
    {
        string entry = m.Part.Entry(m.K);
        return $"at {Where(Cases[m.Case])}{(entry == "" ? "" : ", " + entry)}: expected {Show(m.Expected)}, got {Show(m.Actual)}";
    }

    private static Mismatch? FirstMismatch(Part[]?[] got, Part[][] right, Func<int, bool> ok, Func<double, double, bool> same)
    {
        for (int t = 0; t < got.Length; t++)
        {
            if (!ok(t)) continue;
            for (int p = 0; p < right[t].Length; p++)
                for (int k = 0; k < right[t][p].Values!.Length; k++)
                    if (!same(got[t]![p].Values![k], right[t][p].Values![k]))
                        return new Mismatch(t, right[t][p], k, right[t][p].Values![k], got[t]![p].Values![k]);
        }
        return null;
    }

    /// <summary>The fault reproduces every answer it can be computed for, and differs from the right answer on at least one.</summary>
    private bool Explains(Fault<TCase> fault, Part[]?[] got, Part[][] right, Func<int, bool> ok)
    {
        bool differs = false, any = false;
        for (int t = 0; t < got.Length; t++)
        {
            if (!ok(t)) continue;
            var f = fault.Compute(Cases[t]);
            if (f is null) continue;
            if (ShapeProblem(got[t], f) is not null) return false;
            any = true;
            for (int p = 0; p < f.Length; p++)
                for (int k = 0; k < f[p].Values!.Length; k++)
                {
                    if (!Resembles(got[t]![p].Values![k], f[p].Values![k])) return false;
                    if (!Close(f[p].Values![k], right[t][p].Values![k])) differs = true;
                }
        }
        return any && differs;
    }

    /// <summary>Every wrong entry is NaN or ∞ where the right answer is finite.</summary>
    private static bool OnlyNonFinite(Part[]?[] got, Part[][] right)
    {
        bool any = false;
        for (int t = 0; t < got.Length; t++)
            for (int p = 0; p < right[t].Length; p++)
                for (int k = 0; k < right[t][p].Values!.Length; k++)
                {
                    double a = got[t]![p].Values![k], e = right[t][p].Values![k];
                    if (Close(a, e)) continue;
                    if (double.IsFinite(a) || !double.IsFinite(e)) return false;
                    any = true;
                }
        return any;
    }

    /// <summary>c when every answer is c times the right one (c ≠ 1); entries whose right value is 0 must be 0.</summary>
    private static double? ConstantFactor(Part[]?[] got, Part[][] right)
    {
        double? c = null;
        int counted = 0;
        for (int t = 0; t < got.Length; t++)
            for (int p = 0; p < right[t].Length; p++)
                for (int k = 0; k < right[t][p].Values!.Length; k++)
                {
                    double a = got[t]![p].Values![k], e = right[t][p].Values![k];
                    if (!double.IsFinite(a) || !double.IsFinite(e)) return null;
                    if (Math.Abs(e) < 1e-9) { if (Math.Abs(a) > 1e-9) return null; continue; }
                    double r = a / e;
                    c ??= r;
                    if (Math.Abs(r - c.Value) > 1e-6 * Math.Max(1, Math.Abs(c.Value))) return null;
                    counted++;
                }
        return counted >= 2 && c is double v && Math.Abs(v - 1) > 1e-6 && v != 0 ? v : null;
    }

    private static string? ShapeProblem(Part[]? got, Part[] expected)
    {
        if (got is null) return "returned null";
        if (got.Length != expected.Length) return $"returned {Part.Count(got.Length, "array", "arrays")}, expected {expected.Length}";
        for (int p = 0; p < expected.Length; p++)
        {
            var (g, e) = (got[p], expected[p]);
            string name = e.Name == "" ? "the result" : e.Name;
            if (g.Values is null) return $"{name} is null";
            if (e.IsMatrix && (g.Rows != e.Rows || g.Cols != e.Cols)) return $"{name} is {g.Shape}, expected {e.Shape}";
            if (g.Values.Length != e.Values!.Length) return $"{name} has {Part.Count(g.Values.Length, "entry", "entries")}, expected {e.Values.Length}";
        }
        return null;
    }
}

/// <summary>Number formatting and the small vector math the checks compute right answers and faults with.</summary>
internal static class Ex
{
    /// <summary>Two values agree when |a − e| ≤ 1e-10 + 1e-7·|e|: loose enough for any exact rewriting of a formula.</summary>
    public const double Atol = 1e-10, Rtol = 1e-7;

    /// <summary>Right answer check: close, or the same non-finite value.</summary>
    public static bool Close(double actual, double expected) =>
        double.IsFinite(expected)
            ? double.IsFinite(actual) && Math.Abs(actual - expected) <= Atol + Rtol * Math.Abs(expected)
            : actual.Equals(expected);

    /// <summary>Fault check: close, or both blew up (NaN and ∞ both mean "overflowed").</summary>
    public static bool Resembles(double actual, double fault) =>
        double.IsFinite(fault) ? Close(actual, fault) : !double.IsFinite(actual);

    /// <summary>What a learner reads when their function throws; a NotImplementedException is an exercise not yet done.</summary>
    public static string Crash(Exception ex) => ex is NotImplementedException
        ? "not written yet: your function throws NotImplementedException"
        : $"your function threw {ex.GetType().Name}: {ex.Message}";

    public static string Show(double v) => v switch
    {
        double.PositiveInfinity => "∞",
        double.NegativeInfinity => "-∞",
        _ => v.ToString("g4", CultureInfo.InvariantCulture),
    };

    public static string Show(double[] v) => "[" + string.Join(", ", v.Select(Show)) + "]";

    public static double[] MatVec(Matrix W, double[] x)
    {
        var y = new double[W.Rows];
        Linalg.MulAdd(W, x, y);
        return y;
    }

    /// <summary>Wᵀ d.</summary>
    public static double[] MatTVec(Matrix W, double[] d)
    {
        var y = new double[W.Cols];
        Linalg.MulTransposedAdd(W, d, y);
        return y;
    }

    /// <summary>d xᵀ.</summary>
    public static Matrix Outer(double[] d, double[] x)
    {
        var m = new Matrix(d.Length, x.Length);
        Linalg.OuterAdd(m, d, x);
        return m;
    }

    public static Matrix Transpose(Matrix A)
    {
        var t = new Matrix(A.Cols, A.Rows);
        for (int r = 0; r < A.Rows; r++)
            for (int c = 0; c < A.Cols; c++) t[c, r] = A[r, c];
        return t;
    }

    public static double[] Add(params double[][] terms)
    {
        var y = new double[terms[0].Length];
        foreach (var v in terms) Linalg.AddInPlace(y, v);
        return y;
    }

    public static double[] Mul(double[] a, double[] b) => a.Zip(b, (p, q) => p * q).ToArray();

    public static double[] Map(double[] v, Func<double, double> f) => v.Select(f).ToArray();

    public static double[] Vector(Rng rng, int n, double scale = 1) =>
        Enumerable.Range(0, n).Select(_ => (2 * rng.NextDouble() - 1) * scale).ToArray();

    public static double[] Copy(double[] v) => (double[])v.Clone();

    public static Matrix Copy(Matrix m) => m.Clone();

    public static double Sigma(double x) => Activations.Sigmoid.Apply(x);
}

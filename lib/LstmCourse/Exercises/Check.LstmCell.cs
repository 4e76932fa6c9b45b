using LstmCourse.Cells;
using LstmCourse.Numerics;
using static LstmCourse.Exercises.Ex;

namespace LstmCourse.Exercises;

public static partial class Check
{
    private sealed record ForgetCase(string Where, double[] HPrev, double[] X, Matrix Wf, double[] Bf);

    /// <summary>The forget gate in the stacked form: f = σ(Wf·[hPrev, x] + b_f), called as <c>forgetGate(hPrev, x, Wf, bf)</c>.</summary>
    /// <remarks>
    /// Shapes: hPrev (H), x (D), Wf (H x (H + D)), bf (H); returns f (H). [hPrev, x] stacks hPrev above x, so the first H
    /// columns of Wf multiply hPrev and the last D multiply x. The library splits the same matrix: Wf = [Wh_f | Wx_f], where
    /// Wh_f and Wx_f are the f rows (H..2H−1) of LstmCell.Wh and LstmCell.Wx, so Wf·[hPrev, x] = Wh_f·hPrev + Wx_f·x.
    /// Diagnoses: "missing-bias" (ignores b_f), "uses-tanh", "only-x", "only-h", "concat-order" ([x, hPrev]), "no-activation".
    /// Taught in notebooks/04-lstm-cell.ipynb.
    /// </remarks>
    public static ExerciseResult ForgetGate(Func<double[], double[], Matrix, double[], double[]> forgetGate)
    {
        ArgumentNullException.ThrowIfNull(forgetGate);
        var rng = new Rng(404);
        (int H, int D)[] sizes = [(3, 2), (2, 3), (3, 3), (1, 2)];
        var cases = sizes.Select((s, k) => new ForgetCase(Test(k, sizes.Length, $"H = {s.H}, D = {s.D}"),
            Vector(rng, s.H), Vector(rng, s.D, 2), Matrix.Uniform(s.H, s.H + s.D, 1.5, rng), Vector(rng, s.H))).ToList();

        static Part[] F(double[] f) => [Part.Vector("f", f)];
        static double[] Whx(ForgetCase c) => MatVec(c.Wf, [.. c.HPrev, .. c.X]);                     // Wf·[hPrev, x]
        static double[] Wh(ForgetCase c) => MatVec(Columns(c.Wf, 0, c.HPrev.Length), c.HPrev);      // first H columns
        static double[] Wx(ForgetCase c) => MatVec(Columns(c.Wf, c.HPrev.Length, c.X.Length), c.X); // last D columns
        var exercise = new Exercise<ForgetCase>
        {
            Title = "forget gate",
            Cases = cases,
            Where = c => c.Where,
            Right = c => F(Map(Add(Whx(c), c.Bf), Sigma)),
            PassMessage = $"f = σ(Wf·[hPrev, x] + b_f) on {cases.Count} random gates",
            Shapes = "hPrev (H), x (D), Wf (H x (H + D)), bf (H), f (H)",
            Faults =
            [
                new("missing-bias", "your forget gate ignores b_f: f = σ(Wf·[hPrev, x] + b_f)", c => F(Map(Whx(c), Sigma))),
                new("uses-tanh", "your forget gate uses tanh: a gate uses σ, so f ∈ (0, 1) is the fraction of the old cell state to keep",
                    c => F(Map(Add(Whx(c), c.Bf), Math.Tanh))),
                new("only-x", "your forget gate uses only x: it reads [hPrev, x], and the first H columns of Wf multiply hPrev",
                    c => F(Map(Add(Wx(c), c.Bf), Sigma))),
                new("only-h", "your forget gate uses only hPrev: it reads [hPrev, x], and the last D columns of Wf multiply x",
                    c => F(Map(Add(Wh(c), c.Bf), Sigma))),
                new("concat-order", "you concatenated [x, hPrev]: this Wf's columns are ordered [hPrev, x] (the lesson's [h_{t−1}, x_t]), so its first H columns " +
                    "multiply hPrev. Either order works (the slides write [x_t, h_{t−1}]) as long as the columns of W follow it",
                    c => F(Map(Add(MatVec(c.Wf, [.. c.X, .. c.HPrev]), c.Bf), Sigma))),
                new("no-activation", "no σ: Wf·[hPrev, x] + b_f is not a fraction; f = σ(Wf·[hPrev, x] + b_f)",
                    c => F(Add(Whx(c), c.Bf))),
            ],
        };
        return exercise.Run(c => F(forgetGate(Copy(c.HPrev), Copy(c.X), Copy(c.Wf), Copy(c.Bf))));
    }

    private static Matrix Columns(Matrix W, int start, int count)
    {
        var m = new Matrix(W.Rows, count);
        for (int r = 0; r < W.Rows; r++)
            for (int c = 0; c < count; c++) m[r, c] = W[r, start + c];
        return m;
    }

    private sealed record CellCase(string Where, double[] F, double[] I, double[] G, double[] CPrev);

    /// <summary>c = f ⊙ cPrev + i ⊙ g, called as <c>cellUpdate(f, i, g, cPrev)</c> (note the order: f first).</summary>
    /// <remarks>Diagnoses: "f-i-swapped", "forgets-everything" (i ⊙ g), "missing-f" (cPrev + i ⊙ g), "missing-i" (f ⊙ cPrev + g),
    /// "squashed" (tanh of the sum). Taught in notebooks/04-lstm-cell.ipynb.</remarks>
    public static ExerciseResult CellUpdate(Func<double[], double[], double[], double[], double[]> cellUpdate)
    {
        ArgumentNullException.ThrowIfNull(cellUpdate);
        var rng = new Rng(405);
        int[] sizes = [3, 4, 5, 1];
        var cases = sizes.Select((H, k) => new CellCase(Test(k, sizes.Length, $"H = {H}"),
            Map(Vector(rng, H, 3), Sigma), Map(Vector(rng, H, 3), Sigma), Vector(rng, H), Vector(rng, H, 2))).ToList();

        static Part[] C(double[] c) => [Part.Vector("c", c)];
        var exercise = new Exercise<CellCase>
        {
            Title = "cell update",
            Cases = cases,
            Where = c => c.Where,
            Right = c => C(Add(Mul(c.F, c.CPrev), Mul(c.I, c.G))),
            PassMessage = $"c = f ⊙ cPrev + i ⊙ g on {cases.Count} random steps",
            Shapes = "f, i, g, cPrev and c all (H)",
            Faults =
            [
                new("f-i-swapped", "you swapped f and i: f scales the old cell state and i the candidate, c = f ⊙ cPrev + i ⊙ g " +
                    "(the arguments come in the order f, i, g, cPrev)", c => C(Add(Mul(c.I, c.CPrev), Mul(c.F, c.G)))),
                new("forgets-everything", "you left out f ⊙ cPrev, so the cell forgets everything at every step: c = f ⊙ cPrev + i ⊙ g",
                    c => C(Mul(c.I, c.G))),
                new("missing-f", "you add cPrev without the forget gate, so the cell can never forget: c = f ⊙ cPrev + i ⊙ g",
                    c => C(Add(c.CPrev, Mul(c.I, c.G)))),
                new("missing-i", "you add g without the input gate i: c = f ⊙ cPrev + i ⊙ g, i decides how much of the candidate to write",
                    c => C(Add(Mul(c.F, c.CPrev), c.G))),
                new("squashed", "you squashed c with tanh: the cell state is the plain sum f ⊙ cPrev + i ⊙ g; tanh comes only in h = o ⊙ tanh(c)",
                    c => C(Map(Add(Mul(c.F, c.CPrev), Mul(c.I, c.G)), Math.Tanh))),
            ],
        };
        return exercise.Run(c => C(cellUpdate(Copy(c.F), Copy(c.I), Copy(c.G), Copy(c.CPrev))));
    }

    private sealed record OutputCase(string Where, double[] O, double[] C);

    /// <summary>h = o ⊙ tanh(c), called as <c>hiddenOutput(o, c)</c>.</summary>
    /// <remarks>Diagnoses: "missing-tanh" (o ⊙ c), "tanh-outside" (tanh(o ⊙ c)), "ignores-o" (tanh(c)), "uses-sigmoid" (o ⊙ σ(c)),
    /// "adds" (o + tanh(c)). Taught in notebooks/04-lstm-cell.ipynb.</remarks>
    public static ExerciseResult HiddenOutput(Func<double[], double[], double[]> hiddenOutput)
    {
        ArgumentNullException.ThrowIfNull(hiddenOutput);
        var rng = new Rng(406);
        int[] sizes = [3, 4, 5, 1];
        var cases = sizes.Select((H, k) => new OutputCase(Test(k, sizes.Length, $"H = {H}"),
            Map(Vector(rng, H, 3), Sigma), Vector(rng, H, 3))).ToList();

        static Part[] Hv(double[] h) => [Part.Vector("h", h)];
        var exercise = new Exercise<OutputCase>
        {
            Title = "hidden output",
            Cases = cases,
            Where = c => c.Where,
            Right = c => Hv(Mul(c.O, Map(c.C, Math.Tanh))),
            PassMessage = $"h = o ⊙ tanh(c) on {cases.Count} random steps",
            Shapes = "o, c and h all (H)",
            Faults =
            [
                new("missing-tanh", "you return o ⊙ c without tanh: the cell state can grow beyond ±1, tanh brings it back, h = o ⊙ tanh(c)",
                    c => Hv(Mul(c.O, c.C))),
                new("tanh-outside", "tanh is in the wrong place: squash c first, then gate it, h = o ⊙ tanh(c), not tanh(o ⊙ c)",
                    c => Hv(Map(Mul(c.O, c.C), Math.Tanh))),
                new("ignores-o", "you ignore the output gate o: h = o ⊙ tanh(c), o decides how much of the cell to show",
                    c => Hv(Map(c.C, Math.Tanh))),
                new("uses-sigmoid", "you squash c with σ: h = o ⊙ tanh(c), tanh keeps the sign of c",
                    c => Hv(Mul(c.O, Map(c.C, Sigma)))),
                new("adds", "you add the output gate: a gate multiplies, h = o ⊙ tanh(c)",
                    c => Hv(Add(c.O, Map(c.C, Math.Tanh)))),
            ],
        };
        return exercise.Run(c => Hv(hiddenOutput(Copy(c.O), Copy(c.C))));
    }
}

using LstmCourse.Numerics;
using static LstmCourse.Exercises.Ex;

namespace LstmCourse.Exercises;

public static partial class Check
{
    private sealed record RnnCase(string Where, double[] X, double[] HPrev, Matrix Wx, Matrix Wh, double[] B);

    /// <summary>h = tanh(Wx·x + Wh·hPrev + b): one step of the plain RNN, called as <c>rnnStep(x, hPrev, Wx, Wh, b)</c>.</summary>
    /// <remarks>
    /// Shapes: x (D), hPrev (H), Wx (H x D), Wh (H x H), b (H); returns h (H). Five seeded tests, three with D = H.
    /// Diagnoses: "missing-tanh" (returns z), "hPrev-without-Wh" (adds hPrev itself), "missing-bias",
    /// "swapped-weights" (Wh·x + Wx·hPrev). Taught in notebooks/01-why-rnns-forget.ipynb.
    /// </remarks>
    public static ExerciseResult RnnStep(Func<double[], double[], Matrix, Matrix, double[], double[]> rnnStep)
    {
        ArgumentNullException.ThrowIfNull(rnnStep);
        var rng = new Rng(101);
        (int D, int H)[] sizes = [(3, 3), (4, 4), (2, 2), (2, 3), (4, 2)];
        var cases = sizes.Select((s, k) => new RnnCase(Test(k, sizes.Length, $"D = {s.D}, H = {s.H}"),
            Vector(rng, s.D), Vector(rng, s.H), Matrix.Uniform(s.H, s.D, 1, rng), Matrix.Uniform(s.H, s.H, 1, rng),
            Vector(rng, s.H, 0.8))).ToList();

        static Part[] H(double[] h) => [Part.Vector("h", h)];
        static double[] Tanh(double[] z) => Map(z, Math.Tanh);
        var exercise = new Exercise<RnnCase>
        {
            Title = "RNN step",
            Cases = cases,
            Where = c => c.Where,
            Right = c => H(Tanh(Add(MatVec(c.Wx, c.X), MatVec(c.Wh, c.HPrev), c.B))),
            PassMessage = $"h = tanh(Wx·x + Wh·hPrev + b) on {cases.Count} random steps, D = H and D ≠ H",
            Shapes = "x (D), hPrev (H), Wx (H x D), Wh (H x H), b (H), h (H)",
            Faults =
            [
                new("missing-tanh", "you return the pre-activation z = Wx·x + Wh·hPrev + b: apply tanh to it, h = tanh(z); " +
                    "without the squashing, h can grow without bound from step to step",
                    c => H(Add(MatVec(c.Wx, c.X), MatVec(c.Wh, c.HPrev), c.B))),
                new("hPrev-without-Wh", "you add hPrev itself: the previous state enters through the recurrent weights, Wh·hPrev",
                    c => H(Tanh(Add(MatVec(c.Wx, c.X), c.HPrev, c.B)))),
                new("missing-bias", "you forgot the bias b: h = tanh(Wx·x + Wh·hPrev + b)",
                    c => H(Tanh(Add(MatVec(c.Wx, c.X), MatVec(c.Wh, c.HPrev))))),
                new("swapped-weights", "you swapped the weights: Wx multiplies the input x and Wh the previous state hPrev " +
                    "(Wx is H x D, Wh is H x H)",
                    c => c.X.Length == c.HPrev.Length ? H(Tanh(Add(MatVec(c.Wh, c.X), MatVec(c.Wx, c.HPrev), c.B))) : null),
            ],
        };
        return exercise.Run(c => H(rnnStep(Copy(c.X), Copy(c.HPrev), Copy(c.Wx), Copy(c.Wh), Copy(c.B))));
    }

    /// <summary>wⁿ, the product of n copies of w (the slides' y¹⁰⁰⁰ = w⁹⁹⁹), called as <c>repeatedProduct(w, n)</c>.</summary>
    /// <remarks>
    /// Tests include w = 0.99, 1, 1.01 at n = 999 and n = 0 (w⁰ = 1). An answer that overflows to ∞ where wⁿ does is right.
    /// Diagnoses: "off-by-one" (wⁿ⁺¹ or wⁿ⁻¹), "starts-at-zero", "adds" (n·w or 1 + n·w).
    /// Taught in notebooks/01-why-rnns-forget.ipynb.
    /// </remarks>
    public static ExerciseResult RepeatedProduct(Func<double, int, double> repeatedProduct)
    {
        ArgumentNullException.ThrowIfNull(repeatedProduct);
        (double w, int n)[] cases = [(0.99, 999), (1, 999), (1.01, 999), (2, 10), (0.5, 3), (-1.5, 3), (-1.5, 4), (3, 1), (3, 0), (10, 400)];
        static Part[] Y(double y) => [Part.Scalar(y)];
        var exercise = new Exercise<(double w, int n)>
        {
            Title = "repeated product",
            Cases = cases,
            Where = c => $"w = {Show(c.w)}, n = {c.n}",
            Right = c => Y(Math.Pow(c.w, c.n)),
            PassMessage = $"w^999 = {Show(Math.Pow(0.99, 999))}, {Show(1.0)}, {Show(Math.Pow(1.01, 999))} for w = 0.99, 1, 1.01: " +
                          "a little below 1 vanishes, a little above 1 explodes",
            Overflow = "your result is NaN or ∞ where wⁿ is finite (exp(n·log w) is NaN for negative w): multiply w by itself n times",
            Faults =
            [
                new("off-by-one", "off by one: you multiplied n + 1 copies of w; wⁿ has n factors (start from 1 and multiply n times)",
                    c => Y(Math.Pow(c.w, c.n + 1))),
                new("off-by-one", "off by one: you multiplied n − 1 copies of w; wⁿ has n factors (start from 1 and multiply n times)",
                    c => Y(c.n == 0 ? 1 : Math.Pow(c.w, c.n - 1))),
                new("starts-at-zero", "your product starts at 0, so it stays 0: start from 1 (w⁰ = 1)", _ => Y(0)),
                new("adds", "you add w n times (n·w); a repeated product multiplies: start from 1 and multiply by w n times",
                    c => Y(c.n * c.w)),
                new("adds", "you add w n times (1 + n·w); a repeated product multiplies: start from 1 and multiply by w n times",
                    c => Y(1 + c.n * c.w)),
            ],
        };
        return exercise.Run(c => Y(repeatedProduct(c.w, c.n)));
    }
}

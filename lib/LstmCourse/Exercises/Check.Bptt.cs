using LstmCourse.Numerics;
using static LstmCourse.Exercises.Ex;

namespace LstmCourse.Exercises;

public static partial class Check
{
    private sealed record BackwardCase(string Where, double[] DhOut, double[] DhNext, double[] X, double[] HPrev, double[] H, Matrix Wh);

    /// <summary>One step of backpropagation through time for h = tanh(Wx·x + Wh·hPrev + b), called as
    /// <c>rnnBackwardStep(dhOut, dhNext, x, hPrev, h, Wh)</c>, returning (dWx, dWh, db, dhPrev).</summary>
    /// <remarks>
    /// <code>
    /// dh     = dhOut + dhNext          gradient from this step's output plus the one from step t+1
    /// dz     = dh ⊙ (1 − h²)           through tanh, written from its output h
    /// dWx    = dz xᵀ   (H x D)         dWh = dz hPrevᵀ   (H x H)         db = dz
    /// dhPrev = Whᵀ dz                  handed to step t−1 as its dhNext
    /// </code>
    /// This step's share only: the caller adds dWx, dWh, db over the steps. h is the real forward output for random x, hPrev, Wx, Wh, b.
    /// Diagnoses: "missing-tanh-derivative", "derivative-of-hPrev" (1 − hPrev²), "dWh-uses-h", "forgets-future" (drops dhNext),
    /// "dhPrev-not-transposed", "dhPrev-skips-tanh-derivative", "dWh-transposed", "dWx-transposed".
    /// Taught in notebooks/05-bptt.ipynb.
    /// </remarks>
    public static ExerciseResult RnnBackwardStep(
        Func<double[], double[], double[], double[], double[], Matrix, (Matrix dWx, Matrix dWh, double[] db, double[] dhPrev)> rnnBackwardStep)
    {
        ArgumentNullException.ThrowIfNull(rnnBackwardStep);
        var rng = new Rng(505);
        (int D, int H)[] sizes = [(3, 3), (2, 3), (4, 2), (1, 2)];
        var cases = sizes.Select((s, k) =>
        {
            var (x, hPrev) = (Vector(rng, s.D, 1.5), Vector(rng, s.H));
            var (Wx, Wh, b) = (Matrix.Uniform(s.H, s.D, 1, rng), Matrix.Uniform(s.H, s.H, 1, rng), Vector(rng, s.H, 0.5));
            var h = Map(Add(MatVec(Wx, x), MatVec(Wh, hPrev), b), Math.Tanh);
            return new BackwardCase(Test(k, sizes.Length, $"D = {s.D}, H = {s.H}"), Vector(rng, s.H), Vector(rng, s.H), x, hPrev, h, Wh);
        }).ToList();

        static Part[] Grads(Matrix dWx, Matrix dWh, double[] db, double[] dhPrev) =>
            [Part.Of("dWx", dWx), Part.Of("dWh", dWh), Part.Vector("db", db), Part.Vector("dhPrev", dhPrev)];
        static double[] Dh(BackwardCase c) => Add(c.DhOut, c.DhNext);
        static double[] Dz(BackwardCase c, double[] dh, double[] through) => Mul(dh, Map(through, v => 1 - v * v));
        static Part[] Backward(BackwardCase c, double[] dz) => Grads(Outer(dz, c.X), Outer(dz, c.HPrev), dz, MatTVec(c.Wh, dz));
        var exercise = new Exercise<BackwardCase>
        {
            Title = "RNN backward step",
            Cases = cases,
            Where = c => c.Where,
            Right = c => Backward(c, Dz(c, Dh(c), c.H)),
            PassMessage = $"dWx, dWh, db and dhPrev on {cases.Count} random steps",
            Shapes = "dWx (H x D) like Wx, dWh (H x H) like Wh, db (H), dhPrev (H)",
            Faults =
            [
                new("missing-tanh-derivative", "you left out the tanh' factor: dz = dh ⊙ (1 − h²), because h = tanh(z) and tanh'(z) = 1 − h²",
                    c => Backward(c, Dh(c))),
                new("derivative-of-hPrev", "the tanh' factor belongs to this step's output: dz = dh ⊙ (1 − h²), not (1 − hPrev²)",
                    c => Backward(c, Dz(c, Dh(c), c.HPrev))),
                new("dWh-uses-h", "dWh multiplies dz by what Wh multiplied in the forward pass, hPrev: dWh = dz hPrevᵀ, not dz hᵀ",
                    c => { var dz = Dz(c, Dh(c), c.H); return Grads(Outer(dz, c.X), Outer(dz, c.H), dz, MatTVec(c.Wh, dz)); }),
                new("forgets-future", "you dropped dhNext, the gradient arriving from step t+1: h feeds both this step's output and " +
                    "the next step, so dh = dhOut + dhNext", c => Backward(c, Dz(c, c.DhOut, c.H))),
                new("dhPrev-not-transposed", "the gradient flows back through Wh transposed: dhPrev = Whᵀ·dz, not Wh·dz",
                    c => { var dz = Dz(c, Dh(c), c.H); return Grads(Outer(dz, c.X), Outer(dz, c.HPrev), dz, MatVec(c.Wh, dz)); }),
                new("dhPrev-skips-tanh-derivative", "dhPrev must pass through the tanh' factor too: dhPrev = Whᵀ·dz with dz = dh ⊙ (1 − h²), " +
                    "not Whᵀ·dh",
                    c => { var dz = Dz(c, Dh(c), c.H); return Grads(Outer(dz, c.X), Outer(dz, c.HPrev), dz, MatTVec(c.Wh, Dh(c))); }),
                new("dWh-transposed", "your dWh is transposed: dWh = dz hPrevᵀ, so dWh[r, c] = dz[r]·hPrev[c]",
                    c => { var dz = Dz(c, Dh(c), c.H); return Grads(Outer(dz, c.X), Transpose(Outer(dz, c.HPrev)), dz, MatTVec(c.Wh, dz)); }),
                new("dWx-transposed", "your dWx is transposed: dWx = dz xᵀ has Wx's shape (H x D), dWx[r, c] = dz[r]·x[c]",
                    c =>
                    {
                        if (c.X.Length != c.H.Length) return null;                 // only a square dWx can be transposed in place
                        var dz = Dz(c, Dh(c), c.H);
                        return Grads(Transpose(Outer(dz, c.X)), Outer(dz, c.HPrev), dz, MatTVec(c.Wh, dz));
                    }),
            ],
        };
        return exercise.Run(c =>
        {
            var (dWx, dWh, db, dhPrev) = rnnBackwardStep(Copy(c.DhOut), Copy(c.DhNext), Copy(c.X), Copy(c.HPrev), Copy(c.H), Copy(c.Wh));
            return Grads(dWx, dWh, db, dhPrev);
        });
    }

    /// <summary>Clip by global norm: ‖g‖ = √(Σ over every tensor of Σ g²); if ‖g‖ &gt; maxNorm, every tensor is scaled by
    /// maxNorm / ‖g‖, else all are returned unchanged. Called as <c>clipByGlobalNorm(grads, maxNorm)</c>.</summary>
    /// <remarks>Scaling every tensor by one factor keeps the direction of the update. Diagnoses: "never-clips", "per-tensor",
    /// "always-scales" (also below the threshold), "inverted-scale" (‖g‖/maxNorm), "missing-sqrt", "value-clipping"
    /// (clamps each entry), "normalises" (forgets maxNorm). Taught in notebooks/05-bptt.ipynb.</remarks>
    public static ExerciseResult ClipByGlobalNorm(Func<double[][], double, double[][]> clipByGlobalNorm)
    {
        ArgumentNullException.ThrowIfNull(clipByGlobalNorm);
        var rng = new Rng(506);
        var cases = new List<(string Where, double[][] Grads, double MaxNorm)>
        {
            ("norms 3 and 4 (global 5), maxNorm 1", [[3, 0], [0, 0, 4]], 1),
            ("norms 3 and 4 (global 5), maxNorm 4.5", [[0, 3], [4, 0, 0]], 4.5),
            ("norms 1.5 and 2 (global 2.5), maxNorm 5: no clipping", [[1.5], [1.2, -1.6]], 5),
            ("one large and one small tensor, maxNorm 2", [[6, -8], [0.1, 0]], 2),
        };
        var random = new[] { Vector(rng, 4, 3), Vector(rng, 6, 3), Vector(rng, 3, 3) };
        cases.Add(($"three random tensors (global {Show(GlobalNorm(random))}), maxNorm 2.5", random, 2.5));

        static Part[]? Out(double[][]? grads) => grads?.Select((g, k) => Part.Vector($"grads[{k}]", g)).ToArray();
        static double[][] Scale(double[][] grads, double s) => grads.Select(g => Map(g, v => v * s)).ToArray();
        static double Norm(double[][] grads, bool sqrt = true) =>
            sqrt ? GlobalNorm(grads) : grads.Sum(g => g.Sum(v => v * v));
        static double[][] Clip(double[][] grads, double maxNorm, double norm) => norm > maxNorm ? Scale(grads, maxNorm / norm) : grads;
        var exercise = new Exercise<(string Where, double[][] Grads, double MaxNorm)>
        {
            Title = "clip by global norm",
            Cases = cases,
            Where = c => c.Where,
            Right = c => Out(Clip(c.Grads, c.MaxNorm, Norm(c.Grads)))!,
            PassMessage = $"on {cases.Count} sets of gradients, above and below maxNorm",
            Faults =
            [
                new("never-clips", "you return the gradients unchanged: when ‖g‖ > maxNorm, scale every tensor by maxNorm / ‖g‖",
                    c => Out(c.Grads)),
                new("per-tensor", "you clipped each tensor by its own norm: clip by the global norm √(Σ over all tensors of Σ g²), " +
                    "so every tensor is scaled by the same factor and the update keeps its direction",
                    c => Out(c.Grads.Select(g => Clip([g], c.MaxNorm, Norm([g]))[0]).ToArray())),
                new("always-scales", "you rescale even when the global norm is below maxNorm: clip only when ‖g‖ > maxNorm, " +
                    "scale = min(1, maxNorm / ‖g‖)", c => Out(Scale(c.Grads, c.MaxNorm / Norm(c.Grads)))),
                new("inverted-scale", "the factor is upside down: scale by maxNorm / ‖g‖, not ‖g‖ / maxNorm",
                    c => Out(Norm(c.Grads) > c.MaxNorm ? Scale(c.Grads, Norm(c.Grads) / c.MaxNorm) : c.Grads)),
                new("missing-sqrt", "your norm is missing the square root: ‖g‖ = √(Σ g²)",
                    c => Out(Clip(c.Grads, c.MaxNorm, Norm(c.Grads, sqrt: false)))),
                new("value-clipping", "you clamped each entry to ±maxNorm (value clipping): clipping by global norm rescales every " +
                    "gradient by one factor", c => Out(c.Grads.Select(g => Map(g, v => Math.Clamp(v, -c.MaxNorm, c.MaxNorm))).ToArray())),
                new("normalises", "you divided by ‖g‖ but forgot maxNorm: the clipped gradients have norm maxNorm, scale = maxNorm / ‖g‖",
                    c => Out(Norm(c.Grads) > c.MaxNorm ? Scale(c.Grads, 1 / Norm(c.Grads)) : c.Grads)),
            ],
        };
        return exercise.Run(c => Out(clipByGlobalNorm(c.Grads.Select(Copy).ToArray(), c.MaxNorm)));
    }

    private static double GlobalNorm(double[][] grads) => Math.Sqrt(grads.Sum(g => g.Sum(v => v * v)));
}

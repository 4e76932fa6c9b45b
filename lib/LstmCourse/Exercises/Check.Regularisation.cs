using System.Globalization;
using LstmCourse.Numerics;
using static LstmCourse.Exercises.Ex;

namespace LstmCourse.Exercises;

public static partial class Check
{
    /// <summary>Weights with exact zeros and both signs, and three strengths λ.</summary>
    private static readonly (double[] w, double lambda)[] Penalised =
    [
        ([0.5, -1.5, 0, 2, -0.25], 0.1),
        ([3, 0, -3], 0.01),
        ([-0.7, 1.2, 0.05, -2.5, 0, 4], 0.5),
    ];

    private static ExerciseResult Penalty(string title, Func<double[], double, double[]> learner, Func<double, double, double> right,
        string passMessage, params (string Key, string Diagnosis, Func<double, double, double> Compute)[] faults)
    {
        ArgumentNullException.ThrowIfNull(learner);
        static Part[] Dw(double[] dw) => [Part.Vector("dw", dw)];
        var exercise = new Exercise<(double[] w, double lambda)>
        {
            Title = title,
            Cases = Penalised,
            Where = c => $"w = {Show(c.w)}, λ = {Show(c.lambda)}",
            Right = c => Dw(Map(c.w, w => right(w, c.lambda))),
            PassMessage = passMessage,
            Faults = faults.Select(f => new Fault<(double[] w, double lambda)>(f.Key, f.Diagnosis,
                c => Dw(Map(c.w, w => f.Compute(w, c.lambda))))).ToList(),
        };
        return exercise.Run(c => Dw(learner(Copy(c.w), c.lambda)));
    }

    /// <summary>The gradient of the L2 penalty (λ/2)‖w‖², which is λ·w, called as <c>l2Gradient(w, lambda)</c>.</summary>
    /// <remarks>The course writes the penalty with ½ so the 2 of the square cancels (PyTorch's weight_decay = λ adds the same λ·w).
    /// Diagnoses: "factor-2" (2λ·w, the gradient of λ‖w‖²), "half" (λ/2·w), "missing-w", "missing-lambda", "uses-l1" (λ·sign(w)),
    /// "squared" (λ·w²), "sign". Taught in notebooks/07-regularization-and-tuning.ipynb.</remarks>
    public static ExerciseResult L2Gradient(Func<double[], double, double[]> l2Gradient) =>
        Penalty("L2 gradient", l2Gradient, (w, lambda) => lambda * w,
            "λ·w, the gradient of (λ/2)‖w‖², on 3 weight vectors",
            ("factor-2", "your gradient is 2λ·w, the gradient of λ‖w‖²; the course's penalty is (λ/2)‖w‖², whose ½ cancels the 2: λ·w",
                (w, lambda) => 2 * lambda * w),
            ("half", "your gradient is (λ/2)·w: differentiating (λ/2)w² brings down a 2, which cancels the ½, giving λ·w",
                (w, lambda) => lambda / 2 * w),
            ("missing-w", "you return λ for every weight: the gradient of (λ/2)w² is λ·w, it grows with the weight",
                (w, lambda) => lambda),
            ("missing-lambda", "you return w: multiply by the strength λ, the gradient is λ·w", (w, lambda) => w),
            ("uses-l1", "λ·sign(w) is the L1 gradient; L2's is λ·w", (w, lambda) => lambda * Math.Sign(w)),
            ("squared", "you return λ·w²: the derivative of w²/2 is w, so the gradient is λ·w", (w, lambda) => lambda * w * w));

    /// <summary>The gradient of the L1 penalty λ‖w‖₁, which is λ·sign(w), with 0 at w = 0, called as <c>l1Gradient(w, lambda)</c>.</summary>
    /// <remarks>|w| has no derivative at 0; the course (like PyTorch's sign) uses 0 there, so a zero weight stays put.
    /// Diagnoses: "uses-w" (λ·w), "missing-sign" (λ everywhere), "nonzero-at-zero", "missing-lambda", "returns-penalty" (λ|w|).
    /// Taught in notebooks/07-regularization-and-tuning.ipynb.</remarks>
    public static ExerciseResult L1Gradient(Func<double[], double, double[]> l1Gradient) =>
        Penalty("L1 gradient", l1Gradient, (w, lambda) => lambda * Math.Sign(w),
            "λ·sign(w), 0 at w = 0, on 3 weight vectors",
            ("uses-w", "λ·w is the L2 gradient; L1's is λ·sign(w): the same push towards 0 for every nonzero weight",
                (w, lambda) => lambda * w),
            ("missing-sign", "you return λ for negative weights too: the gradient of λ|w| is −λ where w < 0 (λ·sign(w)), " +
                "so every weight is pushed towards 0", (w, lambda) => lambda),
            ("nonzero-at-zero", "at w = 0 the gradient must be 0 (Math.Sign(0) is 0), so a zero weight stays at zero; " +
                "you return ±λ there", (w, lambda) => w >= 0 ? lambda : -lambda),
            ("nonzero-at-zero", "at w = 0 the gradient must be 0 (Math.Sign(0) is 0), so a zero weight stays at zero; " +
                "you return ±λ there", (w, lambda) => w > 0 ? lambda : -lambda),
            ("missing-lambda", "you return sign(w): multiply by the strength λ, the gradient is λ·sign(w)", (w, lambda) => Math.Sign(w)),
            ("returns-penalty", "λ|w| is the penalty itself; its gradient is λ·sign(w)", (w, lambda) => lambda * Math.Abs(w)));

    private static string Percent(double fraction) => (100 * fraction).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>Inverted dropout, called as <c>dropout(x, p, training, rng)</c>: in training each entry is zeroed with
    /// probability p and the rest are divided by 1 − p; in evaluation x is returned unchanged.</summary>
    /// <remarks>
    /// <code>
    /// training:  m_k = 1 if rng.NextDouble() ≥ p else 0      y = m ⊙ x / (1 − p)     E[y] = x
    /// eval:      y = x
    /// </code>
    /// Checked statistically on 20,000 entries at p = 0.2 and p = 0.7 with a seeded <see cref="Rng"/> (so the verdict is
    /// the same every run): every output is 0 or x/(1 − p), and the dropped fraction is within 5 standard deviations of p.
    /// Diagnoses: "drops-in-eval", "scales-in-eval", "no-rescale" (kept x), "scales-by-1/p", "multiplies-by-keep" (x·(1 − p)),
    /// "keeps-with-p", "p-is-keep-probability" (keeps with p and divides by p), "one-draw" (drops all or none), "drop-rate".
    /// Taught in notebooks/07-regularization-and-tuning.ipynb.
    /// </remarks>
    public static ExerciseResult Dropout(Func<double[], double, bool, Rng, double[]> dropout)
    {
        ArgumentNullException.ThrowIfNull(dropout);
        const string Title = "dropout";
        const int N = 20_000;
        var data = new Rng(707);
        var x = Enumerable.Range(0, N).Select(_ => (0.5 + data.NextDouble()) * (data.NextDouble() < 0.5 ? -1 : 1)).ToArray();

        double[]? Call(double p, bool training, int seed, out ExerciseResult? failure)
        {
            string at = $"at {(training ? "training" : "eval")}, p = {Show(p)}, {N} entries";
            double[]? y;
            try { y = dropout(Copy(x), p, training, new Rng(seed)); }
            catch (Exception ex) { failure = ExerciseResult.Fail(Title, "threw", Crash(ex), at); return null; }
            string? problem = y is null ? "returned null" : y.Length != N ? $"returned {y.Length} entries" : null;
            failure = problem is null ? null : ExerciseResult.Fail(Title, "wrong-shape", $"wrong shape: {problem}, expected {N}", at);
            return failure is null ? y : null;
        }
        static bool All(double[] y, double[] x, Func<double, double, bool> rule) => y.Zip(x).All(e => rule(e.First, e.Second));

        // Evaluation: the identity.
        double pe = 0.2;
        if (Call(pe, false, 1, out var failed) is not { } ye) return failed!;
        if (!All(ye, x, Close))
        {
            int k = Enumerable.Range(0, N).First(k => !Close(ye[k], x[k]));
            string evidence = $"at eval, p = {Show(pe)}, y[{k}]: expected {Show(x[k])}, got {Show(ye[k])}";
            if (All(ye, x, (y, v) => Close(y, v / (1 - pe)) || Close(y, v * (1 - pe))))
                return ExerciseResult.Fail(Title, "scales-in-eval", "you scale in eval mode: inverted dropout does all its scaling in " +
                    "training (dividing by 1 − p), so at evaluation it is the identity, y = x", evidence);
            if (ye.Any(v => v == 0))
                return ExerciseResult.Fail(Title, "drops-in-eval", "you drop units in eval mode: at evaluation dropout is the identity, y = x",
                    evidence);
            return ExerciseResult.Fail(Title, null, "wrong value in eval mode: at evaluation dropout is the identity, y = x", evidence);
        }

        var rates = new List<string>();
        foreach (var (p, seed) in new[] { (0.2, 3), (0.7, 4) })
        {
            if (Call(p, true, seed, out failed) is not { } y) return failed!;
            string at = $"at training, p = {Show(p)}";
            var odd = Enumerable.Range(0, N).FirstOrDefault(k => !(y[k] == 0 || Close(y[k], x[k]) || Close(y[k], x[k] / (1 - p))
                || Close(y[k], x[k] / p) || Close(y[k], x[k] * (1 - p))), -1);
            if (odd >= 0)
                return ExerciseResult.Fail(Title, null, "each output must be 0 (dropped) or x/(1 − p) (kept and rescaled)",
                    $"{at}, y[{odd}]: expected 0 or {Show(x[odd] / (1 - p))}, got {Show(y[odd])}");

            var kept = Enumerable.Range(0, N).Where(k => y[k] != 0).ToList();
            double dropped = 1 - (double)kept.Count / N;
            double sd = Math.Sqrt(p * (1 - p) / N);
            string rate = $"{at}: dropped {Percent(dropped)} of {N} entries, expected {Percent(p)} ± {Percent(5 * sd)}";
            bool keepsWithP = Math.Abs(dropped - (1 - p)) < 5 * sd;
            bool Kept(Func<double, double> scale) => kept.Count > 0 && kept.All(k => Close(y[k], scale(x[k])));

            if (keepsWithP && Kept(v => v / p))
                return ExerciseResult.Fail(Title, "p-is-keep-probability", "you treat p as the probability of keeping a unit: p is the " +
                    "probability of dropping it, so keep with probability 1 − p and divide the kept ones by 1 − p", rate);
            if (keepsWithP)
                return ExerciseResult.Fail(Title, "keeps-with-p", "you keep each unit with probability p: p is the probability of " +
                    "dropping (zeroing) it, so keep when rng.NextDouble() ≥ p", rate);
            if (kept.Count == 0 || kept.Count == N)
                return ExerciseResult.Fail(Title, "one-draw", $"you dropped {(kept.Count == 0 ? "every" : "no")} entry: draw one random " +
                    "number per entry and drop that entry when it is below p", rate);
            if (Math.Abs(dropped - p) >= 5 * sd)
                return ExerciseResult.Fail(Title, "drop-rate", "your drop rate is off: drop each entry independently with probability p " +
                    "(rng.NextDouble() < p)", rate);

            if (Kept(v => v / (1 - p))) { rates.Add($"{Percent(dropped)} at p = {Show(p)}"); continue; }
            int first = kept.First(k => !Close(y[k], x[k] / (1 - p)));
            string scaleEvidence = $"{at}, y[{first}] (kept): expected {Show(x[first] / (1 - p))}, got {Show(y[first])}";
            if (Kept(v => v))
                return ExerciseResult.Fail(Title, "no-rescale", "you keep x unchanged: inverted dropout divides the kept entries by " +
                    "1 − p, so the expected output stays x", scaleEvidence);
            if (Kept(v => v / p))
                return ExerciseResult.Fail(Title, "scales-by-1/p", "you divide by p: divide the kept entries by the keep probability 1 − p",
                    scaleEvidence);
            if (Kept(v => v * (1 - p)))
                return ExerciseResult.Fail(Title, "multiplies-by-keep", "you multiply by 1 − p: divide the kept entries by it, " +
                    "y = x/(1 − p), so the expected output stays x", scaleEvidence);
            return ExerciseResult.Fail(Title, null, "some kept entries are divided by 1 − p and some are not: every kept entry is x/(1 − p)",
                scaleEvidence);
        }

        // Training at p = 0: nothing is dropped and 1/(1 − 0) = 1.
        if (Call(0, true, 2, out failed) is not { } y0) return failed!;
        if (!All(y0, x, Close))
        {
            int k = Enumerable.Range(0, N).First(k => !Close(y0[k], x[k]));
            return ExerciseResult.Fail(Title, null, "at p = 0 nothing is dropped and 1/(1 − p) = 1, so training must return x unchanged",
                $"at training, p = 0, y[{k}]: expected {Show(x[k])}, got {Show(y0[k])}");
        }
        return ExerciseResult.Pass(Title, $"eval is the identity; training dropped {string.Join(" and ", rates)} of {N} entries " +
            "and divided the rest by 1 − p");
    }
}

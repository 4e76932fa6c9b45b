using static LstmCourse.Exercises.Ex;

namespace LstmCourse.Exercises;

public static partial class Check
{
    /// <summary>Logits from everyday sizes to ±1000, where exp overflows unless the max is subtracted first.</summary>
    private static readonly double[][] Logits =
        [[1, 2, 3], [0.5, -1, 2, 0], [-1, 0.3], [2, 2, 2], [-3, 4, 0.5, 1, -2], [0, 0, 0, 0], [1000, 999, 998], [-1000, -1001, -999]];

    /// <summary>p_k = exp(z_k − max z) / Σ_j exp(z_j − max z), finite for logits near ±1000.</summary>
    /// <remarks>Diagnoses: "overflow" (no max subtraction: NaN at 1000), "not-normalised" (exp without the division),
    /// "missing-exp" (z / Σ z), "log-softmax". Taught in notebooks/06-modeling-sequences.ipynb.</remarks>
    public static ExerciseResult Softmax(Func<double[], double[]> softmax)
    {
        ArgumentNullException.ThrowIfNull(softmax);
        static Part[] P(double[] p) => [Part.Vector("p", p)];
        var exercise = new Exercise<double[]>
        {
            Title = "softmax",
            Cases = Logits,
            Where = z => $"z = {Show(z)}",
            Right = z => P(Losses.Softmax.Apply(z)),
            PassMessage = $"on {Logits.Length} sets of logits including z = [1000, 999, 998] and [-1000, -1001, -999]",
            Overflow = "your softmax overflows at logits near ±1000: exp(1000) = ∞ and ∞/∞ = NaN (exp(−1000) = 0, and 0/0 = NaN). " +
                "Subtract the max logit first: softmax(z) = softmax(z − max z), the constant cancels in the ratio",
            Faults =
            [
                new("not-normalised", "not normalised: divide each exp by their sum, so the probabilities add up to 1",
                    z => P(Map(z, Math.Exp))),
                new("not-normalised", "not normalised: divide each exp(z_k − max z) by their sum, so the probabilities add up to 1",
                    z => P(Map(z, v => Math.Exp(v - z.Max())))),
                new("missing-exp", "the exp is missing: z_k / Σ z_j is not a probability (it can be negative or divide by 0); " +
                    "p_k = exp(z_k) / Σ_j exp(z_j)", z => P(Map(z, v => v / z.Sum()))),
                new("log-softmax", "you return log softmax(z), the log-probabilities: exponentiate them",
                    z => P(Enumerable.Range(0, z.Length).Select(k => Losses.Softmax.LogProbability(z, k)).ToArray())),
            ],
        };
        return exercise.Run(z => P(softmax(Copy(z))));
    }

    /// <summary>dL/dz = softmax(z) − onehot(y) for L = −log softmax(z)_y, called as <c>crossEntropyGradient(z, y)</c>.</summary>
    /// <remarks>Diagnoses: "returns-p" (forgets the − onehot), "sign" (onehot − p), "forgets-softmax" (z − onehot),
    /// "gradient-wrt-p" (−1/p_y at y), "overflow" (softmax without the max). Taught in notebooks/06-modeling-sequences.ipynb.</remarks>
    public static ExerciseResult CrossEntropyGradient(Func<double[], int, double[]> crossEntropyGradient)
    {
        ArgumentNullException.ThrowIfNull(crossEntropyGradient);
        int[] targets = [0, 2, 1, 1, 4, 3, 2, 0];
        var cases = Logits.Zip(targets, (z, y) => (z, y)).ToArray();
        static Part[] Dz(double[] dz) => [Part.Vector("dz", dz)];
        static double[] OneHot(int n, int y) { var e = new double[n]; e[y] = 1; return e; }
        static double[] P(double[] z) => Losses.Softmax.Apply(z);
        var exercise = new Exercise<(double[] z, int y)>
        {
            Title = "cross-entropy gradient",
            Cases = cases,
            Where = c => $"z = {Show(c.z)}, y = {c.y}",
            Right = c => Dz(Add(P(c.z), Map(OneHot(c.z.Length, c.y), v => -v))),
            PassMessage = $"p − onehot(y) on {cases.Length} logit vectors including z = [1000, 999, 998]",
            Overflow = "your gradient overflows at logits near ±1000 (exp(1000) = ∞, ∞/∞ = NaN): compute p = softmax(z) with the " +
                "max logit subtracted first",
            Faults =
            [
                new("returns-p", "you return p = softmax(z): subtract the one-hot target, dL/dz = p − onehot(y)", c => Dz(P(c.z))),
                new("sign", "the sign is flipped: dL/dz = p − onehot(y), not onehot(y) − p (the gradient points uphill, " +
                    "and the update subtracts it)", c => Dz(Add(OneHot(c.z.Length, c.y), Map(P(c.z), v => -v)))),
                new("forgets-softmax", "you used the logits z where the probabilities p = softmax(z) belong: dL/dz = softmax(z) − onehot(y)",
                    c => Dz(Add(c.z, Map(OneHot(c.z.Length, c.y), v => -v)))),
                new("gradient-wrt-p", "that is dL/dp (−1/p_y at the target, 0 elsewhere), the gradient with respect to the probabilities; " +
                    "through the softmax, the log and the exp cancel to dL/dz = p − onehot(y)",
                    c => Dz(Enumerable.Range(0, c.z.Length).Select(k => k == c.y ? -1 / P(c.z)[k] : 0).ToArray())),
            ],
        };
        return exercise.Run(c => Dz(crossEntropyGradient(Copy(c.z), c.y)));
    }
}

using LstmCourse.Numerics;
using static LstmCourse.Exercises.Ex;

namespace LstmCourse.Exercises;

public static partial class Check
{
    private sealed record GateCase(string Where, double[] X, Matrix W, double[] B, double[] Signal);

    /// <summary>A gate: σ(W x + b) ⊙ signal — a sigmoid layer saying how much of each entry of the signal passes.</summary>
    /// <remarks>
    /// Called as <c>gate(x, W, b, signal)</c>. Shapes: x (D), W (n x D), b (n), signal (n); returns (n).
    /// Diagnoses: "uses-tanh", "adds" (+ signal), "missing-bias", "no-activation", "returns-gate" (σ(W x + b) alone).
    /// Taught in notebooks/03-gates.ipynb.
    /// </remarks>
    public static ExerciseResult Gate(Func<double[], Matrix, double[], double[], double[]> gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var rng = new Rng(303);
        (int D, int n)[] sizes = [(2, 3), (4, 4), (5, 2), (1, 3)];
        var cases = sizes.Select((s, k) => new GateCase(Test(k, sizes.Length, $"D = {s.D}, n = {s.n}"),
            Vector(rng, s.D, 2), Matrix.Uniform(s.n, s.D, 1.5, rng), Vector(rng, s.n), Vector(rng, s.n, 3))).ToList();

        static double[] Z(GateCase c) => Add(MatVec(c.W, c.X), c.B);
        static Part[] Out(double[] v) => [Part.Vector("out", v)];
        var exercise = new Exercise<GateCase>
        {
            Title = "gate",
            Cases = cases,
            Where = c => c.Where,
            Right = c => Out(Mul(Map(Z(c), Sigma), c.Signal)),
            PassMessage = $"σ(W x + b) ⊙ signal on {cases.Count} random gates",
            Shapes = "x (D), W (n x D), b (n), signal (n), result (n)",
            Faults =
            [
                new("uses-tanh", "your gate uses tanh: a gate uses σ, so each entry is a fraction in (0, 1) of the signal to let through",
                    c => Out(Mul(Map(Z(c), Math.Tanh), c.Signal))),
                new("adds", "you add the gate to the signal: a gate multiplies, σ(W x + b) ⊙ signal, entry by entry",
                    c => Out(Add(Map(Z(c), Sigma), c.Signal))),
                new("missing-bias", "you forgot the bias b: σ(W x + b) ⊙ signal",
                    c => Out(Mul(Map(MatVec(c.W, c.X), Sigma), c.Signal))),
                new("no-activation", "no σ: (W x + b) is not a fraction; the gate is σ(W x + b) ⊙ signal",
                    c => Out(Mul(Z(c), c.Signal))),
                new("returns-gate", "you return the gate σ(W x + b) itself: multiply it into the signal, σ(W x + b) ⊙ signal",
                    c => Out(Map(Z(c), Sigma))),
            ],
        };
        return exercise.Run(c => Out(gate(Copy(c.X), Copy(c.W), Copy(c.B), Copy(c.Signal))));
    }
}

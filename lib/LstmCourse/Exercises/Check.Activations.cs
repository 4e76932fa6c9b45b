using System.Globalization;
using LstmCourse.Numerics;
using static LstmCourse.Exercises.Ex;

namespace LstmCourse.Exercises;

public static partial class Check
{
    /// <summary>−8 to 8 in steps of 0.5, then ±20, ±40, ±100 and ±800, where a careless exp overflows.</summary>
    private static readonly double[] ActivationPoints =
        [.. Enumerable.Range(-16, 33).Select(k => k * 0.5), 20, -20, 40, -40, 100, -100, 800, -800];

    /// <summary>The same points and ±0.001 next to x = 0, where ReLU has no derivative and the lesson uses 0.</summary>
    private static readonly double[] ReluDerivativePoints = [.. ActivationPoints, 1e-3, -1e-3];

    private static ExerciseResult Scalar(string title, Func<double, double> learner, double[] xs, Func<double, double> right,
        string? overflow, params (string Key, string Diagnosis, Func<double, double> Compute)[] faults)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var exercise = new Exercise<double>
        {
            Title = title,
            Cases = xs,
            Where = x => $"x = {Show(x)}",
            Right = x => [Part.Scalar(right(x))],
            PassMessage = $"correct on {xs.Length} points including x = ±{Show(xs.Max())}",
            Overflow = overflow,
            Faults = faults.Select(f => new Fault<double>(f.Key, f.Diagnosis, x => [Part.Scalar(f.Compute(x))])).ToList(),
        };
        return exercise.Run(x => [Part.Scalar(learner(x))]);
    }

    /// <summary>σ(x) = 1 / (1 + e^(−x)), finite and in [0, 1] for every x.</summary>
    /// <remarks>
    /// In IEEE doubles the textbook formula is already safe: e^(−x) overflows to +∞ for x &lt; −709.78 and 1/(1 + ∞) = 0,
    /// the right limit (only the subnormal values of σ between x ≈ −745 and −709.78 come out as 0). What gives NaN is the
    /// rewriting e^x/(1 + e^x) at large positive x (∞/∞), which the check catches at x = 800.
    /// Diagnoses: "uses-tanh", "exponent-sign" (σ(−x)), "precedence" (1 / 1 + e^(−x)), "returns-derivative",
    /// "overflow" (NaN at x = ±800). Taught in notebooks/00-start-here.ipynb and 02-activation-functions.ipynb.
    /// </remarks>
    public static ExerciseResult Sigmoid(Func<double, double> sigmoid) => Scalar("sigmoid", sigmoid, ActivationPoints, Sigma,
        "your sigmoid gives NaN for large |x|: e^800 overflows to ∞ and ∞/∞ is NaN, so e^x/(1 + e^x) fails at x = 800 " +
        "(and e^(−x)/(1 + e^(−x)) at x = −800). The textbook 1/(1 + e^(−x)) is safe: where e^(−x) overflows (x < −709.78), " +
        "1/(1 + ∞) = 0 is the right limit. Use it, or e^x/(1 + e^x) only for x < 0",
        ("uses-tanh", "your sigmoid is tanh(x), which ranges over (−1, 1); σ(x) = 1/(1 + e^(−x)) ranges over (0, 1)", Math.Tanh),
        ("exponent-sign", "the exponent's sign is wrong: 1/(1 + e^x) is σ(−x); σ(x) = 1/(1 + e^(−x))", x => Sigma(-x)),
        ("precedence", "you return 1 + e^(−x): C# reads 1 / 1 + Math.Exp(-x) as (1/1) + e^(−x); " +
            "bracket the denominator: 1 / (1 + Math.Exp(-x))", x => 1 + Math.Exp(-x)),
        ("returns-derivative", "you return σ(x)(1 − σ(x)), the derivative; σ itself is 1/(1 + e^(−x))",
            x => Activations.Sigmoid.Derivative(x)));

    /// <summary>tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x)) = 2σ(2x) − 1, finite and in [−1, 1] for every x.</summary>
    /// <remarks>Diagnoses: "uses-sigmoid", "missing-2" (2σ(x) − 1), "coth" (fraction upside down), "sinh" (divides by 2),
    /// "overflow" (the slides' formula at x = ±800). Taught in notebooks/02-activation-functions.ipynb.</remarks>
    public static ExerciseResult Tanh(Func<double, double> tanh) => Scalar("tanh", tanh, ActivationPoints, Math.Tanh,
        "your tanh gives NaN for large |x|: e^|x| overflows to ∞ once |x| > 709.78, and (e^x − e^(−x))/(e^x + e^(−x)) becomes ∞/∞ = NaN. " +
        "Use Math.Tanh(x), or 2σ(2x) − 1 with a stable σ",
        ("uses-sigmoid", "your tanh is σ(x), which ranges over (0, 1); tanh(x) = 2σ(2x) − 1 ranges over (−1, 1)", Sigma),
        ("missing-2", "2σ(x) − 1 is tanh(x/2): the argument of σ needs the factor 2, tanh(x) = 2σ(2x) − 1", x => 2 * Sigma(x) - 1),
        ("coth", "your fraction is upside down: (e^x + e^(−x))/(e^x − e^(−x)) is coth(x) = 1/tanh(x)",
            x => (Math.Exp(x) + Math.Exp(-x)) / (Math.Exp(x) - Math.Exp(-x))),
        ("sinh", "(e^x − e^(−x))/2 is sinh(x): tanh divides by (e^x + e^(−x)), not by 2", Math.Sinh));

    /// <summary>ReLU(x) = max(0, x).</summary>
    /// <remarks>Diagnoses: "uses-min", "absolute-value", "identity", "returns-derivative".
    /// Taught in notebooks/02-activation-functions.ipynb.</remarks>
    public static ExerciseResult Relu(Func<double, double> relu) => Scalar("ReLU", relu, ActivationPoints, Activations.Relu.Apply, null,
        ("uses-min", "you return min(0, x): ReLU keeps the positive part, max(0, x)", x => Math.Min(0, x)),
        ("absolute-value", "you return |x|: negative inputs must give 0, not −x", Math.Abs),
        ("identity", "negative inputs pass through unchanged: ReLU maps every x < 0 to 0", x => x),
        ("returns-derivative", "you return 1 for x > 0, the derivative; ReLU itself is max(0, x)", Activations.Relu.Derivative));

    /// <summary>σ'(x) = σ(x)(1 − σ(x)), given x.</summary>
    /// <remarks>Diagnoses: "returns-sigmoid" (s instead of s(1 − s)), "uses-x" (x(1 − x)), "missing-s" (1 − σ),
    /// "tanh-pattern" (1 − σ²), "overflow" (e^(−x)/(1 + e^(−x))² at x = −800). Taught in notebooks/02-activation-functions.ipynb.</remarks>
    public static ExerciseResult SigmoidDerivative(Func<double, double> sigmoidDerivative) =>
        Scalar("sigmoid derivative", sigmoidDerivative, ActivationPoints, Activations.Sigmoid.Derivative,
        "your derivative gives NaN for large |x|: e^(−x) overflows to ∞ for x < −709.78, and e^(−x)/(1 + e^(−x))² becomes ∞/∞. " +
        "Write it from the output s = σ(x): s(1 − s)",
        ("returns-sigmoid", "you return s = σ(x); the derivative is s(1 − s)", Sigma),
        ("uses-x", "you used x where σ(x) belongs: σ'(x) = σ(x)(1 − σ(x)), not x(1 − x)", x => x * (1 - x)),
        ("missing-s", "you return 1 − σ(x): multiply by σ(x), σ' = σ(1 − σ)", x => 1 - Sigma(x)),
        ("tanh-pattern", "1 − σ(x)² is the pattern of tanh' (1 − tanh²); σ' = σ(1 − σ)", x => 1 - Sigma(x) * Sigma(x)));

    /// <summary>tanh'(x) = 1 − tanh(x)², given x.</summary>
    /// <remarks>Diagnoses: "uses-x" (1 − x²), "missing-square" (1 − tanh), "returns-tanh", "sigmoid-pattern" (tanh(1 − tanh)),
    /// "plus" (1 + tanh²). Taught in notebooks/02-activation-functions.ipynb.</remarks>
    public static ExerciseResult TanhDerivative(Func<double, double> tanhDerivative) =>
        Scalar("tanh derivative", tanhDerivative, ActivationPoints, Activations.Tanh.Derivative,
        "your derivative gives NaN for large |x|: an exp overflowed to ∞. Write it from t = tanh(x): 1 − t²",
        ("uses-x", "your derivative of tanh uses x, not tanh(x): tanh'(x) = 1 − tanh(x)², not 1 − x²", x => 1 - x * x),
        ("missing-square", "the square is missing: tanh'(x) = 1 − tanh(x)², not 1 − tanh(x)", x => 1 - Math.Tanh(x)),
        ("returns-tanh", "you return tanh(x) itself; its derivative is 1 − tanh(x)²", Math.Tanh),
        ("sigmoid-pattern", "tanh(x)(1 − tanh(x)) is the pattern of σ' (s(1 − s)); tanh' = 1 − tanh²",
            x => Math.Tanh(x) * (1 - Math.Tanh(x))),
        ("plus", "the sign is wrong: tanh'(x) = 1 − tanh(x)², not 1 + tanh(x)²", x => 1 + Math.Tanh(x) * Math.Tanh(x)));

    /// <summary>ReLU'(x) = 1 for x &gt; 0, 0 for x ≤ 0.</summary>
    /// <remarks>ReLU has no derivative at x = 0; the lesson, like PyTorch and the library, uses 0 there, and the check
    /// tests it. Diagnoses: "one-at-zero" (1 at x = 0), "returns-x", "one-everywhere" (wrong at x &lt; 0),
    /// "sign" (−1 at x &lt; 0), "returns-relu". Taught in notebooks/02-activation-functions.ipynb.</remarks>
    public static ExerciseResult ReluDerivative(Func<double, double> reluDerivative) =>
        Scalar("ReLU derivative", reluDerivative, ReluDerivativePoints, Activations.Relu.Derivative, null,
        ("one-at-zero", "you return 1 at x = 0: ReLU has no slope there (a corner), and the lesson, like PyTorch and the " +
            "library, uses 0; write x > 0 ? 1 : 0, not x >= 0", x => x >= 0 ? 1 : 0),
        ("returns-x", "you return x; the derivative is ReLU's slope: 1 for x > 0, 0 for x < 0", x => x),
        ("one-everywhere", "your derivative is 1 for negative x too: ReLU is flat there (it outputs 0), so the slope is 0",
            _ => 1),
        ("sign", "you return −1 for x < 0: ReLU is flat there (it outputs 0), so the slope is 0, not −1", x => Math.Sign(x)),
        ("returns-relu", "you return ReLU(x) = max(0, x) itself, not its slope (1 for x > 0, 0 for x < 0)", Activations.Relu.Apply));

    private sealed record NetworkCase(string Where, double[] X, Matrix W1, double[] B1, double[] W2);

    /// <summary>The slides' 2-3-1 network: y = σ(w2 · σ(W1 x + b1)), called as <c>network(x, W1, b1, w2)</c>.</summary>
    /// <remarks>
    /// Shapes: x (2), W1 (3 x 2), b1 (3), w2 (3); y is a number. The slides write a_j = w1_1j x_1 + w1_2j x_2 + b1_j,
    /// so W1[j, i] = w1_ij. Tests: the four XOR inputs with three random weight sets and with weights that solve XOR.
    /// Diagnoses: "missing-hidden-sigmoid", "missing-output-sigmoid", "no-activation", "missing-bias", "hidden-tanh".
    /// Taught in notebooks/02-activation-functions.ipynb.
    /// </remarks>
    public static ExerciseResult Nonlinearity(Func<double[], Matrix, double[], double[], double> network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var rng = new Rng(202);
        double[][] xor = [[0, 0], [0, 1], [1, 0], [1, 1]];
        var weights = new List<(string Name, Matrix W1, double[] B1, double[] W2)>
        {
            // Hidden units OR, NAND and a constant 1; the output fires for OR and NAND together: XOR.
            ("XOR weights", new Matrix(3, 2, [20, 20, -20, -20, 0, 0]), [-10, 30, 20], [20, 20, -30]),
        };
        for (int k = 1; k <= 3; k++) weights.Add(($"random weights {k}", Matrix.Uniform(3, 2, 2, rng), Vector(rng, 3, 2), Vector(rng, 3, 2)));
        var cases = weights.SelectMany(w => xor.Select(x => new NetworkCase($"x = {Show(x)}, {w.Name}", x, w.W1, w.B1, w.W2))).ToList();

        static double Net(NetworkCase c, Func<double, double> hidden, Func<double, double> output, bool bias = true)
        {
            var a = MatVec(c.W1, c.X);                                       // (3) a_j = Σ_i w1_ij x_i
            if (bias) a = Add(a, c.B1);                                      // + b1_j
            return output(c.W2.Zip(a, (w, aj) => w * hidden(aj)).Sum());    // y = out(Σ_j w2_j hidden(a_j))
        }
        static Part[] Y(double y) => [Part.Scalar(y)];
        static double Identity(double v) => v;
        var solved = string.Join(", ", cases.Take(4).Select(c =>
            $"y({c.X[0]},{c.X[1]}) = {Net(c, Sigma, Sigma).ToString("0.00", CultureInfo.InvariantCulture)}"));
        var exercise = new Exercise<NetworkCase>
        {
            Title = "2-3-1 network",
            Cases = cases,
            Where = c => c.Where,
            Right = c => Y(Net(c, Sigma, Sigma)),
            PassMessage = $"y = σ(w2 · σ(W1 x + b1)) on {cases.Count} inputs; the XOR weights give {solved}",
            Shapes = "x (2), W1 (3 x 2) with W1[j, i] = w1_ij, b1 (3), w2 (3)",
            Faults =
            [
                new("missing-hidden-sigmoid", "you skipped the hidden activation: without it the network is linear " +
                    "(w2 · (W1 x + b1) is a single linear map inside σ), and a linear boundary cannot separate XOR",
                    c => Y(Net(c, Identity, Sigma))),
                new("missing-output-sigmoid", "you skipped the output σ: y = σ(w2 · σ(W1 x + b1)) squashes the sum into (0, 1)",
                    c => Y(Net(c, Sigma, Identity))),
                new("no-activation", "no activation at all: y = w2 · (W1 x + b1) is linear, so it cannot separate XOR",
                    c => Y(Net(c, Identity, Identity))),
                new("missing-bias", "you forgot the hidden bias b1: a_j = w1_1j x_1 + w1_2j x_2 + b1_j",
                    c => Y(Net(c, Sigma, Sigma, bias: false))),
                new("hidden-tanh", "your hidden activation is tanh; the slides' network uses σ in both layers",
                    c => Y(Net(c, Math.Tanh, Sigma))),
            ],
        };
        return exercise.Run(c => Y(network(Copy(c.X), Copy(c.W1), Copy(c.B1), Copy(c.W2))));
    }
}

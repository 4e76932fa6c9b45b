using LstmCourse.Cells;
using LstmCourse.Numerics;
using static LstmCourse.Exercises.Ex;

namespace LstmCourse.Exercises;

public static partial class Check
{
    private sealed record LstmCase(string Where, double[] X, double[] HPrev, double[] CPrev, Matrix Wx, Matrix Wh, double[] B);

    /// <summary>One way to get an LSTM step wrong: which rows each gate reads, the activations, the terms of z, c and h.</summary>
    private sealed record LstmVariant
    {
        public int[] Blocks { get; init; } = [0, 1, 2, 3];   // the row block gate i, f, g, o reads
        public Func<double, double> I { get; init; } = Sigma;
        public Func<double, double> F { get; init; } = Sigma;
        public Func<double, double> G { get; init; } = Math.Tanh;
        public Func<double, double> O { get; init; } = Sigma;
        public bool UsesX { get; init; } = true;
        public bool UsesH { get; init; } = true;
        public bool UsesB { get; init; } = true;
        public Func<double, double, double, double, double> Cell { get; init; } = (f, i, g, cPrev) => f * cPrev + i * g;
        public Func<double, double, double> Hidden { get; init; } = (o, c) => o * Math.Tanh(c);
        public bool ReturnsCH { get; init; }
    }

    private static readonly string[] GateNames = ["i", "f", "g", "o"];

    private static string Rows(int block) => block switch { 0 => "0..H−1", 1 => "H..2H−1", 2 => "2H..3H−1", _ => "3H..4H−1" };

    private static Part[] StepParts(double[] h, double[] c) => [Part.Vector("h", h), Part.Vector("c", c)];

    private static Part[] LstmReference(LstmCase s, LstmVariant v)
    {
        int H = s.HPrev.Length;
        var z = new double[4 * H];                                                // (4H) rows [i | f | g | o]
        if (v.UsesB) z = Add(z, s.B);
        if (v.UsesX) z = Add(z, MatVec(s.Wx, s.X));
        if (v.UsesH) z = Add(z, MatVec(s.Wh, s.HPrev));
        var (h, c) = (new double[H], new double[H]);
        for (int k = 0; k < H; k++)
        {
            double i = v.I(z[v.Blocks[0] * H + k]), f = v.F(z[v.Blocks[1] * H + k]);
            double g = v.G(z[v.Blocks[2] * H + k]), o = v.O(z[v.Blocks[3] * H + k]);
            c[k] = v.Cell(f, i, g, s.CPrev[k]);
            h[k] = v.Hidden(o, c[k]);
        }
        return v.ReturnsCH ? StepParts(c, h) : StepParts(h, c);
    }

    private static IEnumerable<Fault<LstmCase>> LstmFaults()
    {
        Fault<LstmCase> Of(string key, string diagnosis, LstmVariant v) => new(key, diagnosis, s => LstmReference(s, v));
        const string Stacking =
            "Wx, Wh and b stack the gates i, f, g, o (PyTorch's order): i is rows 0..H−1, f H..2H−1, g 2H..3H−1, o 3H..4H−1";
        foreach (var order in Permutations([0, 1, 2, 3]).Where(p => !p.SequenceEqual([0, 1, 2, 3])))
        {
            var wrong = Enumerable.Range(0, 4).Where(k => order[k] != k)
                .Select(k => $"{GateNames[k]} from the {GateNames[order[k]]} rows ({Rows(order[k])})");
            string also = order.SequenceEqual([1, 0, 2, 3]) ? " (or you swapped f and i in c = f ⊙ cPrev + i ⊙ g)" : "";
            yield return Of("gate-order", $"your gates read the wrong rows: {string.Join(", ", wrong)}{also}. {Stacking}",
                new LstmVariant { Blocks = order });
        }
        yield return Of("i-uses-tanh", "your input gate i uses tanh: gates use σ, so i ∈ (0, 1) is the fraction of the candidate to write",
            new LstmVariant { I = Math.Tanh });
        yield return Of("f-uses-tanh", "your forget gate f uses tanh: gates use σ, so f ∈ (0, 1) is the fraction of cPrev to keep",
            new LstmVariant { F = Math.Tanh });
        yield return Of("o-uses-tanh", "your output gate o uses tanh: gates use σ, so o ∈ (0, 1) is the fraction of the cell to show",
            new LstmVariant { O = Math.Tanh });
        yield return Of("g-uses-sigmoid", "your candidate g uses σ: g = tanh(z_g) ∈ (−1, 1), so a step can write the cell down as well as up",
            new LstmVariant { G = Sigma });
        yield return Of("missing-input", "you left out Wx·x: z = Wx·x + Wh·hPrev + b, every gate sees the input", new LstmVariant { UsesX = false });
        yield return Of("missing-recurrent", "you left out Wh·hPrev: z = Wx·x + Wh·hPrev + b, every gate sees the previous hidden state",
            new LstmVariant { UsesH = false });
        yield return Of("missing-bias", "you forgot the bias b: z = Wx·x + Wh·hPrev + b", new LstmVariant { UsesB = false });
        yield return Of("missing-forget", "your c ignores the forget gate, so the cell never forgets: c = f ⊙ cPrev + i ⊙ g",
            new LstmVariant { Cell = (f, i, g, cPrev) => cPrev + i * g });
        yield return Of("forgets-everything", "your c leaves out f ⊙ cPrev, so the cell forgets everything at every step: c = f ⊙ cPrev + i ⊙ g",
            new LstmVariant { Cell = (f, i, g, cPrev) => i * g });
        yield return Of("missing-input-gate", "your c adds g without the input gate: c = f ⊙ cPrev + i ⊙ g",
            new LstmVariant { Cell = (f, i, g, cPrev) => f * cPrev + g });
        yield return Of("h-missing-tanh", "your h is o ⊙ c without tanh: h = o ⊙ tanh(c)", new LstmVariant { Hidden = (o, c) => o * c });
        yield return Of("h-missing-o", "your h ignores the output gate: h = o ⊙ tanh(c)", new LstmVariant { Hidden = (o, c) => Math.Tanh(c) });
        yield return Of("tanh-outside", "your h is tanh(o ⊙ c): squash c first, then gate it, h = o ⊙ tanh(c)",
            new LstmVariant { Hidden = (o, c) => Math.Tanh(o * c) });
        yield return new("returns-previous-state", "you return hPrev and cPrev unchanged: compute the new state, " +
            "c = f ⊙ cPrev + i ⊙ g and h = o ⊙ tanh(c)", s => StepParts(s.HPrev, s.CPrev));
        yield return Of("h-c-swapped", "you return (c, h): the step returns (h, c), hidden state first", new LstmVariant { ReturnsCH = true });
    }

    private static IEnumerable<int[]> Permutations(int[] items) => items.Length <= 1
        ? [items]
        : items.SelectMany(first => Permutations(items.Where(v => v != first).ToArray()).Select(rest => (int[])[first, .. rest]));

    /// <summary>One LSTM step against <see cref="LstmCell.Forward"/>, called as <c>lstmStep(x, hPrev, cPrev, Wx, Wh, b)</c>,
    /// returning (h, c).</summary>
    /// <remarks>
    /// <code>
    /// z = Wx x + Wh hPrev + b          (4H) rows [i | f | g | o], the library's (and PyTorch's) order
    /// i = σ(z_i)  f = σ(z_f)  g = tanh(z_g)  o = σ(z_o)
    /// c = f ⊙ cPrev + i ⊙ g            h = o ⊙ tanh(c)
    /// </code>
    /// Shapes: x (D), hPrev and cPrev (H), Wx (4H x D), Wh (4H x H), b (4H). Random weights of scale 1, so every gate matters.
    /// Diagnoses: "gate-order" (naming which gate reads which rows), "i-uses-tanh", "f-uses-tanh", "o-uses-tanh", "g-uses-sigmoid",
    /// "missing-input", "missing-recurrent", "missing-bias", "missing-forget", "forgets-everything", "missing-input-gate",
    /// "h-missing-tanh", "h-missing-o", "tanh-outside", "returns-previous-state", "h-c-swapped"; when none fits, probes
    /// locate the wrong part: "c-wrong" (h right, c not), "output-gate" (c right, h not), "forget-gate" (right when cPrev = 0),
    /// "candidate" (right when also g = 1), "input-gate" (right when also i = 1), "cell-structure" (wrong even then).
    /// Taught in notebooks/04-lstm-cell.ipynb.
    /// </remarks>
    public static ExerciseResult LstmStep(Func<double[], double[], double[], Matrix, Matrix, double[], (double[] h, double[] c)> lstmStep)
    {
        ArgumentNullException.ThrowIfNull(lstmStep);
        var rng = new Rng(407);
        (int D, int H)[] sizes = [(3, 2), (2, 3), (4, 4), (1, 1)];
        var cases = sizes.Select((s, k) => new LstmCase(Test(k, sizes.Length, $"D = {s.D}, H = {s.H}"),
            Vector(rng, s.D, 2), Vector(rng, s.H), Vector(rng, s.H, 2),
            Matrix.Uniform(4 * s.H, s.D, 1, rng), Matrix.Uniform(4 * s.H, s.H, 1, rng), Vector(rng, 4 * s.H))).ToList();

        Part[]? Learner(LstmCase s)
        {
            var (h, c) = lstmStep(Copy(s.X), Copy(s.HPrev), Copy(s.CPrev), Copy(s.Wx), Copy(s.Wh), Copy(s.B));
            return StepParts(h, c);
        }
        var exercise = new Exercise<LstmCase>
        {
            Title = "LSTM step",
            Cases = cases,
            Where = c => c.Where,
            Right = LibraryStep,
            PassMessage = $"(h, c) equal LstmCell.Forward on {cases.Count} random steps, gate order i, f, g, o",
            Shapes = "x (D), hPrev and cPrev (H), Wx (4H x D), Wh (4H x H), b (4H); returns (h, c), both (H)",
            Faults = LstmFaults().ToList(),
            Localise = () => LocaliseLstm(cases, Learner),
        };
        return exercise.Run(Learner);
    }

    private static Part[] LibraryStep(LstmCase s)
    {
        var cell = new LstmCell(s.X.Length, s.HPrev.Length, new Rng(0));
        Array.Copy(s.Wx.Data, cell.Wx.Value.Data, s.Wx.Data.Length);
        Array.Copy(s.Wh.Data, cell.Wh.Value.Data, s.Wh.Data.Length);
        Array.Copy(s.B, cell.b.Value.Data, s.B.Length);
        var next = cell.Forward(Copy(s.X), new RecurrentState(Copy(s.HPrev), Copy(s.CPrev))).Next;
        return StepParts(next.H, next.C);
    }

    /// <summary>Sensitivity probes: rerun the learner's step with cPrev = 0 (f drops out), then also g forced to 1 (c = i),
    /// then also i forced to 1 (c = 1), and see where it becomes right.</summary>
    private static (string, string)? LocaliseLstm(IReadOnlyList<LstmCase> cases, Func<LstmCase, Part[]?> learner)
    {
        bool Right(IEnumerable<LstmCase> probes, int part)
        {
            foreach (var s in probes)
            {
                var expected = LibraryStep(s)[part].Values!;
                double[]? got;
                try { got = learner(s)?[part].Values; }
                catch (Exception) { return false; }
                if (got is null || got.Length != expected.Length || !got.Zip(expected).All(p => Close(p.First, p.Second))) return false;
            }
            return true;
        }
        bool hRight = Right(cases, 0), cRight = Right(cases, 1);
        if (hRight && !cRight)
            return ("c-wrong", "your h is right but the c you return is not: return the new cell state c = f ⊙ cPrev + i ⊙ g");
        if (cRight)
            return ("output-gate", "your c is right but h is not: check the output gate o = σ(z_o) from rows 3H..4H−1 and h = o ⊙ tanh(c)");
        var noMemory = cases.Select(s => s with { CPrev = new double[s.CPrev.Length] }).ToList();
        if (Right(noMemory, 1))
            return ("forget-gate", "your c is right when cPrev = 0 and wrong otherwise: check the forget term f ⊙ cPrev, " +
                "with f = σ(z_f) from rows H..2H−1");
        var gIsOne = noMemory.Select(s => Saturate(s, block: 2)).ToList();
        if (Right(gIsOne, 1))
            return ("candidate", "your c is right when the candidate is forced to g = 1 and wrong otherwise: check g = tanh(z_g) " +
                "from rows 2H..3H−1");
        var iIsOne = gIsOne.Select(s => Saturate(s, block: 0)).ToList();
        if (Right(iIsOne, 1))
            return ("input-gate", "your c is right when the input gate is forced to i = 1 and wrong otherwise: check i = σ(z_i) " +
                "from rows 0..H−1");
        return ("cell-structure", "your c is wrong even with cPrev = 0, i = 1 and g = 1, where c = f ⊙ 0 + 1 ⊙ 1 = 1: " +
            "check how you combine the gates, c = f ⊙ cPrev + i ⊙ g");
    }

    /// <summary>Zero one gate's rows of Wx and Wh and set its bias to 30: g = tanh(30) = 1 exactly in double precision,
    /// i = σ(30) = 1 − 1e-13.</summary>
    private static LstmCase Saturate(LstmCase s, int block)
    {
        int H = s.HPrev.Length;
        var (Wx, Wh, b) = (s.Wx.Clone(), s.Wh.Clone(), Copy(s.B));
        for (int r = block * H; r < (block + 1) * H; r++)
        {
            for (int c = 0; c < Wx.Cols; c++) Wx[r, c] = 0;
            for (int c = 0; c < Wh.Cols; c++) Wh[r, c] = 0;
            b[r] = 30;
        }
        return s with { Wx = Wx, Wh = Wh, B = b };
    }
}

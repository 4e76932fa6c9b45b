using LstmCourse.Cells;
using LstmCourse.Numerics;
using static LstmCourse.Tests.Exercises.Learner;
using Check = LstmCourse.Exercises.Check;

namespace LstmCourse.Tests.Exercises;

public class CheckLstmStepTests
{
    /// <summary>A learner's LSTM step written with loops; Order names which gate each row block holds,
    /// and the hooks make one part of it wrong.</summary>
    private sealed record Step(string Order = "ifgo", bool UseX = true, bool UseH = true, bool UseB = true)
    {
        public Func<double, double> I { get; init; } = Sigmoid;
        public Func<double, double> F { get; init; } = Sigmoid;
        public Func<double, double> G { get; init; } = Math.Tanh;
        public Func<double, double> O { get; init; } = Sigmoid;
        public Func<double, double, double, double, double> C { get; init; } = (f, i, g, cPrev) => f * cPrev + i * g;
        public Func<double, double, double> Hidden { get; init; } = (o, c) => o * Math.Tanh(c);
        public bool ReturnCFirst { get; init; }

        public (double[] h, double[] c) Run(double[] x, double[] hPrev, double[] cPrev, Matrix Wx, Matrix Wh, double[] b)
        {
            int H = hPrev.Length;
            var z = new double[4 * H];
            for (int r = 0; r < 4 * H; r++)
            {
                if (UseB) z[r] += b[r];
                if (UseX) for (int c = 0; c < x.Length; c++) z[r] += Wx[r, c] * x[c];
                if (UseH) for (int c = 0; c < H; c++) z[r] += Wh[r, c] * hPrev[c];
            }
            double Z(char gate, int k) => z[Order.IndexOf(gate) * H + k];
            var (h, cNew) = (new double[H], new double[H]);
            for (int k = 0; k < H; k++)
            {
                double i = I(Z('i', k)), f = F(Z('f', k)), g = G(Z('g', k)), o = O(Z('o', k));
                cNew[k] = C(f, i, g, cPrev[k]);
                h[k] = Hidden(o, cNew[k]);
            }
            return ReturnCFirst ? (cNew, h) : (h, cNew);
        }
    }

    [Fact]
    public void Lstm_step_passes_a_loop_and_the_library_cell()
    {
        Verdict.Passes(Check.LstmStep(new Step().Run));
        Verdict.Passes(Check.LstmStep((x, hPrev, cPrev, Wx, Wh, b) =>
        {
            var cell = new LstmCell(x.Length, hPrev.Length, new Rng(9));
            Array.Copy(Wx.Data, cell.Wx.Value.Data, Wx.Data.Length);
            Array.Copy(Wh.Data, cell.Wh.Value.Data, Wh.Data.Length);
            Array.Copy(b, cell.b.Value.Data, b.Length);
            var next = cell.Forward(x, new RecurrentState(hPrev, cPrev)).Next;
            return (next.H, next.C);
        }));
    }

    [Theory]
    [InlineData("figo", "i from the f rows (H..2H−1), f from the i rows (0..H−1) (or you swapped f and i")]
    [InlineData("ifog", "g from the o rows (3H..4H−1), o from the g rows (2H..3H−1)")]
    [InlineData("iofg", "f from the g rows (2H..3H−1), g from the o rows (3H..4H−1), o from the f rows (H..2H−1)")]
    [InlineData("oifg", "i from the f rows (H..2H−1), f from the g rows (2H..3H−1), g from the o rows (3H..4H−1), o from the i rows (0..H−1)")]
    public void Lstm_step_names_the_gates_read_from_the_wrong_rows(string order, string phrase)
    {
        var r = Check.LstmStep(new Step(Order: order).Run);
        Verdict.Names(r, "gate-order", phrase);
        Assert.Contains("i, f, g, o (PyTorch's order)", r.Message);
    }

    public static TheoryData<string, string> Faults => new()
    {
        { "i-uses-tanh", "input gate i uses tanh" },
        { "f-uses-tanh", "forget gate f uses tanh" },
        { "o-uses-tanh", "output gate o uses tanh" },
        { "g-uses-sigmoid", "candidate g uses σ" },
        { "missing-input", "left out Wx·x" },
        { "missing-recurrent", "left out Wh·hPrev" },
        { "missing-bias", "forgot the bias b" },
        { "missing-forget", "never forgets" },
        { "forgets-everything", "forgets everything" },
        { "missing-input-gate", "without the input gate" },
        { "h-missing-tanh", "without tanh" },
        { "h-missing-o", "ignores the output gate" },
        { "tanh-outside", "tanh(o ⊙ c)" },
        { "returns-previous-state", "hPrev and cPrev unchanged" },
        { "h-c-swapped", "return (c, h)" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Lstm_step_names_each_typical_fault(string fault, string phrase)
    {
        var step = fault switch
        {
            "i-uses-tanh" => new Step { I = Math.Tanh },
            "f-uses-tanh" => new Step { F = Math.Tanh },
            "o-uses-tanh" => new Step { O = Math.Tanh },
            "g-uses-sigmoid" => new Step { G = Sigmoid },
            "missing-input" => new Step(UseX: false),
            "missing-recurrent" => new Step(UseH: false),
            "missing-bias" => new Step(UseB: false),
            "missing-forget" => new Step { C = (f, i, g, cPrev) => cPrev + i * g },
            "forgets-everything" => new Step { C = (f, i, g, cPrev) => i * g },
            "missing-input-gate" => new Step { C = (f, i, g, cPrev) => f * cPrev + g },
            "h-missing-tanh" => new Step { Hidden = (o, c) => o * c },
            "h-missing-o" => new Step { Hidden = (o, c) => Math.Tanh(c) },
            "tanh-outside" => new Step { Hidden = (o, c) => Math.Tanh(o * c) },
            "h-c-swapped" => new Step { ReturnCFirst = true },
            _ => null,
        };
        Verdict.Names(Check.LstmStep(step is null ? (x, hPrev, cPrev, Wx, Wh, b) => (hPrev, cPrev) : step.Run), fault, phrase);
    }

    public static TheoryData<string, string> Located => new()
    {
        { "c-wrong", "the c you return is not" },
        { "output-gate", "check the output gate o" },
        { "forget-gate", "right when cPrev = 0" },
        { "candidate", "forced to g = 1" },
        { "input-gate", "forced to i = 1" },
        { "cell-structure", "how you combine the gates" },
    };

    /// <summary>Mistakes no typical fault models: the sensitivity probes still say which part of the step is wrong.</summary>
    [Theory]
    [MemberData(nameof(Located))]
    public void Lstm_step_locates_an_untypical_fault_by_probing(string part, string phrase)
    {
        Func<double[], double[], double[], Matrix, Matrix, double[], (double[] h, double[] c)> step = part switch
        {
            "c-wrong" => (x, hPrev, cPrev, Wx, Wh, b) => (new Step().Run(x, hPrev, cPrev, Wx, Wh, b).h, cPrev),
            "output-gate" => new Step { O = z => Sigmoid(-z) }.Run,
            "forget-gate" => new Step { F = z => Sigmoid(z + 1) }.Run,
            "candidate" => new Step { G = z => Math.Tanh(2 * z) }.Run,
            "input-gate" => new Step { I = z => Sigmoid(z) * Sigmoid(z) }.Run,
            _ => new Step { C = (f, i, g, cPrev) => f * cPrev + i * g + 0.1 }.Run,
        };
        Verdict.Names(Check.LstmStep(step), part, phrase);
    }

    [Fact]
    public void Lstm_step_reports_an_exception_and_a_missing_result()
    {
        Verdict.Threw(Check.LstmStep((x, hPrev, cPrev, Wx, Wh, b) => throw new InvalidCastException("cast")), "InvalidCastException", "cast");
        var r = Check.LstmStep((x, hPrev, cPrev, Wx, Wh, b) => (new double[hPrev.Length], null!));
        Assert.Equal("wrong-shape", r.Fault);
        Assert.Contains("c is null", r.Message);
    }
}

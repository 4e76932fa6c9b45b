using LstmCourse.Numerics;
using static LstmCourse.Tests.Exercises.Learner;
using Check = LstmCourse.Exercises.Check;

namespace LstmCourse.Tests.Exercises;

public class CheckLstmCellTests
{
    /// <summary>f = σ(Wf·[hPrev, x] + bf) with loops; the switches make the typical mistakes.</summary>
    private static double[] Forget(double[] hPrev, double[] x, Matrix Wf, double[] bf, Func<double, double>? activation = null,
        bool bias = true, bool useH = true, bool useX = true, bool xFirst = false)
    {
        activation ??= Sigmoid;
        double[] hx = xFirst ? [.. x, .. hPrev] : [.. hPrev, .. x];
        var f = new double[bf.Length];
        for (int r = 0; r < f.Length; r++)
        {
            double z = bias ? bf[r] : 0;
            for (int c = 0; c < hx.Length; c++)
            {
                bool isH = c < hPrev.Length;
                if ((isH && useH) || (!isH && useX)) z += Wf[r, c] * hx[c];
            }
            f[r] = activation(z);
        }
        return f;
    }

    [Fact]
    public void Forget_gate_passes_the_concatenated_form_and_the_split_Wh_Wx_form()
    {
        Verdict.Passes(Check.ForgetGate((hPrev, x, Wf, bf) => Forget(hPrev, x, Wf, bf)));
        Verdict.Passes(Check.ForgetGate((hPrev, x, Wf, bf) =>
        {
            int H = hPrev.Length, D = x.Length;
            var f = new double[H];
            for (int r = 0; r < H; r++)
            {
                double z = bf[r];
                for (int c = 0; c < H; c++) z += Wf[r, c] * hPrev[c];          // Wh_f block
                for (int c = 0; c < D; c++) z += Wf[r, H + c] * x[c];          // Wx_f block
                f[r] = global::LstmCourse.Activations.Sigmoid.Apply(z);
            }
            return f;
        }));
    }

    [Theory]
    [InlineData("missing-bias", "ignores b_f")]
    [InlineData("uses-tanh", "uses tanh")]
    [InlineData("only-x", "uses only x")]
    [InlineData("only-h", "uses only hPrev")]
    [InlineData("concat-order", "[x, hPrev]")]
    [InlineData("no-activation", "no σ")]
    public void Forget_gate_names_each_typical_fault(string fault, string phrase)
    {
        var r = Check.ForgetGate((hPrev, x, Wf, bf) => fault switch
        {
            "missing-bias" => Forget(hPrev, x, Wf, bf, bias: false),
            "uses-tanh" => Forget(hPrev, x, Wf, bf, activation: Math.Tanh),
            "only-x" => Forget(hPrev, x, Wf, bf, useH: false),
            "only-h" => Forget(hPrev, x, Wf, bf, useX: false),
            "concat-order" => Forget(hPrev, x, Wf, bf, xFirst: true),
            _ => Forget(hPrev, x, Wf, bf, activation: z => z),
        });
        Verdict.Names(r, fault, phrase);
    }

    [Fact]
    public void Forget_gate_reports_an_unrecognised_answer_and_an_exception()
    {
        Verdict.Mismatch(Check.ForgetGate((hPrev, x, Wf, bf) => Forget(hPrev, x, Wf, bf, activation: z => Sigmoid(z + 1))));
        Verdict.Threw(Check.ForgetGate((hPrev, x, Wf, bf) => throw new NullReferenceException("Wf")), "NullReferenceException", "Wf");
    }

    [Fact]
    public void Cell_update_passes_a_loop_and_LINQ()
    {
        Verdict.Passes(Check.CellUpdate((f, i, g, cPrev) =>
        {
            var c = new double[f.Length];
            for (int k = 0; k < c.Length; k++) c[k] = f[k] * cPrev[k] + i[k] * g[k];
            return c;
        }));
        Verdict.Passes(Check.CellUpdate((f, i, g, cPrev) => f.Select((fk, k) => i[k] * g[k] + fk * cPrev[k]).ToArray()));
    }

    [Theory]
    [InlineData("f-i-swapped", "swapped f and i")]
    [InlineData("forgets-everything", "forgets everything")]
    [InlineData("missing-f", "never forget")]
    [InlineData("missing-i", "without the input gate i")]
    [InlineData("squashed", "plain sum")]
    public void Cell_update_names_each_typical_fault(string fault, string phrase)
    {
        var r = Check.CellUpdate((f, i, g, cPrev) => f.Select((_, k) => fault switch
        {
            "f-i-swapped" => i[k] * cPrev[k] + f[k] * g[k],
            "forgets-everything" => i[k] * g[k],
            "missing-f" => cPrev[k] + i[k] * g[k],
            "missing-i" => f[k] * cPrev[k] + g[k],
            _ => Math.Tanh(f[k] * cPrev[k] + i[k] * g[k]),
        }).ToArray());
        Verdict.Names(r, fault, phrase);
    }

    [Fact]
    public void Cell_update_reports_an_unrecognised_answer_and_an_exception()
    {
        Verdict.Mismatch(Check.CellUpdate((f, i, g, cPrev) => f.Select((_, k) => f[k] * cPrev[k] * i[k] * g[k]).ToArray()));
        Verdict.Threw(Check.CellUpdate((f, i, g, cPrev) => throw new NotSupportedException("later")), "NotSupportedException", "later");
    }

    [Fact]
    public void Hidden_output_passes_a_loop_and_LINQ()
    {
        Verdict.Passes(Check.HiddenOutput((o, c) =>
        {
            var h = new double[o.Length];
            for (int k = 0; k < h.Length; k++) h[k] = o[k] * Math.Tanh(c[k]);
            return h;
        }));
        Verdict.Passes(Check.HiddenOutput((o, c) => Zip(o, c, (ok, ck) => ok * (2 * Sigmoid(2 * ck) - 1))));
    }

    [Theory]
    [InlineData("missing-tanh", "without tanh")]
    [InlineData("tanh-outside", "not tanh(o ⊙ c)")]
    [InlineData("ignores-o", "ignore the output gate o")]
    [InlineData("uses-sigmoid", "squash c with σ")]
    [InlineData("adds", "a gate multiplies")]
    public void Hidden_output_names_each_typical_fault(string fault, string phrase)
    {
        var r = Check.HiddenOutput((o, c) => Zip(o, c, (ok, ck) => fault switch
        {
            "missing-tanh" => ok * ck,
            "tanh-outside" => Math.Tanh(ok * ck),
            "ignores-o" => Math.Tanh(ck),
            "uses-sigmoid" => ok * Sigmoid(ck),
            _ => ok + Math.Tanh(ck),
        }));
        Verdict.Names(r, fault, phrase);
    }

    [Fact]
    public void Hidden_output_reports_an_unrecognised_answer_and_an_exception()
    {
        Verdict.Mismatch(Check.HiddenOutput((o, c) => Zip(o, c, (ok, ck) => ok * Math.Tanh(ck) + 0.5)));
        Verdict.Threw(Check.HiddenOutput((o, c) => [o[0], c[10]]), "IndexOutOfRangeException", "outside the bounds");
    }
}

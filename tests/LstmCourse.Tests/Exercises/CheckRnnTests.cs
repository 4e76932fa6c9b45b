using LstmCourse.Cells;
using LstmCourse.Exercises;
using LstmCourse.Numerics;
using static LstmCourse.Tests.Exercises.Learner;
using Check = LstmCourse.Exercises.Check;

namespace LstmCourse.Tests.Exercises;

public class CheckRnnTests
{
    private static double[] Step(double[] x, double[] hPrev, Matrix Wx, Matrix Wh, double[] b,
        bool tanh = true, bool recurrent = true, bool bias = true, bool swapped = false)
    {
        var h = new double[b.Length];
        for (int r = 0; r < h.Length; r++)
        {
            double z = bias ? b[r] : 0;
            for (int c = 0; c < x.Length; c++) z += (swapped ? Wh : Wx)[r, c] * x[c];
            if (recurrent) for (int c = 0; c < hPrev.Length; c++) z += (swapped ? Wx : Wh)[r, c] * hPrev[c];
            else z += hPrev[r];
            h[r] = tanh ? Math.Tanh(z) : z;
        }
        return h;
    }

    [Fact]
    public void Rnn_step_passes_a_loop_and_the_library_cell()
    {
        Verdict.Passes(Check.RnnStep((x, hPrev, Wx, Wh, b) => Step(x, hPrev, Wx, Wh, b)));
        Verdict.Passes(Check.RnnStep((x, hPrev, Wx, Wh, b) =>
        {
            var cell = new RnnCell(x.Length, hPrev.Length, new Rng(1));
            Array.Copy(Wx.Data, cell.Wx.Value.Data, Wx.Data.Length);
            Array.Copy(Wh.Data, cell.Wh.Value.Data, Wh.Data.Length);
            Array.Copy(b, cell.b.Value.Data, b.Length);
            return cell.Forward(x, new RecurrentState(hPrev, [])).Next.H;
        }));
    }

    [Theory]
    [InlineData("missing-tanh", "apply tanh")]
    [InlineData("hPrev-without-Wh", "Wh·hPrev")]
    [InlineData("missing-bias", "forgot the bias b")]
    [InlineData("swapped-weights", "Wx multiplies the input x")]
    public void Rnn_step_names_each_typical_fault(string fault, string phrase)
    {
        var r = Check.RnnStep((x, hPrev, Wx, Wh, b) => fault switch
        {
            "missing-tanh" => Step(x, hPrev, Wx, Wh, b, tanh: false),
            "hPrev-without-Wh" => Step(x, hPrev, Wx, Wh, b, recurrent: false),
            "missing-bias" => Step(x, hPrev, Wx, Wh, b, bias: false),
            _ => Step(x, hPrev, Wx, Wh, b, swapped: true),       // reads out of Wh's bounds when D > H: the fault still explains the rest
        });
        Verdict.Names(r, fault, phrase);
    }

    [Fact]
    public void Rnn_step_reports_a_wrong_length_with_the_shapes()
    {
        var r = Check.RnnStep((x, hPrev, Wx, Wh, b) => new double[x.Length + 1]);
        Assert.Equal("wrong-shape", r.Fault);
        Assert.Contains("h has 4 entries, expected 3", r.Message);
        Assert.Contains("Wx (H x D)", r.Message);
    }

    [Fact]
    public void Rnn_step_says_when_every_value_is_zero()
    {
        Verdict.Names(Check.RnnStep((x, hPrev, Wx, Wh, b) => new double[hPrev.Length]), "zeros", "new double[n] starts as zeros");
    }

    [Fact]
    public void Rnn_step_reports_an_unrecognised_answer_as_a_mismatch()
    {
        Verdict.Mismatch(Check.RnnStep((x, hPrev, Wx, Wh, b) => Map(Step(x, hPrev, Wx, Wh, b, tanh: false), Math.Sin)));
    }

    [Fact]
    public void Rnn_step_reports_the_learners_exception()
    {
        Verdict.Threw(Check.RnnStep((x, hPrev, Wx, Wh, b) => throw new InvalidOperationException("boom")), "InvalidOperationException", "boom");
        var r = Check.RnnStep((x, hPrev, Wx, Wh, b) => throw new NotImplementedException());
        Assert.Equal("threw", r.Fault);
        Assert.StartsWith("not written yet", r.Message);
    }

    private static double Power(double w, int n, int from = 0, bool inclusive = false)
    {
        double y = 1;
        for (int k = from; inclusive ? k <= n : k < n; k++) y *= w;
        return y;
    }

    [Fact]
    public void Repeated_product_passes_a_loop_and_Math_Pow_and_shows_the_slides_numbers()
    {
        var r = Check.RepeatedProduct((w, n) => Power(w, n));
        Verdict.Passes(r);
        Assert.Contains("4.361e-05", r.Message);
        Assert.Contains("2.075e+04", r.Message);
        Verdict.Passes(Check.RepeatedProduct((w, n) => Math.Pow(w, n)));
    }

    [Theory]
    [InlineData("n+1", "off-by-one", "n + 1 copies")]
    [InlineData("n-1", "off-by-one", "n − 1 copies")]
    [InlineData("zero", "starts-at-zero", "start from 1")]
    [InlineData("n*w", "adds", "multiplies")]
    [InlineData("1+n*w", "adds", "multiplies")]
    [InlineData("exp-log", "overflow", "negative w")]
    public void Repeated_product_names_each_typical_fault(string wrong, string fault, string phrase)
    {
        Func<double, int, double> f = wrong switch
        {
            "n+1" => (w, n) => Power(w, n, inclusive: true),
            "n-1" => (w, n) => Power(w, n, from: 1),
            "zero" => (w, n) => { double y = 0; for (int k = 0; k < n; k++) y *= w; return y; },
            "n*w" => (w, n) => { double y = 0; for (int k = 0; k < n; k++) y += w; return y; },
            "1+n*w" => (w, n) => { double y = 1; for (int k = 0; k < n; k++) y += w; return y; },
            _ => (w, n) => Math.Exp(n * Math.Log(w)),
        };
        Verdict.Names(Check.RepeatedProduct(f), fault, phrase);
    }

    [Fact]
    public void Repeated_product_reports_an_unrecognised_answer_as_a_mismatch()
    {
        Verdict.Mismatch(Check.RepeatedProduct((w, n) => w + n));
    }
}

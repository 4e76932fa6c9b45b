using static LstmCourse.Tests.Exercises.Learner;
using Check = LstmCourse.Exercises.Check;

namespace LstmCourse.Tests.Exercises;

public class CheckSequencesTests
{
    private static double[] Softmax(double[] z)
    {
        double max = z.Max();
        var e = Map(z, v => Math.Exp(v - max));
        double sum = e.Sum();
        return Map(e, v => v / sum);
    }

    private static double[] NaiveSoftmax(double[] z)
    {
        var e = Map(z, Math.Exp);
        return Map(e, v => v / e.Sum());
    }

    [Fact]
    public void Softmax_passes_the_max_subtracted_form_the_library_and_log_sum_exp()
    {
        Verdict.Passes(Check.Softmax(Softmax));
        Verdict.Passes(Check.Softmax(z => global::LstmCourse.Losses.Softmax.Apply(z)));
        Verdict.Passes(Check.Softmax(z =>
        {
            double max = z.Max(), lse = max + Math.Log(z.Sum(v => Math.Exp(v - max)));
            return Map(z, v => Math.Exp(v - lse));
        }));
    }

    [Theory]
    [InlineData("naive", "overflow", "Subtract the max logit first")]
    [InlineData("exp", "not-normalised", "add up to 1")]
    [InlineData("exp-max", "not-normalised", "add up to 1")]
    [InlineData("no-exp", "missing-exp", "exp is missing")]
    [InlineData("log", "log-softmax", "exponentiate")]
    public void Softmax_names_each_typical_fault(string wrong, string fault, string phrase)
    {
        Func<double[], double[]> f = wrong switch
        {
            "naive" => NaiveSoftmax,
            "exp" => z => Map(z, Math.Exp),
            "exp-max" => z => Map(z, v => Math.Exp(v - z.Max())),
            "no-exp" => z => Map(z, v => v / z.Sum()),
            _ => z => Map(Softmax(z), Math.Log),
        };
        var r = Check.Softmax(f);
        Verdict.Names(r, fault, phrase);
        if (fault == "overflow") Assert.StartsWith("at z = [1000, 999, 998], p[0]: expected 0.6652, got NaN", r.Evidence);
    }

    [Fact]
    public void Softmax_reports_an_unrecognised_answer_and_an_exception()
    {
        Verdict.Mismatch(Check.Softmax(z => Softmax(Map(z, v => 2 * v))));
        Verdict.Threw(Check.Softmax(z => throw new OverflowException("exp")), "OverflowException", "exp");
    }

    private static double[] Gradient(double[] z, int y, Func<double[], double[]>? softmax = null)
    {
        var dz = (softmax ?? Softmax)(z);
        dz[y] -= 1;
        return dz;
    }

    [Fact]
    public void Cross_entropy_gradient_passes_p_minus_onehot_two_ways()
    {
        Verdict.Passes(Check.CrossEntropyGradient((z, y) => Gradient(z, y)));
        Verdict.Passes(Check.CrossEntropyGradient((z, y) =>
        {
            var dz = new double[z.Length];
            global::LstmCourse.Losses.CrossEntropy.LossAndGradient(z, y, dz);
            return dz;
        }));
    }

    [Theory]
    [InlineData("p", "returns-p", "subtract the one-hot target")]
    [InlineData("onehot-p", "sign", "not onehot(y) − p")]
    [InlineData("z-onehot", "forgets-softmax", "logits z where the probabilities")]
    [InlineData("dL/dp", "gradient-wrt-p", "with respect to the probabilities")]
    [InlineData("naive", "overflow", "max logit subtracted")]
    public void Cross_entropy_gradient_names_each_typical_fault(string wrong, string fault, string phrase)
    {
        Func<double[], int, double[]> f = wrong switch
        {
            "p" => (z, y) => Softmax(z),
            "onehot-p" => (z, y) => Map(Gradient(z, y), v => -v),
            "z-onehot" => (z, y) => Gradient(z, y, v => (double[])v.Clone()),
            "dL/dp" => (z, y) => z.Select((_, k) => k == y ? -1 / Softmax(z)[y] : 0).ToArray(),
            _ => (z, y) => Gradient(z, y, NaiveSoftmax),
        };
        Verdict.Names(Check.CrossEntropyGradient(f), fault, phrase);
    }

    [Fact]
    public void Cross_entropy_gradient_reports_an_unrecognised_answer_and_an_exception()
    {
        Verdict.Mismatch(Check.CrossEntropyGradient((z, y) => Map(Gradient(z, y), v => v * v)));
        Verdict.Threw(Check.CrossEntropyGradient((z, y) => [z[y + 10]]), "IndexOutOfRangeException", "outside the bounds");
    }
}

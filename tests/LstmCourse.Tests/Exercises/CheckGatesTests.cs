using LstmCourse.Numerics;
using static LstmCourse.Tests.Exercises.Learner;
using Check = LstmCourse.Exercises.Check;

namespace LstmCourse.Tests.Exercises;

public class CheckGatesTests
{
    private static double[] Gate(double[] x, Matrix W, double[] b, double[] signal,
        Func<double, double>? activation = null, bool bias = true, bool multiply = true, bool applyToSignal = true)
    {
        activation ??= Sigmoid;
        var z = MatVec(W, x);
        var gate = Map(Zip(z, b, (zk, bk) => bias ? zk + bk : zk), activation);
        if (!applyToSignal) return gate;
        return Zip(gate, signal, (g, s) => multiply ? g * s : g + s);
    }

    [Fact]
    public void Gate_passes_a_loop_and_the_library_sigmoid()
    {
        Verdict.Passes(Check.Gate((x, W, b, signal) => Gate(x, W, b, signal)));
        Verdict.Passes(Check.Gate((x, W, b, signal) =>
        {
            var z = (double[])b.Clone();
            Linalg.MulAdd(W, x, z);
            var y = new double[z.Length];
            global::LstmCourse.Activations.Sigmoid.Apply(z, y);
            for (int k = 0; k < y.Length; k++) y[k] *= signal[k];
            return y;
        }));
    }

    [Theory]
    [InlineData("uses-tanh", "a gate uses σ")]
    [InlineData("adds", "a gate multiplies")]
    [InlineData("missing-bias", "forgot the bias b")]
    [InlineData("no-activation", "no σ")]
    [InlineData("returns-gate", "multiply it into the signal")]
    public void Gate_names_each_typical_fault(string fault, string phrase)
    {
        var r = Check.Gate((x, W, b, signal) => fault switch
        {
            "uses-tanh" => Gate(x, W, b, signal, activation: Math.Tanh),
            "adds" => Gate(x, W, b, signal, multiply: false),
            "missing-bias" => Gate(x, W, b, signal, bias: false),
            "no-activation" => Gate(x, W, b, signal, activation: z => z),
            _ => Gate(x, W, b, signal, applyToSignal: false),
        });
        Verdict.Names(r, fault, phrase);
    }

    [Fact]
    public void Gate_reports_an_unrecognised_answer_and_an_exception()
    {
        Verdict.Mismatch(Check.Gate((x, W, b, signal) => Gate(x, W, b, signal, activation: z => Sigmoid(2 * z))));
        Verdict.Threw(Check.Gate((x, W, b, signal) => throw new DivideByZeroException()), "DivideByZeroException", "divide by zero");
    }
}

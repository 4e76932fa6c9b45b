using LstmCourse.Exercises;
using LstmCourse.Numerics;
using static LstmCourse.Tests.Exercises.Learner;
using Check = LstmCourse.Exercises.Check;

namespace LstmCourse.Tests.Exercises;

public class CheckActivationsTests
{
    private static double StableSigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    [Theory]
    [InlineData(-709.0)]
    [InlineData(-709.8)]
    [InlineData(-720.0)]
    [InlineData(-800.0)]
    public void The_textbook_sigmoid_stays_finite_where_exp_overflows(double x)
    {
        double e = Math.Exp(-x), s = 1 / (1 + e);
        Assert.True(s >= 0 && s < 1e-300, $"σ({x}) = {s}");
        Assert.Equal(x < -709.79, double.IsPositiveInfinity(e));          // e^(−x) overflows below x ≈ −709.78
        Assert.Equal(Math.Exp(x) / (1 + Math.Exp(x)), s, 1e-307);          // the stable form agrees to within a subnormal
    }

    [Fact]
    public void Sigmoid_passes_the_textbook_formula_and_two_rewritings()
    {
        var r = Check.Sigmoid(Sigmoid);
        Verdict.Passes(r);
        Assert.Equal("✔ sigmoid: correct on 41 points including x = ±800", r.ToString());
        Verdict.Passes(Check.Sigmoid(StableSigmoid));
        Verdict.Passes(Check.Sigmoid(x => 0.5 * (1 + Math.Tanh(x / 2))));
    }

    [Theory]
    [InlineData("tanh", "uses-tanh", "tanh(x)")]
    [InlineData("1/(1+e^x)", "exponent-sign", "σ(−x)")]
    [InlineData("1/1+e^-x", "precedence", "1 / (1 + Math.Exp(-x))")]
    [InlineData("s(1-s)", "returns-derivative", "the derivative")]
    [InlineData("e^x/(1+e^x)", "overflow", "∞/∞ is NaN")]
    [InlineData("1-e^-x/(1+e^-x)", "overflow", "∞/∞ is NaN")]
    [InlineData("-s", "sign", "negative")]
    [InlineData("2s", "factor", "2 times")]
    public void Sigmoid_names_each_typical_fault(string wrong, string fault, string phrase)
    {
        Func<double, double> f = wrong switch
        {
            "tanh" => Math.Tanh,
            "1/(1+e^x)" => x => 1 / (1 + Math.Exp(x)),
            "1/1+e^-x" => x => 1 / 1 + Math.Exp(-x),
            "s(1-s)" => x => Sigmoid(x) * (1 - Sigmoid(x)),
            "e^x/(1+e^x)" => x => Math.Exp(x) / (1 + Math.Exp(x)),
            "1-e^-x/(1+e^-x)" => x => 1 - Math.Exp(-x) / (1 + Math.Exp(-x)),
            "-s" => x => -StableSigmoid(x),
            _ => x => 2 * StableSigmoid(x),
        };
        Verdict.Names(Check.Sigmoid(f), fault, phrase);
    }

    [Fact]
    public void Sigmoid_shows_where_it_fails_with_expected_and_got()
    {
        var r = Check.Sigmoid(x => x / (1 + Math.Abs(x)));
        Verdict.Mismatch(r);
        Assert.Equal("at x = -8: expected 0.0003354, got -0.8889", r.Evidence);
        Assert.Equal($"✘ sigmoid: {r.Message} (at x = -8: expected 0.0003354, got -0.8889)", r.ToString());
    }

    [Fact]
    public void Sigmoid_reports_the_learners_exception()
    {
        Verdict.Threw(Check.Sigmoid(x => x < 0 ? throw new ArgumentOutOfRangeException(nameof(x), "negative") : 1.0),
            "ArgumentOutOfRangeException", "negative");
    }

    [Fact]
    public void Tanh_passes_Math_Tanh_and_2_sigma_2x_minus_1()
    {
        Verdict.Passes(Check.Tanh(Math.Tanh));
        Verdict.Passes(Check.Tanh(x => 2 * StableSigmoid(2 * x) - 1));
    }

    [Theory]
    [InlineData("sigmoid", "uses-sigmoid", "σ(x)")]
    [InlineData("2s(x)-1", "missing-2", "tanh(x/2)")]
    [InlineData("coth", "coth", "upside down")]
    [InlineData("sinh", "sinh", "sinh(x)")]
    [InlineData("slides", "overflow", "Math.Tanh")]
    public void Tanh_names_each_typical_fault(string wrong, string fault, string phrase)
    {
        Func<double, double> f = wrong switch
        {
            "sigmoid" => StableSigmoid,
            "2s(x)-1" => x => 2 * StableSigmoid(x) - 1,
            "coth" => x => (Math.Exp(x) + Math.Exp(-x)) / (Math.Exp(x) - Math.Exp(-x)),
            "sinh" => x => (Math.Exp(x) - Math.Exp(-x)) / 2,
            _ => x => (Math.Exp(x) - Math.Exp(-x)) / (Math.Exp(x) + Math.Exp(-x)),
        };
        Verdict.Names(Check.Tanh(f), fault, phrase);
    }

    [Fact]
    public void Tanh_reports_an_unrecognised_answer_as_a_mismatch() => Verdict.Mismatch(Check.Tanh(Math.Atan));

    [Fact]
    public void Relu_passes_max_and_a_rewriting()
    {
        Verdict.Passes(Check.Relu(x => Math.Max(0, x)));
        Verdict.Passes(Check.Relu(x => (x + Math.Abs(x)) / 2));
    }

    [Theory]
    [InlineData("min", "uses-min", "max(0, x)")]
    [InlineData("abs", "absolute-value", "|x|")]
    [InlineData("identity", "identity", "to 0")]
    [InlineData("step", "returns-derivative", "the derivative")]
    public void Relu_names_each_typical_fault(string wrong, string fault, string phrase)
    {
        Func<double, double> f = wrong switch
        {
            "min" => x => Math.Min(0, x),
            "abs" => Math.Abs,
            "identity" => x => x,
            _ => x => x > 0 ? 1 : 0,
        };
        Verdict.Names(Check.Relu(f), fault, phrase);
    }

    [Fact]
    public void Relu_reports_an_unrecognised_answer_as_a_mismatch() => Verdict.Mismatch(Check.Relu(x => Math.Max(0.1 * x, x) + 1));

    [Fact]
    public void Sigmoid_derivative_passes_s_times_1_minus_s_and_a_symmetric_rewriting()
    {
        Verdict.Passes(Check.SigmoidDerivative(x => StableSigmoid(x) * (1 - StableSigmoid(x))));
        Verdict.Passes(Check.SigmoidDerivative(x => Math.Exp(-Math.Abs(x)) / Math.Pow(1 + Math.Exp(-Math.Abs(x)), 2)));
    }

    [Theory]
    [InlineData("s", "returns-sigmoid", "s(1 − s)")]
    [InlineData("x(1-x)", "uses-x", "not x(1 − x)")]
    [InlineData("1-s", "missing-s", "multiply by σ(x)")]
    [InlineData("1-s^2", "tanh-pattern", "tanh'")]
    [InlineData("e^-x/(1+e^-x)^2", "overflow", "s(1 − s)")]
    public void Sigmoid_derivative_names_each_typical_fault(string wrong, string fault, string phrase)
    {
        Func<double, double> f = wrong switch
        {
            "s" => StableSigmoid,
            "x(1-x)" => x => x * (1 - x),
            "1-s" => x => 1 - StableSigmoid(x),
            "1-s^2" => x => 1 - StableSigmoid(x) * StableSigmoid(x),
            _ => x => Math.Exp(-x) / Math.Pow(1 + Math.Exp(-x), 2),
        };
        Verdict.Names(Check.SigmoidDerivative(f), fault, phrase);
    }

    [Fact]
    public void Tanh_derivative_passes_1_minus_tanh_squared_and_sech_squared()
    {
        Verdict.Passes(Check.TanhDerivative(x => 1 - Math.Tanh(x) * Math.Tanh(x)));
        Verdict.Passes(Check.TanhDerivative(x => 1 / (Math.Cosh(x) * Math.Cosh(x))));
    }

    [Theory]
    [InlineData("1-x^2", "uses-x", "uses x, not tanh(x)")]
    [InlineData("1-t", "missing-square", "square is missing")]
    [InlineData("t", "returns-tanh", "tanh(x) itself")]
    [InlineData("t(1-t)", "sigmoid-pattern", "σ'")]
    [InlineData("1+t^2", "plus", "sign")]
    [InlineData("slides", "overflow", "1 − t²")]
    public void Tanh_derivative_names_each_typical_fault(string wrong, string fault, string phrase)
    {
        Func<double, double> f = wrong switch
        {
            "1-x^2" => x => 1 - x * x,
            "1-t" => x => 1 - Math.Tanh(x),
            "t" => Math.Tanh,
            "t(1-t)" => x => Math.Tanh(x) * (1 - Math.Tanh(x)),
            "1+t^2" => x => 1 + Math.Tanh(x) * Math.Tanh(x),
            _ => x => 1 - Math.Pow((Math.Exp(x) - Math.Exp(-x)) / (Math.Exp(x) + Math.Exp(-x)), 2),
        };
        Verdict.Names(Check.TanhDerivative(f), fault, phrase);
    }

    [Fact]
    public void Relu_derivative_passes_the_lessons_convention_at_zero()
    {
        var r = Check.ReluDerivative(x => x > 0 ? 1 : 0);
        Verdict.Passes(r);
        Assert.Equal("✔ ReLU derivative: correct on 43 points including x = ±800", r.ToString());
    }

    [Fact]
    public void Relu_derivative_rejects_one_at_zero_and_says_where()
    {
        var r = Check.ReluDerivative(x => x >= 0 ? 1 : 0);
        Verdict.Names(r, "one-at-zero", "x >= 0");
        Assert.Equal("at x = 0: expected 0, got 1", r.Evidence);
    }

    [Theory]
    [InlineData("x", "returns-x", "you return x")]
    [InlineData("1", "one-everywhere", "negative x too")]
    [InlineData("sign", "sign", "not −1")]
    [InlineData("relu", "returns-relu", "max(0, x) itself")]
    public void Relu_derivative_names_each_typical_fault(string wrong, string fault, string phrase)
    {
        Func<double, double> f = wrong switch
        {
            "x" => x => x,
            "1" => _ => 1,
            "sign" => x => Math.Sign(x),
            _ => x => Math.Max(0, x),
        };
        Verdict.Names(Check.ReluDerivative(f), fault, phrase);
    }

    private static double Network(double[] x, Matrix W1, double[] b1, double[] w2,
        Func<double, double>? hidden = null, Func<double, double>? output = null, bool bias = true)
    {
        hidden ??= Sigmoid;
        output ??= Sigmoid;
        double sum = 0;
        for (int j = 0; j < 3; j++)
        {
            double a = (bias ? b1[j] : 0) + W1[j, 0] * x[0] + W1[j, 1] * x[1];
            sum += w2[j] * hidden(a);
        }
        return output(sum);
    }

    [Fact]
    public void Nonlinearity_passes_a_loop_and_the_slides_written_out_form()
    {
        var r = Check.Nonlinearity((x, W1, b1, w2) => Network(x, W1, b1, w2));
        Verdict.Passes(r);
        Assert.Contains("y(0,0) = 0.00, y(0,1) = 1.00, y(1,0) = 1.00, y(1,1) = 0.00", r.Message);
        Verdict.Passes(Check.Nonlinearity((x, W1, b1, w2) =>
        {
            double a1 = W1[0, 0] * x[0] + W1[0, 1] * x[1] + b1[0];
            double a2 = W1[1, 0] * x[0] + W1[1, 1] * x[1] + b1[1];
            double a3 = W1[2, 0] * x[0] + W1[2, 1] * x[1] + b1[2];
            return Sigmoid(w2[0] * Sigmoid(a1) + w2[1] * Sigmoid(a2) + w2[2] * Sigmoid(a3));
        }));
    }

    [Theory]
    [InlineData("missing-hidden-sigmoid", "cannot separate XOR")]
    [InlineData("missing-output-sigmoid", "output σ")]
    [InlineData("no-activation", "linear")]
    [InlineData("missing-bias", "b1")]
    [InlineData("hidden-tanh", "tanh")]
    public void Nonlinearity_names_each_typical_fault(string fault, string phrase)
    {
        var r = Check.Nonlinearity((x, W1, b1, w2) => fault switch
        {
            "missing-hidden-sigmoid" => Network(x, W1, b1, w2, hidden: a => a),
            "missing-output-sigmoid" => Network(x, W1, b1, w2, output: a => a),
            "no-activation" => Network(x, W1, b1, w2, hidden: a => a, output: a => a),
            "missing-bias" => Network(x, W1, b1, w2, bias: false),
            _ => Network(x, W1, b1, w2, hidden: Math.Tanh),
        });
        Verdict.Names(r, fault, phrase);
    }

    [Fact]
    public void Nonlinearity_reports_an_unrecognised_answer_and_an_exception()
    {
        Verdict.Mismatch(Check.Nonlinearity((x, W1, b1, w2) => Network(x, W1, b1, w2, hidden: Math.Sin)));
        Verdict.Threw(Check.Nonlinearity((x, W1, b1, w2) => W1[0, 0] * x[5]), "IndexOutOfRangeException", "outside the bounds");
    }
}

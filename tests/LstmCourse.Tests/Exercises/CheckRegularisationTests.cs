using LstmCourse.Numerics;
using static LstmCourse.Tests.Exercises.Learner;
using Check = LstmCourse.Exercises.Check;

namespace LstmCourse.Tests.Exercises;

public class CheckRegularisationTests
{
    [Fact]
    public void L2_gradient_passes_lambda_w_two_ways()
    {
        Verdict.Passes(Check.L2Gradient((w, lambda) => Map(w, v => lambda * v)));
        Verdict.Passes(Check.L2Gradient((w, lambda) =>
        {
            var dw = new double[w.Length];
            for (int k = 0; k < w.Length; k++) dw[k] = w[k] * lambda;
            return dw;
        }));
    }

    [Theory]
    [InlineData("2λw", "factor-2", "(λ/2)‖w‖²")]
    [InlineData("λw/2", "half", "cancels the ½")]
    [InlineData("λ", "missing-w", "grows with the weight")]
    [InlineData("w", "missing-lambda", "strength λ")]
    [InlineData("λ sign", "uses-l1", "L1 gradient")]
    [InlineData("λw²", "squared", "w²/2")]
    [InlineData("-λw", "sign", "negative")]
    public void L2_gradient_names_each_typical_fault(string wrong, string fault, string phrase)
    {
        Func<double, double, double> f = wrong switch
        {
            "2λw" => (v, lambda) => 2 * lambda * v,
            "λw/2" => (v, lambda) => lambda * v / 2,
            "λ" => (v, lambda) => lambda,
            "w" => (v, lambda) => v,
            "λ sign" => (v, lambda) => lambda * Math.Sign(v),
            "λw²" => (v, lambda) => lambda * v * v,
            _ => (v, lambda) => -lambda * v,
        };
        Verdict.Names(Check.L2Gradient((w, lambda) => Map(w, v => f(v, lambda))), fault, phrase);
    }

    [Fact]
    public void L2_gradient_reports_an_unrecognised_answer_and_an_exception()
    {
        Verdict.Mismatch(Check.L2Gradient((w, lambda) => Map(w, v => lambda * v + 0.01)));
        Verdict.Threw(Check.L2Gradient((w, lambda) => throw new ArgumentException("lambda")), "ArgumentException", "lambda");
    }

    [Fact]
    public void L1_gradient_passes_lambda_sign_w_two_ways()
    {
        Verdict.Passes(Check.L1Gradient((w, lambda) => Map(w, v => lambda * Math.Sign(v))));
        Verdict.Passes(Check.L1Gradient((w, lambda) => Map(w, v => v > 0 ? lambda : v < 0 ? -lambda : 0)));
    }

    [Theory]
    [InlineData("λw", "uses-w", "L2 gradient")]
    [InlineData("λ", "missing-sign", "−λ where w < 0")]
    [InlineData(">=", "nonzero-at-zero", "Math.Sign(0) is 0")]
    [InlineData(">", "nonzero-at-zero", "Math.Sign(0) is 0")]
    [InlineData("sign", "missing-lambda", "strength λ")]
    [InlineData("λ|w|", "returns-penalty", "penalty itself")]
    public void L1_gradient_names_each_typical_fault(string wrong, string fault, string phrase)
    {
        Func<double, double, double> f = wrong switch
        {
            "λw" => (v, lambda) => lambda * v,
            "λ" => (v, lambda) => lambda,
            ">=" => (v, lambda) => v >= 0 ? lambda : -lambda,
            ">" => (v, lambda) => v > 0 ? lambda : -lambda,
            "sign" => (v, lambda) => Math.Sign(v),
            _ => (v, lambda) => lambda * Math.Abs(v),
        };
        Verdict.Names(Check.L1Gradient((w, lambda) => Map(w, v => f(v, lambda))), fault, phrase);
    }

    [Fact]
    public void L1_gradient_reports_an_unrecognised_answer() =>
        Verdict.Mismatch(Check.L1Gradient((w, lambda) => Map(w, v => lambda * Math.Tanh(v))));

    /// <summary>A learner's dropout; the switches make the typical mistakes.</summary>
    private sealed record Dropout(bool KeepWithP = false, bool IgnoresTraining = false, double EvalScale = 1, string Scale = "1/(1-p)",
        bool OneDraw = false, double RateFactor = 1)
    {
        public double[] Run(double[] x, double p, bool training, Rng rng)
        {
            if (!training && !IgnoresTraining) return Map(x, v => v * (EvalScale == 1 ? 1 : EvalScale == 0 ? 1 / (1 - p) : 1 - p));
            double scale = Scale switch { "1/(1-p)" => 1 / (1 - p), "1/p" => 1 / p, "1-p" => 1 - p, _ => 1 };
            double shared = rng.NextDouble();
            return Map(x, v =>
            {
                double u = OneDraw ? shared : rng.NextDouble();
                bool keep = KeepWithP ? u < p : u >= p * RateFactor;
                return keep ? v * scale : 0;
            });
        }
    }

    [Fact]
    public void Dropout_passes_inverted_dropout_written_three_ways()
    {
        var r = Check.Dropout(new Dropout().Run);
        Verdict.Passes(r);
        Assert.Matches(@"training dropped \d+\.\d% at p = 0.2 and \d+\.\d% at p = 0.7 of 20000 entries", r.Message);
        Verdict.Passes(Check.Dropout((x, p, training, rng) => training ? Map(x, v => rng.NextDouble() > p ? v / (1 - p) : 0) : x));
        Verdict.Passes(Check.Dropout((x, p, training, rng) =>
        {
            if (!training) return (double[])x.Clone();
            var mask = Map(x, _ => rng.NextDouble() < 1 - p ? 1.0 : 0.0);
            return Zip(x, mask, (v, m) => v * m / (1 - p));
        }));
    }

    public static TheoryData<string, string> Faults => new()
    {
        { "no-rescale", "divides the kept entries by 1 − p" },
        { "drops-in-eval", "drop units in eval mode" },
        { "scales-in-eval", "scale in eval mode" },
        { "keeps-with-p", "keep each unit with probability p" },
        { "p-is-keep-probability", "treat p as the probability of keeping" },
        { "one-draw", "one random number per entry" },
        { "scales-by-1/p", "you divide by p" },
        { "multiplies-by-keep", "you multiply by 1 − p" },
        { "drop-rate", "drop rate is off" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Dropout_names_each_typical_fault(string fault, string phrase)
    {
        var dropout = fault switch
        {
            "no-rescale" => new Dropout(Scale: "1"),
            "drops-in-eval" => new Dropout(IgnoresTraining: true),
            "scales-in-eval" => new Dropout(EvalScale: 0),
            "keeps-with-p" => new Dropout(KeepWithP: true),
            "p-is-keep-probability" => new Dropout(KeepWithP: true, Scale: "1/p"),
            "one-draw" => new Dropout(OneDraw: true),
            "scales-by-1/p" => new Dropout(Scale: "1/p"),
            "multiplies-by-keep" => new Dropout(Scale: "1-p"),
            _ => new Dropout(RateFactor: 0.5),
        };
        Verdict.Names(Check.Dropout(dropout.Run), fault, phrase);
    }

    [Fact]
    public void Dropout_scaled_by_1_minus_p_at_eval_is_the_old_non_inverted_convention()
    {
        Verdict.Names(Check.Dropout(new Dropout(EvalScale: 0.5).Run), "scales-in-eval", "identity");
    }

    [Fact]
    public void Dropout_reports_an_unrecognised_eval_answer_and_mixed_scaling()
    {
        var eval = Check.Dropout((x, p, training, rng) => training ? new Dropout().Run(x, p, training, rng) : Map(x, v => v + 1));
        Assert.False(eval.Passed);
        Assert.Null(eval.Fault);
        Assert.StartsWith("wrong value in eval mode", eval.Message);
        Assert.StartsWith("at eval, p = 0.2, y[0]: expected", eval.Evidence);

        var mixed = Check.Dropout((x, p, training, rng) => training
            ? x.Select((v, k) => rng.NextDouble() < p ? 0 : k % 2 == 0 ? v / (1 - p) : v).ToArray()
            : x);
        Assert.False(mixed.Passed);
        Assert.Null(mixed.Fault);
        Assert.StartsWith("some kept entries are divided by 1 − p and some are not", mixed.Message);
        Assert.Contains("(kept): expected", mixed.Evidence);
    }

    [Fact]
    public void Dropout_at_p_zero_must_return_x_in_training()
    {
        var r = Check.Dropout((x, p, training, rng) => p == 0 ? new double[x.Length] : new Dropout().Run(x, p, training, rng));
        Assert.False(r.Passed);
        Assert.Contains("at p = 0 nothing is dropped", r.Message);
        Assert.StartsWith("at training, p = 0, y[0]: expected", r.Evidence);
    }

    [Fact]
    public void Dropout_reports_an_unrecognised_answer_a_wrong_length_and_an_exception()
    {
        var odd = Check.Dropout((x, p, training, rng) => training ? Map(x, v => rng.NextDouble() < p ? 0 : v + 1) : x);
        Assert.False(odd.Passed);
        Assert.Null(odd.Fault);
        Assert.Contains("0 (dropped) or x/(1 − p)", odd.Message);
        Assert.Matches(@"expected 0 or .+, got .+", odd.Evidence);

        var shape = Check.Dropout((x, p, training, rng) => x.Take(10).ToArray());
        Assert.Equal("wrong-shape", shape.Fault);
        Assert.Contains("returned 10 entries, expected 20000", shape.Message);

        Verdict.Threw(Check.Dropout((x, p, training, rng) => training ? throw new InvalidOperationException("mask") : x),
            "InvalidOperationException", "mask");
        Assert.StartsWith("not written yet", Check.Dropout((x, p, training, rng) => throw new NotImplementedException()).Message);
    }
}

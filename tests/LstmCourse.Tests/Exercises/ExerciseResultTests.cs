using LstmCourse.Display;
using LstmCourse.Exercises;
using static LstmCourse.Tests.Exercises.Learner;
using Check = LstmCourse.Exercises.Check;

namespace LstmCourse.Tests.Exercises;

public class ExerciseResultTests
{
    [Fact]
    public void ThrowIfWrong_returns_a_passed_result_and_throws_the_diagnosis_for_a_wrong_one()
    {
        var right = Check.Tanh(Math.Tanh);
        Assert.Same(right, right.ThrowIfWrong());

        var wrong = Check.TanhDerivative(x => 1 - x * x);
        var ex = Assert.Throws<ExerciseFailedException>(() => wrong.ThrowIfWrong());
        Assert.Same(wrong, ex.Result);
        Assert.Equal(wrong.ToString(), ex.Message);
        Assert.StartsWith("✘ tanh derivative: your derivative of tanh uses x, not tanh(x)", ex.Message);
        Assert.Contains("(at x = -8: expected", ex.Message);
    }

    [Fact]
    public void Every_check_rejects_a_missing_function()
    {
        Assert.Throws<ArgumentNullException>(() => Check.Sigmoid(null!));
        Assert.Throws<ArgumentNullException>(() => Check.LstmStep(null!));
        Assert.Throws<ArgumentNullException>(() => Check.Dropout(null!));
    }

    [Fact]
    public void A_null_result_is_reported_as_a_wrong_shape()
    {
        var r = Check.Softmax(z => null!);
        Assert.Equal("wrong-shape", r.Fault);
        Assert.Contains("p is null", r.Message);
        Assert.Equal("at z = [1, 2, 3]", r.Evidence);
    }

    [Fact]
    public void Non_finite_numbers_print_as_NaN_and_infinity()
    {
        var r = Check.RepeatedProduct((w, n) => w > 5 ? double.NegativeInfinity : Math.Pow(w, n));
        Verdict.Mismatch(r);
        Assert.Equal("at w = 10, n = 400: expected ∞, got -∞", r.Evidence);
    }

    [Fact]
    public void The_notebook_formatter_renders_html_and_plain_text()
    {
        var attribute = Assert.Single(typeof(ExerciseResult).GetCustomAttributes(typeof(TypeFormatterSourceAttribute), false));
        var source = (TypeFormatterSourceAttribute)attribute;
        Assert.Equal(["text/html", "text/plain"], source.PreferredMimeTypes);
        var formatters = new ExerciseResultFormatterSource().CreateTypeFormatters().Cast<MimeFormatter>().ToList();
        Assert.Equal(["text/html", "text/plain"], formatters.Select(f => f.MimeType));

        var wrong = Check.Gate((x, W, b, signal) => Zip(MatVec(W, x), signal, (z, s) => Sigmoid(z) * s));
        string Render(MimeFormatter f, object value)
        {
            using var writer = new StringWriter();
            Assert.True(f.Format(value, writer));
            return writer.ToString();
        }
        Assert.Equal(wrong.ToString(), Render(formatters[1], wrong));
        var html = Render(formatters[0], wrong);
        Assert.Contains("#cf222e", html);
        Assert.Contains("✘ <b>gate</b>: you forgot the bias b: σ(W x + b) ⊙ signal", html);
        Assert.Contains("<span", html);
        Assert.Contains("#1a7f37", Render(formatters[0], Check.Relu(x => Math.Max(0, x))));
        Assert.False(formatters[0].Format("not a result", new StringWriter()));
    }
}

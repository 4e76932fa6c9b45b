using LstmCourse.Losses;

namespace LstmCourse.Tests.Losses;

public class SoftmaxTests
{
    public static TheoryData<double[]> Logits() => new()
    {
        new[] { 1000.0, -1000.0, 0.0 },
        new[] { 1000.0, 1000.0, 1000.0 },
        new[] { -1000.0, -1000.0 },
        new[] { -1000.0, 999.0, 1000.0, -3.5 },
        new[] { 0.1, -0.2, 0.3, 2.0, -7.0 },
        new[] { 42.0 },
        new[] { 709.0, 710.0, -745.0, 0.0 },
    };

    [Theory]
    [MemberData(nameof(Logits))]
    public void Probabilities_are_finite_in_0_1_and_sum_to_1(double[] z)
    {
        var p = Softmax.Apply(z);
        Assert.All(p, v => Assert.InRange(v, 0.0, 1.0));
        Assert.Equal(1.0, p.Sum(), 1e-15);
    }

    [Theory]
    [MemberData(nameof(Logits))]
    public void Float_probabilities_are_finite_and_sum_to_1_at_any_temperature(double[] z)
    {
        var zf = z.Select(v => (float)v).ToArray();
        foreach (float tau in new[] { 0.1f, 1f, 10f })
        {
            var p = new float[zf.Length];
            Softmax.Apply(zf, p, tau);
            Assert.All(p, v => Assert.InRange(v, 0f, 1f));
            Assert.Equal(1.0, p.Sum(v => (double)v), 1e-6);
        }
    }

    [Fact]
    public void Equal_logits_give_equal_probabilities_even_at_1000()
    {
        Assert.All(Softmax.Apply([1000.0, 1000.0, 1000.0, 1000.0]), v => Assert.Equal(0.25, v));
        Assert.Equal([1.0, 0.0], Softmax.Apply([1000.0, -1000.0]));
    }

    [Fact]
    public void Shifting_every_logit_changes_nothing_and_moderate_logits_match_the_textbook_formula()
    {
        double[] z = [0.125, -0.25, 0.375, 2.0, -7.0];                   // dyadic, so z + 900 is exact
        var p = Softmax.Apply(z);
        var shifted = Softmax.Apply(z.Select(v => v + 900).ToArray());
        double sum = z.Sum(Math.Exp);
        for (int k = 0; k < z.Length; k++)
        {
            Assert.Equal(p[k], shifted[k], 1e-15);
            Assert.Equal(Math.Exp(z[k]) / sum, p[k], 1e-15);
        }
    }

    [Fact]
    public void LogProbability_is_exact_where_the_probability_underflows()
    {
        Assert.Equal(-2000.0, Softmax.LogProbability([1000.0, -1000.0], 1));
        Assert.Equal(0.0, Softmax.LogProbability([1000.0, -1000.0], 0));
        double[] z = [0.1, -0.2, 0.3];
        var p = Softmax.Apply(z);
        for (int k = 0; k < 3; k++) Assert.Equal(Math.Log(p[k]), Softmax.LogProbability(z, k), 1e-15);
    }

    [Fact]
    public void Temperature_flattens_and_sharpens()
    {
        float[] z = [1f, 2f, 3f];
        var hot = new float[3];
        var cold = new float[3];
        Softmax.Apply(z, hot, 1000f);
        Softmax.Apply(z, cold, 0.01f);
        Assert.All(hot, v => Assert.Equal(1f / 3, v, 1e-3f));
        Assert.Equal(1f, cold[2], 1e-6f);
    }

    [Fact]
    public void Empty_logits_wrong_output_length_and_bad_temperature_are_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Softmax.Apply(ReadOnlySpan<double>.Empty));
        Assert.Equal("z", ex.ParamName);
        Assert.Contains("logits are empty", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Softmax.Apply(new double[3], new double[2]));
        Assert.Contains("p has length 2, expected 3", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Softmax.Apply(new float[3], new float[3], 0f));
        Assert.Equal("temperature", ex.ParamName);
        Assert.Contains("temperature must be a positive number, got 0", ex.Message);
        Assert.Throws<ArgumentException>(() => Softmax.Apply(new float[3], new float[3], float.NaN));
    }
}

using LstmCourse.Exercises;
using LstmCourse.Numerics;

namespace LstmCourse.Tests.Exercises;

/// <summary>Plain loops the way a learner writes them in a notebook cell, independent of the library's Linalg.</summary>
internal static class Learner
{
    public static double[] MatVec(Matrix W, double[] x)
    {
        var y = new double[W.Rows];
        for (int r = 0; r < W.Rows; r++)
            for (int c = 0; c < x.Length; c++) y[r] += W[r, c] * x[c];
        return y;
    }

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    public static double[] Map(double[] v, Func<double, double> f) => v.Select(f).ToArray();

    public static double[] Zip(double[] a, double[] b, Func<double, double, double> f) => a.Zip(b, f).ToArray();
}

/// <summary>Assertions on a check's verdict.</summary>
internal static class Verdict
{
    public static void Passes(ExerciseResult r)
    {
        Assert.True(r.Passed, r.ToString());
        Assert.Null(r.Fault);
        Assert.Null(r.Evidence);
        Assert.StartsWith("✔ ", r.ToString());
    }

    /// <summary>Failed with the fault <paramref name="key"/>, a diagnosis mentioning <paramref name="phrase"/>, and evidence.</summary>
    public static void Names(ExerciseResult r, string key, string phrase)
    {
        Assert.False(r.Passed, r.ToString());
        Assert.Equal(key, r.Fault);
        Assert.Contains(phrase, r.Message);
        Assert.NotNull(r.Evidence);
        Assert.StartsWith("✘ ", r.ToString());
    }

    /// <summary>Failed with no typical fault: the generic mismatch, expected vs got.</summary>
    public static void Mismatch(ExerciseResult r)
    {
        Assert.False(r.Passed, r.ToString());
        Assert.Null(r.Fault);
        Assert.StartsWith("wrong value", r.Message);
        Assert.Matches(@"^at .+: expected .+, got .+$", r.Evidence);
    }

    public static void Threw(ExerciseResult r, string exceptionName, string message)
    {
        Assert.False(r.Passed, r.ToString());
        Assert.Equal("threw", r.Fault);
        Assert.Contains(exceptionName, r.Message);
        Assert.Contains(message, r.Message);
        Assert.StartsWith("at ", r.Evidence);
    }
}

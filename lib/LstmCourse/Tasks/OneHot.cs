namespace LstmCourse.Tasks;

/// <summary>e_k: the vector of length n that is 1 at k and 0 elsewhere, and a token sequence as such vectors.</summary>
public static class OneHot
{
    public static double[] Vector(int k, int n)
    {
        if (n <= 0) throw new ArgumentException($"n must be a positive size, got {n}.", nameof(n));
        if ((uint)k >= (uint)n) throw new ArgumentException($"index {k} is outside 0..{n - 1}.", nameof(k));
        var x = new double[n];
        x[k] = 1;
        return x;
    }

    /// <summary>One one-hot vector per token: (T x n).</summary>
    public static double[][] Sequence(IReadOnlyList<int> tokens, int n) => tokens.Select(k => Vector(k, n)).ToArray();
}

namespace LstmCourse.Losses;

/// <summary>Softmax cross-entropy: L = −log p_y with p = softmax(z), and its gradient dL/dz = p − onehot(y).</summary>
/// <remarks>
/// <code>
/// L(z, y)  = −log softmax(z)_y = log Σ_j exp(z_j) − z_y
/// dL/dz_k  = p_k − [k = y]
/// over a sequence: L = (1/T') Σ_t L(z_t, y_t), T' = steps that have a target
/// </code>
/// Taught in notebooks/06-modeling-sequences.ipynb.
/// </remarks>
public static class CrossEntropy
{
    /// <summary>−log softmax(z)_y; writes p − onehot(y) into <paramref name="dz"/> scaled by <paramref name="scale"/>.</summary>
    /// <remarks>The loss comes from log-sum-exp, not from log p_y: p_y underflows to 0 once z_y trails the max by
    /// more than ~745, and the loss must keep growing there (it is 2000 at z = [1000, −1000], y = 1).</remarks>
    public static double LossAndGradient(ReadOnlySpan<double> z, int y, Span<double> dz, double scale = 1.0)
    {
        if ((uint)y >= (uint)z.Length)
            throw new ArgumentException($"target {y} is outside the {z.Length} classes (0..{z.Length - 1}).", nameof(y));
        Softmax.Apply(z, dz);
        double loss = -Softmax.LogProbability(z, y);
        dz[y] -= 1;
        for (int k = 0; k < dz.Length; k++) dz[k] *= scale;
        return loss;
    }

    /// <summary>−log softmax(z)_y, computed from log-sum-exp so it stays finite for extreme logits.</summary>
    public static double Loss(ReadOnlySpan<double> z, int y)
    {
        if ((uint)y >= (uint)z.Length)
            throw new ArgumentException($"target {y} is outside the {z.Length} classes (0..{z.Length - 1}).", nameof(y));
        return -Softmax.LogProbability(z, y);
    }

    /// <summary>Mean loss over the steps that have a target (target &lt; 0 means none) and the gradient of that
    /// mean for every step's logits (null where no target).</summary>
    public static (double loss, double[]?[] dzs) SequenceLossAndGradients(IReadOnlyList<double[]> zs, IReadOnlyList<int> ys)
    {
        if (zs.Count != ys.Count) throw new ArgumentException($"there are {zs.Count} steps of logits but {ys.Count} targets.", nameof(ys));
        int counted = ys.Count(y => y >= 0);
        if (counted == 0) throw new ArgumentException("no step has a target (all targets are negative).", nameof(ys));
        double loss = 0;
        var dzs = new double[]?[zs.Count];
        for (int t = 0; t < zs.Count; t++)
        {
            if (ys[t] < 0) continue;
            if (ys[t] >= zs[t].Length)
                throw new ArgumentException($"ys[{t}] is {ys[t]}, outside the {zs[t].Length} classes (0..{zs[t].Length - 1}); use -1 for a step without a target.", nameof(ys));
            dzs[t] = new double[zs[t].Length];
            loss += LossAndGradient(zs[t], ys[t], dzs[t], 1.0 / counted);
        }
        return (loss / counted, dzs);
    }
}

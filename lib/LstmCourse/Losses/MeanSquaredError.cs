namespace LstmCourse.Losses;

/// <summary>L = ½ Σ_k (ŷ_k − y_k)², dL/dŷ = ŷ − y: the loss for predicting real values (signals, next sample).</summary>
/// <remarks>Over a sequence the loss is averaged over steps that have a target. Taught in notebooks/06-modeling-sequences.ipynb.</remarks>
public static class MeanSquaredError
{
    public static double LossAndGradient(ReadOnlySpan<double> yHat, ReadOnlySpan<double> y, Span<double> dyHat, double scale = 1.0)
    {
        if (y.Length != yHat.Length) throw new ArgumentException($"target has length {y.Length}, prediction has {yHat.Length}.", nameof(y));
        if (dyHat.Length != yHat.Length) throw new ArgumentException($"dyHat has length {dyHat.Length}, expected {yHat.Length}.", nameof(dyHat));
        double loss = 0;
        for (int k = 0; k < y.Length; k++)
        {
            double e = yHat[k] - y[k];
            loss += 0.5 * e * e;
            dyHat[k] = e * scale;
        }
        return loss;
    }

    /// <summary>Mean over steps with a target (null = none) and each step's gradient of that mean.</summary>
    public static (double loss, double[]?[] dys) SequenceLossAndGradients(IReadOnlyList<double[]> yHats, IReadOnlyList<double[]?> ys)
    {
        if (yHats.Count != ys.Count) throw new ArgumentException($"there are {yHats.Count} predictions but {ys.Count} targets.", nameof(ys));
        int counted = ys.Count(y => y is not null);
        if (counted == 0) throw new ArgumentException("no step has a target (all are null).", nameof(ys));
        double loss = 0;
        var dys = new double[]?[yHats.Count];
        for (int t = 0; t < yHats.Count; t++)
        {
            if (ys[t] is not { } y) continue;
            dys[t] = new double[yHats[t].Length];
            loss += LossAndGradient(yHats[t], y, dys[t], 1.0 / counted);
        }
        return (loss / counted, dys);
    }
}

namespace LstmCourse.Training;

/// <summary>Stops when the validation loss has not improved on its best by more than <see cref="MinDelta"/>
/// for <see cref="Patience"/> evaluations in a row.</summary>
/// <remarks>
/// <code>
/// improved  ⇔  loss &lt; best − minDelta;   improved: best = loss, bad = 0;   else bad = bad + 1
/// stop      ⇔  bad ≥ patience
/// </code>
/// Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public sealed class EarlyStopping
{
    public EarlyStopping(int patience, double minDelta = 0)
    {
        if (patience < 1) throw new ArgumentOutOfRangeException(nameof(patience), patience, $"patience must be at least 1 evaluation, got {patience}.");
        if (!(minDelta >= 0) || !double.IsFinite(minDelta)) throw new ArgumentOutOfRangeException(nameof(minDelta), minDelta, $"minDelta must be 0 or a positive number, got {minDelta}.");
        Patience = patience;
        MinDelta = minDelta;
    }

    public int Patience { get; }
    public double MinDelta { get; }

    /// <summary>The lowest validation loss seen (+∞ before the first).</summary>
    public double Best { get; private set; } = double.PositiveInfinity;

    /// <summary>The step at which <see cref="Best"/> was seen (−1 before the first).</summary>
    public long BestStep { get; private set; } = -1;

    /// <summary>Evaluations in a row without improvement.</summary>
    public int BadEvaluations { get; private set; }

    public bool ShouldStop => BadEvaluations >= Patience;

    /// <summary>Records one validation loss; returns true when it improved on the best.</summary>
    public bool Update(double validationLoss, long step)
    {
        if (double.IsNaN(validationLoss)) throw new ArgumentException("validationLoss is NaN; the model diverged.", nameof(validationLoss));
        if (validationLoss < Best - MinDelta)
        {
            Best = validationLoss;
            BestStep = step;
            BadEvaluations = 0;
            return true;
        }
        BadEvaluations++;
        return false;
    }

    /// <summary>Restores the counters saved in a checkpoint.</summary>
    internal void Restore(double best, long bestStep, int badEvaluations) => (Best, BestStep, BadEvaluations) = (best, bestStep, badEvaluations);
}

namespace LstmCourse.Fitting;

/// <summary>One epoch of a fit: mean training loss and accuracy over the epoch's updates, the mean and largest global
/// gradient norm (before clipping), and the validation loss and accuracy after the epoch (NaN when not measured).</summary>
/// <remarks>Accuracy is NaN for regression. Losses are the data loss only, without the L1/L2 penalty.</remarks>
public sealed record EpochReport(
    int Epoch, double TrainLoss, double TrainAccuracy, double GradientNorm, double MaxGradientNorm,
    double ValidationLoss, double ValidationAccuracy)
{
    public override string ToString() =>
        $"epoch {Epoch,4}  loss {TrainLoss:F4}  acc {TrainAccuracy:P1}  |g| {GradientNorm:F3} (max {MaxGradientNorm:F3})" +
        (double.IsNaN(ValidationLoss) ? "" : $"  val loss {ValidationLoss:F4}  val acc {ValidationAccuracy:P1}");
}

/// <summary>Every epoch's report, in order.</summary>
public sealed record FitHistory(IReadOnlyList<EpochReport> Epochs)
{
    public EpochReport Last => Epochs[^1];

    public double[] TrainLoss => Epochs.Select(e => e.TrainLoss).ToArray();
    public double[] TrainAccuracy => Epochs.Select(e => e.TrainAccuracy).ToArray();
    public double[] GradientNorm => Epochs.Select(e => e.GradientNorm).ToArray();
    public double[] ValidationLoss => Epochs.Select(e => e.ValidationLoss).ToArray();
    public double[] ValidationAccuracy => Epochs.Select(e => e.ValidationAccuracy).ToArray();

    public override string ToString() => string.Join(Environment.NewLine, Epochs);
}

/// <summary>Mean loss and accuracy of a model over a set of examples (accuracy NaN for regression).</summary>
public readonly record struct Evaluation(double Loss, double Accuracy);

using LstmCourse.Fast;
using LstmCourse.Text;

namespace LstmCourse.Training;

/// <summary>
/// What trains the lab's character model from a <see cref="TrainingConfig"/>: our <see cref="Trainer"/> (the fast float32
/// engine), or the same model in a framework (LstmCourse.Torch's TorchTrainer, nn.LSTM + nn.Linear). The lab's tools run
/// either the same way and write the same run folder.
/// </summary>
public interface ITrainer
{
    TrainingConfig Config { get; }

    Vocabulary Vocabulary { get; }

    /// <summary>One row per step so far.</summary>
    IReadOnlyList<TrainingMetrics> History { get; }

    /// <summary>Trains until MaxSteps, the TimeBudget, early stopping, cancellation or <paramref name="steps"/> more steps;
    /// <paramref name="onStep"/> hears every step's row.</summary>
    TrainingResult Run(IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default, int? steps = null,
        Action<TrainingMetrics>? onStep = null);

    /// <summary>The run in our checkpoint format.</summary>
    Checkpoint ToCheckpoint();

    /// <summary>The trained weights as our <see cref="CharLstm"/> (what the sampler runs).</summary>
    CharLstm ToCharLstm();

    /// <summary>Writes the history as metrics.csv, atomically.</summary>
    void WriteMetricsCsv(string path);
}

using LstmCourse.IO;
using System.Globalization;
using System.Text;

namespace LstmCourse.Training;

/// <summary>One row of a run's history: the numbers after optimizer step <see cref="Step"/>.</summary>
/// <param name="TrainLoss">Mean cross-entropy of the step's batch, in nats per character (without the L1/L2 penalty).</param>
/// <param name="Penalty">The L1/L2 penalty added to the loss that was minimised (0 when off).</param>
/// <param name="ValidationLoss">Mean cross-entropy on the validation text, on the rows where it was evaluated.</param>
/// <param name="GradientNorm">‖g‖ before clipping.</param>
public sealed record TrainingMetrics(
    long Step, double Epoch, double ElapsedSeconds, double TrainLoss, double Penalty, double? ValidationLoss,
    double GradientNorm, double LearningRate, double CharsPerSecond)
{
    /// <summary>bits per character = nats / ln 2.</summary>
    public static double BitsPerChar(double nats) => nats / Math.Log(2);

    public double TrainBpc => BitsPerChar(TrainLoss);
    public double? ValidationBpc => ValidationLoss is { } v ? BitsPerChar(v) : null;

    /// <summary>The CSV header, column names in snake_case for pandas and spreadsheets.</summary>
    public const string CsvHeader = "step,epoch,elapsed_seconds,train_loss,train_bpc,penalty,validation_loss,validation_bpc,gradient_norm,learning_rate,chars_per_second";

    /// <summary>The row as CSV (invariant culture, round-trip precision; an empty cell where there was no validation).</summary>
    public string ToCsvLine()
    {
        static string F(double? x) => x is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
        return string.Join(",", Step.ToString(CultureInfo.InvariantCulture), F(Epoch), F(ElapsedSeconds), F(TrainLoss), F(TrainBpc),
            F(Penalty), F(ValidationLoss), F(ValidationBpc), F(GradientNorm), F(LearningRate), F(CharsPerSecond));
    }

    /// <summary>Reads a metrics.csv written by <see cref="WriteCsv"/> or appended to by <see cref="MetricsCsvLog"/>: a
    /// last line without its newline (a run killed mid-write) is left out; any other bad line is an error naming it.</summary>
    /// <exception cref="InvalidDataException">Not a metrics file, or a complete line that is not a row.</exception>
    public static IReadOnlyList<TrainingMetrics> ReadCsv(string path)
    {
        string full = Path.GetFullPath(path);
        var file = MetricsCsv.Parse(File.ReadAllText(full));
        return file.Problem is { } problem ? throw new InvalidDataException($"'{full}': {problem}.") : file.Rows;
    }

    /// <summary>Writes a header and one line per row to <paramref name="path"/>, atomically.</summary>
    public static void WriteCsv(IEnumerable<TrainingMetrics> rows, string path)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder().Append(CsvHeader).Append('\n');
        foreach (var row in rows) sb.Append(row.ToCsvLine()).Append('\n');
        AtomicFile.WriteAllText(path, sb.ToString());
    }
}

/// <summary>What a progress report shows: the mean training loss since the last report and, when evaluated, the validation loss.</summary>
public sealed record TrainingProgress(
    long Step, long MaxSteps, double Epoch, double TrainLoss, double? ValidationLoss, double LearningRate,
    double CharsPerSecond, TimeSpan Elapsed)
{
    public double TrainBpc => TrainingMetrics.BitsPerChar(TrainLoss);
    public double? ValidationBpc => ValidationLoss is { } v ? TrainingMetrics.BitsPerChar(v) : null;

    /// <summary>One log line: <c>step 200/3000  epoch 0.42  train 1.873 nats (2.702 bpc)  val 1.951 (2.815 bpc)  lr 0.002  41.2k chars/s  00:00:15</c>.</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        string validation = ValidationLoss is { } v ? string.Format(inv, "  val {0:F3} ({1:F3} bpc)", v, ValidationBpc) : "";
        return string.Format(inv, "step {0}/{1}  epoch {2:F2}  train {3:F3} nats ({4:F3} bpc){5}  lr {6:G3}  {7:F1}k chars/s  {8:hh\\:mm\\:ss}",
            Step, MaxSteps, Epoch, TrainLoss, TrainBpc, validation, LearningRate, CharsPerSecond / 1000, Elapsed);
    }
}

/// <summary>Why <see cref="Trainer.Run"/> returned.</summary>
public enum StopReason { MaxSteps, StepsRequested, TimeBudget, EarlyStopping, Cancelled }

/// <summary>How a run ended.</summary>
/// <param name="TrainLoss">Mean training loss over the last <see cref="TrainingConfig.LogEvery"/> steps.</param>
public sealed record TrainingResult(StopReason Reason, long Steps, double TrainLoss, double? ValidationLoss,
    double? BestValidationLoss, long? BestStep, TimeSpan Elapsed)
{
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        string validation = ValidationLoss is { } v ? string.Format(inv, ", validation {0:F3} nats ({1:F3} bpc)", v, TrainingMetrics.BitsPerChar(v)) : "";
        string best = BestValidationLoss is { } b ? string.Format(inv, ", best {0:F3} at step {1}", b, BestStep) : "";
        return string.Format(inv, "stopped ({0}) after {1} steps in {2:hh\\:mm\\:ss}: train {3:F3} nats ({4:F3} bpc){5}{6}",
            Reason, Steps, Elapsed, TrainLoss, TrainingMetrics.BitsPerChar(TrainLoss), validation, best);
    }
}

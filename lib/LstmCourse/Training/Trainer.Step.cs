using System.Diagnostics;
using System.Globalization;
using LstmCourse.Text;

namespace LstmCourse.Training;

public sealed partial class Trainer
{
    /// <summary>One optimizer step on the next batch; returns (and appends to <see cref="History"/>) its metrics row.</summary>
    /// <exception cref="TrainingDivergedException">The loss or gradient norm is not finite, or the loss exceeds
    /// DivergenceFactor x the first loss; the weights are left as they were before this step.</exception>
    public TrainingMetrics TrainStep()
    {
        int N = Config.BatchSize, T = Config.SequenceLength;
        var parameters = Model.Parameters;
        if (train.EndOfEpoch)
        {
            train.NextEpoch();
            state.Reset();                                   // the streams jump back to their starts: forget
        }
        if (!train.CarriesState) state.Reset();              // every row starts a document, as a sample does: from zero
        train.Read(x, y);                                    // (N x T) inputs and next-character targets
        double lr = Schedule.At(Step);                       // η_t
        long started = Stopwatch.GetTimestamp();

        float dropout = (float)Config.Dropout;
        double loss = Model.ForwardBackward(x, y, N, T, state, dropout, dropout > 0 ? dropoutRng : null);
        double penalty = Config.L1 > 0 || Config.L2 > 0 ? Regularization.AddToGradients(parameters, Config.L1, Config.L2) : 0;
        double norm = Config.ClipNorm > 0 ? GradientClipping.ClipByGlobalNorm(parameters, Config.ClipNorm) : GradientClipping.GlobalNorm(parameters);
        if (Config.ClipValue > 0) GradientClipping.ClipByValue(parameters, Config.ClipValue);
        CheckDivergence(Step + 1, loss, norm, lr);
        Optimizer.Step(parameters, (float)lr);

        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Step++;
        if (Step == 1) initialLoss = loss;
        var row = new TrainingMetrics(Step, train.EpochFraction, elapsedSeconds, loss, penalty, null, norm, lr, seconds > 0 ? N * T / seconds : 0);
        history.Add(row);
        return row;
    }

    /// <summary>The mean cross-entropy (nats per character) over the validation text — ValidationBatches batches of it,
    /// or all when 0 — in evaluation mode (no dropout), carrying the state from batch to batch from zero.</summary>
    public double ValidationLoss()
    {
        if (validation is null || validationState is null)
            throw new InvalidOperationException("there is no validation text (ValidationFraction is 0, or the split left none); set ValidationFraction to 0.1.");
        validation.Rewind();
        validationState.Reset();
        int batches = Config.ValidationBatches == 0 ? validation.BatchesPerEpoch : Math.Min(Config.ValidationBatches, validation.BatchesPerEpoch);
        double sum = 0;
        for (int b = 0; b < batches; b++)
        {
            validation.Read(vx, vy);
            sum += Model.Loss(vx, vy, validation.N, validation.T, validationState);
        }
        return sum / batches;
    }

    /// <summary>Saves a checkpoint only once its weights have shown a sane loss: the validation loss just computed (checked
    /// by <see cref="Evaluate"/>), or else an evaluation-mode loss on the coming training batch (from a copy of the carried
    /// state, so nothing moves). An update that wrecked the weights thus never overwrites the last good checkpoint.</summary>
    private void SaveCheckedCheckpoint(string path, bool evaluated)
    {
        if (!evaluated)
        {
            int N = Config.BatchSize, T = Config.SequenceLength;
            int[] px = new int[N * T], py = new int[N * T];
            train.Peek(px, py);
            double loss = Model.Loss(px, py, N, T, train.EndOfEpoch || !train.CarriesState ? Model.NewState(N) : state.Copy());
            CheckDivergence(Step, loss, null, history[^1].LearningRate, "after its update, the loss on the next batch");
        }
        SaveCheckpoint(path);
    }

    /// <summary>Validation loss into the last history row, guarded like a training loss; only the scheduled evaluations
    /// (every EvaluateEvery steps) count for early stopping, so pausing and resuming a run does not change when it stops.</summary>
    private void Evaluate()
    {
        double loss = ValidationLoss();
        history[^1] = history[^1] with { ValidationLoss = loss };
        CheckDivergence(Step, loss, null, history[^1].LearningRate, "after its update, the validation loss");
        if (Step % Config.EvaluateEvery == 0) EarlyStopping?.Update(loss, Step);
    }

    private void CheckDivergence(long step, double loss, double? norm, double lr, string lossName = "the loss")
    {
        string? what = null;
        if (!double.IsFinite(loss)) what = $"{lossName} is {Show(loss)}";
        else if (norm is { } n && !double.IsFinite(n)) what = $"the gradient norm is {Show(n)}";
        else if (Config.DivergenceFactor > 0 && step > 1 && loss > Config.DivergenceFactor * initialLoss)
            what = $"{lossName} {Show(loss)} is above DivergenceFactor {Show(Config.DivergenceFactor)} x the first step's loss {Show(initialLoss)}";
        if (what is null) return;
        string clip = Config.ClipNorm > 0
            ? $", or lower ClipNorm from {Show(Config.ClipNorm)} to {Show(Config.ClipNorm / 2)}"
            : ", or set ClipNorm to 5";
        string resume = Config.CheckpointPath is { } path && File.Exists(path)
            ? $" The last good checkpoint, '{Path.GetFullPath(path)}', is unchanged: resume from it with the new settings."
            : "";
        throw new TrainingDivergedException(
            $"Training diverged at step {step}: {what} (learning rate {Show(lr)}{(norm is { } g ? $", gradient norm {Show(g)}" : "")}). "
            + $"Lower LearningRate from {Show(Config.LearningRate)} to {Show(Config.LearningRate / 4)}{clip}.{resume}", step, loss, norm ?? double.NaN);
    }

    private static string Show(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>FNV-1a over the lengths and tokens of both parts: catches a resume on a different text.</summary>
    private static ulong Fingerprint(TextSplit data)
    {
        ulong hash = 14695981039346656037UL;
        void Mix(int v) { hash = (hash ^ (uint)v) * 1099511628211UL; }
        Mix(data.Train.Length);
        foreach (int t in data.Train) Mix(t);
        Mix(data.Validation.Length);
        foreach (int t in data.Validation) Mix(t);
        return hash;
    }
}

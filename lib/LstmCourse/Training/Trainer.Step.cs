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

    private void CheckDivergence(long step, double loss, double norm, double lr)
    {
        string? what = null;
        if (!double.IsFinite(loss)) what = $"the loss is {Show(loss)}";
        else if (!double.IsFinite(norm)) what = $"the gradient norm is {Show(norm)}";
        else if (Config.DivergenceFactor > 0 && step > 1 && loss > Config.DivergenceFactor * initialLoss)
            what = $"the loss {Show(loss)} is above DivergenceFactor {Show(Config.DivergenceFactor)} x the first step's loss {Show(initialLoss)}";
        if (what is null) return;
        string clip = Config.ClipNorm > 0
            ? $", or lower ClipNorm from {Show(Config.ClipNorm)} to {Show(Config.ClipNorm / 2)}"
            : ", or set ClipNorm to 5";
        string resume = Config.CheckpointPath is { } path && File.Exists(path)
            ? $" The last good checkpoint, '{Path.GetFullPath(path)}', is unchanged: resume from it with the new settings."
            : "";
        throw new TrainingDivergedException(
            $"Training diverged at step {step}: {what} (learning rate {Show(lr)}, gradient norm {Show(norm)}). "
            + $"Lower LearningRate from {Show(Config.LearningRate)} to {Show(Config.LearningRate / 4)}{clip}.{resume}", step, loss, norm);
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

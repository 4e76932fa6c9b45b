using System.Diagnostics;
using System.Globalization;
using LstmCourse.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LstmCourse.Torch;

public sealed partial class TorchTrainer
{
    /// <summary>One optimizer step on the next batch; returns (and appends to <see cref="History"/>) its metrics row.</summary>
    /// <exception cref="TrainingDivergedException">The loss or gradient norm is not finite, or the loss exceeds DivergenceFactor x
    /// the first loss; the weights are left as they were before this step.</exception>
    public TrainingMetrics TrainStep()
    {
        int N = Config.BatchSize, T = Config.SequenceLength, V = Vocabulary.Size;
        if (train.EndOfEpoch)
        {
            train.NextEpoch();
            ResetCarried();                                  // the streams jump back to their starts: forget
        }
        if (!train.CarriesState) ResetCarried();             // every row starts a document, from zero
        train.Read(x, y);
        double lr = Schedule.At(Step);
        foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
        long started = Stopwatch.GetTimestamp();
        double loss, norm;
        using (var scope = torch.NewDisposeScope())
        {
            var (logits, state) = Module.call(Module.OneHot(Tokens(x, N, T)), carried);      // (N x T x V)
            var L = nn.functional.cross_entropy(logits.reshape(N * T, V), Tokens(y, N * T));
            optimizer.zero_grad();
            L.backward();
            loss = L.item<float>();
            norm = Config.ClipNorm > 0 ? nn.utils.clip_grad_norm_(parameters, Config.ClipNorm) : GlobalNorm();
            CheckDivergence(Step + 1, loss, norm, lr);
            optimizer.step();
            ResetCarried();
            carried = (state.H.detach().MoveToOuterDisposeScope(), state.C.detach().MoveToOuterDisposeScope());   // carried, not differentiated
        }
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Step++;
        if (Step == 1) initialLoss = loss;
        var row = new TrainingMetrics(Step, train.EpochFraction, elapsedSeconds, loss, 0, null, norm, lr, seconds > 0 ? N * T / seconds : 0);
        history.Add(row);
        return row;
    }

    /// <summary>The mean cross-entropy over ValidationBatches batches of the validation text (all when 0), the state carried from zero.</summary>
    public double ValidationLoss()
    {
        if (validation is null)
            throw new InvalidOperationException("there is no validation text (ValidationFraction is 0, or the split left none); set ValidationFraction to 0.1.");
        validation.Rewind();
        int batches = Config.ValidationBatches == 0 ? validation.BatchesPerEpoch : Math.Min(Config.ValidationBatches, validation.BatchesPerEpoch);
        double sum = 0;
        (Tensor H, Tensor C)? state = null;
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        for (int b = 0; b < batches; b++)
        {
            validation.Read(vx, vy);
            var (logits, next) = Module.call(Module.OneHot(Tokens(vx, validation.N, validation.T)), state);
            sum += nn.functional.cross_entropy(logits.reshape(validation.N * validation.T, Vocabulary.Size), Tokens(vy, validation.N * validation.T)).item<float>();
            state = next;
        }
        return sum / batches;
    }

    private void Evaluate()
    {
        double loss = ValidationLoss();
        history[^1] = history[^1] with { ValidationLoss = loss };
        CheckDivergence(Step, loss, null, history[^1].LearningRate, "after its update, the validation loss");
        if (Step % Config.EvaluateEvery == 0) EarlyStopping?.Update(loss, Step);
    }

    private static Tensor Tokens(int[] ids, params long[] shape) => torch.tensor(ids.Select(v => (long)v).ToArray(), shape);

    private double GlobalNorm()
    {
        double sum = 0;
        foreach (var p in parameters)
            if (p.grad is { } g) { using var s = g.pow(2).sum(); sum += s.item<float>(); }
        return Math.Sqrt(sum);
    }

    private void ResetCarried()
    {
        carried?.H.Dispose();
        carried?.C.Dispose();
        carried = null;
    }

    private void CheckDivergence(long step, double loss, double? norm, double lr, string lossName = "the loss")
    {
        string? what = null;
        if (!double.IsFinite(loss)) what = $"{lossName} is {Show(loss)}";
        else if (norm is { } n && !double.IsFinite(n)) what = $"the gradient norm is {Show(n)}";
        else if (Config.DivergenceFactor > 0 && step > 1 && loss > Config.DivergenceFactor * initialLoss)
            what = $"{lossName} {Show(loss)} is above DivergenceFactor {Show(Config.DivergenceFactor)} x the first step's loss {Show(initialLoss)}";
        if (what is null) return;
        string clip = Config.ClipNorm > 0 ? $", or lower ClipNorm from {Show(Config.ClipNorm)} to {Show(Config.ClipNorm / 2)}" : ", or set ClipNorm to 5";
        throw new TrainingDivergedException(
            $"Training (TorchSharp) diverged at step {step}: {what} (learning rate {Show(lr)}{(norm is { } g ? $", gradient norm {Show(g)}" : "")}). " +
            $"Lower LearningRate from {Show(Config.LearningRate)} to {Show(Config.LearningRate / 4)}{clip}.", step, loss, norm ?? double.NaN);
    }

    private static string Show(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}

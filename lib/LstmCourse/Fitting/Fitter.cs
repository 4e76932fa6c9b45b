using LstmCourse.Models;
using LstmCourse.Numerics;

namespace LstmCourse.Fitting;

/// <summary>The training loop: epochs of shuffled minibatches, each an averaged gradient, an optional penalty and
/// clip, and one optimizer step.</summary>
/// <remarks>
/// <code>
/// for epoch = 1..E:
///     shuffle the examples (seeded)
///     for each minibatch B:
///         g = (1/|B|) Σ_{e ∈ B} dL_e/dθ          examples summed in a fixed order, then averaged
///         g += λ₂ θ + λ₁ sign(θ)                  L2 / L1 penalty gradients
///         ‖g‖ measured; g clipped to ClipNorm     (optional)
///         θ ← optimizer(θ, g)
///     evaluate the validation set
/// </code>
/// Same config and seed → the same numbers, bit for bit. A loss that turns NaN or infinite stops the run with a message.
/// Taught in notebooks/06-modeling-sequences.ipynb and 07-regularization-and-tuning.ipynb.
/// </remarks>
public static class Fitter
{
    /// <summary>Trains a <see cref="SequenceModel"/> (cross-entropy on labels, squared error on real targets, full BPTT).</summary>
    public static FitHistory Fit(SequenceModel model, IReadOnlyList<Example> train, FitConfig config,
        IReadOnlyList<Example>? validation = null, Action<EpochReport>? onEpoch = null) =>
        Fit(new SequenceModelFit(model), train, config, validation, onEpoch);

    /// <summary>Trains any <see cref="IFittable"/> model; calls <paramref name="onEpoch"/> after every epoch.</summary>
    public static FitHistory Fit(IFittable model, IReadOnlyList<Example> train, FitConfig config,
        IReadOnlyList<Example>? validation = null, Action<EpochReport>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(config);
        if (train.Count == 0) throw new ArgumentException("train is empty; give at least one example.", nameof(train));
        if (validation is { Count: 0 }) throw new ArgumentException("validation is empty; pass null to skip validation.", nameof(validation));
        config.Validate();
        var ps = model.Parameters;
        var optimizer = config.CreateOptimizer();
        var rng = new Rng(config.Seed);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var reports = new List<EpochReport>();
        for (int epoch = 1; epoch <= config.Epochs; epoch++)
        {
            if (config.Shuffle) Shuffle(order, rng);
            double lossSum = 0, normSum = 0, normMax = 0;
            long correct = 0, counted = 0;
            int batches = 0;
            for (int start = 0; start < order.Length; start += config.BatchSize)
            {
                int end = Math.Min(start + config.BatchSize, order.Length);
                ps.ZeroGrad();
                for (int j = start; j < end; j++)                               // Σ_e dL_e/dθ, in a fixed order
                {
                    var o = model.Evaluate(train[order[j]], backward: true);
                    if (!double.IsFinite(o.Loss))
                        throw new InvalidOperationException($"The loss became {o.Loss} at epoch {epoch} on example {order[j]}. " +
                            "Lower LearningRate (for example by 10x) or set ClipNorm (for example 1).");
                    lossSum += o.Loss;
                    correct += o.Correct;
                    counted += o.Counted;
                }
                Scale(ps, 1.0 / (end - start));                                 // average over the minibatch
                if (config.L2 > 0) Regularization.AddL2(ps, config.L2);
                if (config.L1 > 0) Regularization.AddL1(ps, config.L1);
                double norm = config.ClipNorm is { } c
                    ? GradientClipping.ClipByGlobalNorm(ps, c)
                    : GradientClipping.GlobalNorm(ps);
                normSum += norm;
                normMax = Math.Max(normMax, norm);
                batches++;
                optimizer.Step(ps);
            }
            var val = validation is null ? new Evaluation(double.NaN, double.NaN) : Evaluate(model, validation);
            var report = new EpochReport(epoch, lossSum / train.Count, counted == 0 ? double.NaN : (double)correct / counted,
                normSum / batches, normMax, val.Loss, val.Accuracy);
            reports.Add(report);
            onEpoch?.Invoke(report);
        }
        ps.ZeroGrad();
        return new FitHistory(reports);
    }

    /// <summary>Mean loss over the examples and the per-step accuracy (NaN for regression); no gradients.</summary>
    public static Evaluation Evaluate(IFittable model, IReadOnlyList<Example> examples)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (examples.Count == 0) throw new ArgumentException("examples is empty; give at least one example.", nameof(examples));
        double loss = 0;
        long correct = 0, counted = 0;
        foreach (var e in examples)
        {
            var o = model.Evaluate(e, backward: false);
            loss += o.Loss;
            correct += o.Correct;
            counted += o.Counted;
        }
        return new Evaluation(loss / examples.Count, counted == 0 ? double.NaN : (double)correct / counted);
    }

    /// <summary>Mean loss and per-step accuracy of a <see cref="SequenceModel"/>.</summary>
    public static Evaluation Evaluate(SequenceModel model, IReadOnlyList<Example> examples) =>
        Evaluate(new SequenceModelFit(model), examples);

    /// <summary>Fisher–Yates shuffle in place.</summary>
    internal static void Shuffle(int[] order, Rng rng)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    private static void Scale(Parameters.ParameterSet ps, double s)
    {
        foreach (var p in ps.All)
        {
            var g = p.Grad.Data;
            for (int k = 0; k < g.Length; k++) g[k] *= s;
        }
    }
}

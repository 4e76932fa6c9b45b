using LstmCourse.Losses;
using LstmCourse.Models;
using LstmCourse.Parameters;

namespace LstmCourse.Fitting;

/// <summary>A <see cref="SequenceModel"/> seen by the fitting loop: cross-entropy on class labels, squared error on
/// real targets, full BPTT (or truncated to <see cref="Window"/>).</summary>
public sealed class SequenceModelFit : IFittable
{
    public SequenceModelFit(SequenceModel model, int? window = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (window is <= 0) throw new ArgumentException($"window must be a positive number of steps, got {window}.", nameof(window));
        Model = model;
        Window = window;
    }

    public SequenceModel Model { get; }

    /// <summary>Truncated-BPTT window (null = full BPTT).</summary>
    public int? Window { get; }

    public ParameterSet Parameters => Model.Parameters;

    public ExampleOutcome Evaluate(Example example, bool backward)
    {
        if (example.InputSize != Model.InputSize)
            throw new ArgumentException($"the example's inputs have size {example.InputSize} but the model expects {Model.InputSize}.", nameof(example));
        var trace = Model.Forward(example.Xs);
        double loss;
        double[]?[] dzs;
        int correct = 0, counted = 0;
        if (example.Labels is { } ys)
        {
            (loss, dzs) = CrossEntropy.SequenceLossAndGradients(trace.Zs, ys);
            for (int t = 0; t < ys.Length; t++)
            {
                if (ys[t] < 0) continue;
                counted++;
                if (Accuracy.ArgMax(trace.Zs[t]) == ys[t]) correct++;
            }
        }
        else
        {
            for (int t = 0; t < example.Steps; t++)
                if (example.Targets![t] is { } y && y.Length != Model.OutputSize)
                    throw new ArgumentException($"targets[{t}] has length {y.Length} but the model outputs {Model.OutputSize} values.", nameof(example));
            (loss, dzs) = MeanSquaredError.SequenceLossAndGradients(trace.Zs, example.Targets!);
        }
        if (backward) Model.Backward(trace, dzs, null, Window);
        return new ExampleOutcome(loss, correct, counted);
    }
}

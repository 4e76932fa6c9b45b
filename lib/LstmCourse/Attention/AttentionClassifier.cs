using LstmCourse.Cells;
using LstmCourse.Fitting;
using LstmCourse.Losses;
using LstmCourse.Numerics;
using LstmCourse.Parameters;
using LstmCourse.Sequences;

namespace LstmCourse.Attention;

/// <summary>A recurrent encoder whose stored states h_1..h_T are read by an <see cref="AttentionReadout"/>:
/// α = softmax(q·h_t), context = Σ α_t h_t, z = Wy context + by. A many-to-one classifier, trained end to end.</summary>
/// <remarks>
/// <code>
/// h_1..h_T = encoder(x_1..x_T)                 (T x H)  LSTM or RNN, every h_t kept, not only h_T
/// z = AttentionReadout(h_1..h_T)                the read-out's equations, forward and backward, are in AttentionReadout
/// dh_t from the read-out, then BPTT through the encoder with these dh_t
/// </code>
/// The final-state model must carry the first token through every later step; here dL/dh_1 arrives in one hop,
/// so the first token can be looked up however long the sequence. Parameters: <c>layer0.Wx</c>, <c>layer0.Wh</c>,
/// <c>layer0.b</c>, <c>q</c>, <c>Wy</c>, <c>by</c>.
/// </remarks>
public sealed class AttentionClassifier : IFittable
{
    private AttentionClassifier(IRecurrentCell cell, int outputSize, Rng rng)
    {
        Check.Positive(nameof(outputSize), outputSize);
        Encoder = new RecurrentLayer(cell);
        Readout = new AttentionReadout(cell.HiddenSize, outputSize, rng);
        Parameters = new ParameterSet(cell.Parameters.Concat(Readout.Parameters.All));
    }

    /// <summary>An LSTM encoder (forget-gate bias <paramref name="forgetBias"/>) with the attention read-out.</summary>
    public static AttentionClassifier Lstm(int inputSize, int hiddenSize, int outputSize, int seed = 0, double forgetBias = 1.0)
    {
        var rng = new Rng(seed);
        return new AttentionClassifier(new LstmCell(inputSize, hiddenSize, rng, forgetBias, "layer0."), outputSize, rng);
    }

    /// <summary>A plain tanh RNN encoder with the attention read-out.</summary>
    public static AttentionClassifier Rnn(int inputSize, int hiddenSize, int outputSize, int seed = 0)
    {
        var rng = new Rng(seed);
        return new AttentionClassifier(new RnnCell(inputSize, hiddenSize, rng, "layer0."), outputSize, rng);
    }

    public RecurrentLayer Encoder { get; }

    /// <summary>The attention over every h_t and the read-out after it.</summary>
    public AttentionReadout Readout { get; }

    /// <summary>The learned query (H x 1).</summary>
    public Parameter q => Readout.q;
    /// <summary>Read-out weights (V x H).</summary>
    public Parameter Wy => Readout.Wy;
    /// <summary>Read-out bias (V x 1).</summary>
    public Parameter by => Readout.by;

    public ParameterSet Parameters { get; }

    public int InputSize => Encoder.Cell.InputSize;
    public int HiddenSize => Encoder.Cell.HiddenSize;
    public int OutputSize => Readout.OutputSize;

    /// <summary>Encodes the sequence, attends over every h_t and reads out the logits.</summary>
    public AttentionTrace Forward(IReadOnlyList<double[]> xs)
    {
        var trace = Encoder.Forward(xs);
        var hs = trace.Hs.ToArray();                                         // (T x H) every h_t, not only h_T
        var r = Readout.Forward(hs);
        return new AttentionTrace(trace, hs, r.Scores, r.Alpha, r.Context, r.Z);
    }

    /// <summary>Given dL/dz, accumulates every parameter's gradient (read-out, query and the encoder through BPTT).
    /// The trace's encoder stack is consumed.</summary>
    public void Backward(AttentionTrace trace, double[] dz)
    {
        var dhs = Readout.Backward(trace.Hs, new ReadoutTrace(trace.Scores, trace.Alpha, trace.Context, trace.Z), dz);
        Encoder.Backward(trace.Encoder, dhs);                                // BPTT through the encoder with these dh_t
    }

    /// <summary>The attention weights α_1..α_T over a sequence (for charts).</summary>
    public double[] AttentionWeights(IReadOnlyList<double[]> xs) => Forward(xs).Alpha;

    /// <summary>The predicted class: argmax of the logits.</summary>
    public int Predict(IReadOnlyList<double[]> xs) => Accuracy.ArgMax(Forward(xs).Z);

    /// <summary>Cross-entropy of the example's label, which must sit at its last step (a many-to-one example).</summary>
    public ExampleOutcome Evaluate(Example example, bool backward)
    {
        int y = AttentionReadout.LastLabel(example);
        var trace = Forward(example.Xs);
        var dz = new double[OutputSize];
        double loss = CrossEntropy.LossAndGradient(trace.Z, y, dz);
        if (backward) Backward(trace, dz);
        return new ExampleOutcome(loss, Accuracy.ArgMax(trace.Z) == y ? 1 : 0, 1);
    }
}

/// <summary>One forward pass of an <see cref="AttentionClassifier"/>: the encoder's stack, every h_t, the scores s_t,
/// the weights α_t, the context vector and the logits z.</summary>
public sealed record AttentionTrace(SequenceTrace Encoder, double[][] Hs, double[] Scores, double[] Alpha, double[] Context, double[] Z);

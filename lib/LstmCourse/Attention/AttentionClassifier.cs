using LstmCourse.Cells;
using LstmCourse.Fitting;
using LstmCourse.Losses;
using LstmCourse.Numerics;
using LstmCourse.Parameters;
using LstmCourse.Sequences;

namespace LstmCourse.Attention;

/// <summary>A recurrent encoder whose stored states h_1..h_T are read by dot-product attention with a learned query q:
/// α = softmax(q·h_t), context = Σ α_t h_t, z = Wy context + by. A many-to-one classifier.</summary>
/// <remarks>
/// <code>
/// h_1..h_T = encoder(x_1..x_T)                 (T x H)  LSTM or RNN, every h_t kept, not only h_T
/// s_t = q · h_t                                 score of step t, q (H) learned
/// α_t = exp(s_t) / Σ_j exp(s_j)                 attention weights, Σ α_t = 1
/// context = Σ_t α_t h_t                         (H)
/// z = Wy context + by                           (V) logits;  L = −log softmax(z)_y
/// backward, from dz = softmax(z) − onehot(y):
///   dWy += dz contextᵀ   dby += dz   dcontext = Wyᵀ dz
///   dα_t = dcontext · h_t
///   ds_t = α_t (dα_t − Σ_j α_j dα_j)            softmax's Jacobian
///   dq = Σ_t ds_t h_t
///   dh_t = α_t dcontext + ds_t q                then BPTT through the encoder with these dh_t
/// </code>
/// The final-state model must carry the first token through every later step; here dL/dh_1 arrives in one hop,
/// so the first token can be looked up however long the sequence (the slides' remedy for "forgotten information
/// cannot come back"). Parameters: <c>layer0.Wx</c>, <c>layer0.Wh</c>, <c>layer0.b</c>, <c>q</c>, <c>Wy</c>, <c>by</c>.
/// Taught in notebooks/04-lstm-cell.ipynb.
/// </remarks>
public sealed class AttentionClassifier : IFittable
{
    private AttentionClassifier(IRecurrentCell cell, int outputSize, Rng rng)
    {
        Check.Positive(nameof(outputSize), outputSize);
        Encoder = new RecurrentLayer(cell);
        int H = cell.HiddenSize;
        double scale = 1 / Math.Sqrt(H);
        q = new Parameter("q", Matrix.Uniform(H, 1, scale, rng));
        Wy = new Parameter("Wy", Matrix.Uniform(outputSize, H, scale, rng));
        by = new Parameter("by", Matrix.Uniform(outputSize, 1, scale, rng));
        Parameters = new ParameterSet(cell.Parameters.Concat([q, Wy, by]));
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

    /// <summary>The learned query (H x 1).</summary>
    public Parameter q { get; }
    /// <summary>Read-out weights (V x H).</summary>
    public Parameter Wy { get; }
    /// <summary>Read-out bias (V x 1).</summary>
    public Parameter by { get; }

    public ParameterSet Parameters { get; }

    public int InputSize => Encoder.Cell.InputSize;
    public int HiddenSize => Encoder.Cell.HiddenSize;
    public int OutputSize => Wy.Value.Rows;

    /// <summary>Encodes the sequence, attends over every h_t and reads out the logits.</summary>
    public AttentionTrace Forward(IReadOnlyList<double[]> xs)
    {
        int H = HiddenSize;
        var trace = Encoder.Forward(xs);
        var hs = trace.Hs;                                                   // (T x H)
        int T = hs.Count;
        var scores = new double[T];
        for (int t = 0; t < T; t++) scores[t] = Dot(q.Value.Data, hs[t]);   // s_t = q · h_t
        var alpha = Softmax.Apply(scores);                                   // α = softmax(s)
        var context = new double[H];
        for (int t = 0; t < T; t++)
            for (int k = 0; k < H; k++) context[k] += alpha[t] * hs[t][k];   // context = Σ α_t h_t
        var z = (double[])by.Value.Data.Clone();
        Linalg.MulAdd(Wy.Value, context, z);                                 // z = Wy context + by
        return new AttentionTrace(trace, hs.ToArray(), scores, alpha, context, z);
    }

    /// <summary>Given dL/dz, accumulates every parameter's gradient (read-out, query and the encoder through BPTT).
    /// The trace's encoder stack is consumed.</summary>
    public void Backward(AttentionTrace trace, double[] dz)
    {
        Check.Length(nameof(dz), dz.Length, OutputSize);
        int H = HiddenSize, T = trace.Hs.Length;
        var hs = trace.Hs;
        Linalg.OuterAdd(Wy.Grad, dz, trace.Context);                         // dWy += dz contextᵀ
        Linalg.AddInPlace(by.Grad.Data, dz);                                 // dby += dz
        var dContext = new double[H];
        Linalg.MulTransposedAdd(Wy.Value, dz, dContext);                     // dcontext = Wyᵀ dz
        var dAlpha = new double[T];
        double weighted = 0;
        for (int t = 0; t < T; t++)
        {
            dAlpha[t] = Dot(dContext, hs[t]);                                // dα_t = dcontext · h_t
            weighted += trace.Alpha[t] * dAlpha[t];                          // Σ_j α_j dα_j
        }
        var dhs = new double[T][];
        var qv = q.Value.Data;
        var dq = q.Grad.Data;
        for (int t = 0; t < T; t++)
        {
            double a = trace.Alpha[t];
            double ds = a * (dAlpha[t] - weighted);                          // ds_t = α_t (dα_t − Σ α_j dα_j)
            dhs[t] = new double[H];
            for (int k = 0; k < H; k++)
            {
                dq[k] += ds * hs[t][k];                                      // dq += ds_t h_t
                dhs[t][k] = a * dContext[k] + ds * qv[k];                    // dh_t = α_t dcontext + ds_t q
            }
        }
        Encoder.Backward(trace.Encoder, dhs);                                // BPTT through the encoder
    }

    /// <summary>The attention weights α_1..α_T over a sequence (for charts).</summary>
    public double[] AttentionWeights(IReadOnlyList<double[]> xs) => Forward(xs).Alpha;

    /// <summary>The predicted class: argmax of the logits.</summary>
    public int Predict(IReadOnlyList<double[]> xs) => Accuracy.ArgMax(Forward(xs).Z);

    /// <summary>Cross-entropy of the example's label, which must sit at its last step (a many-to-one example).</summary>
    public ExampleOutcome Evaluate(Example example, bool backward)
    {
        if (example.Labels is not { } ys)
            throw new ArgumentException("the attention classifier needs class labels; this example has real-valued targets.", nameof(example));
        for (int t = 0; t < ys.Length - 1; t++)
            if (ys[t] >= 0)
                throw new ArgumentException($"the example has a label at step {t}; the attention classifier reads out once, so only the last step may have one (use Example.ManyToOne).", nameof(example));
        int y = ys[^1];
        if (y < 0) throw new ArgumentException("the example's last step has no label (−1); use Example.ManyToOne.", nameof(example));
        var trace = Forward(example.Xs);
        var dz = new double[OutputSize];
        double loss = CrossEntropy.LossAndGradient(trace.Z, y, dz);
        if (backward) Backward(trace, dz);
        return new ExampleOutcome(loss, Accuracy.ArgMax(trace.Z) == y ? 1 : 0, 1);
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int k = 0; k < a.Length; k++) s += a[k] * b[k];
        return s;
    }
}

/// <summary>One forward pass of an <see cref="AttentionClassifier"/>: the encoder's stack, every h_t, the scores s_t,
/// the weights α_t, the context vector and the logits z.</summary>
public sealed record AttentionTrace(SequenceTrace Encoder, double[][] Hs, double[] Scores, double[] Alpha, double[] Context, double[] Z);

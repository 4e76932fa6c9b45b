using LstmCourse.Fitting;
using LstmCourse.Losses;
using LstmCourse.Numerics;
using LstmCourse.Parameters;

namespace LstmCourse.Attention;

/// <summary>Dot-product attention over stored states v_1..v_T with a learned query q, then a linear read-out:
/// α = softmax(q·v_t), context = Σ α_t v_t, z = Wy context + by.</summary>
/// <remarks>
/// <code>
/// s_t = q · v_t                                 score of step t, q (D) learned
/// α_t = exp(s_t) / Σ_j exp(s_j)                 attention weights, Σ α_t = 1
/// context = Σ_t α_t v_t                         (D)
/// z = Wy context + by                           (V) logits;  L = −log softmax(z)_y
/// backward, from dz = softmax(z) − onehot(y):
///   dWy += dz contextᵀ   dby += dz   dcontext = Wyᵀ dz
///   dα_t = dcontext · v_t
///   ds_t = α_t (dα_t − Σ_j α_j dα_j)            softmax's Jacobian
///   dq += Σ_t ds_t v_t
///   dv_t = α_t dcontext + ds_t q
/// </code>
/// Trained on its own (an <see cref="IFittable"/> whose examples' inputs are the stored states, the label at the last
/// step) it reads the states of a network that is not trained any further: it can only find what those states hold.
/// <see cref="AttentionClassifier"/> puts it on a recurrent encoder and trains both. Parameters: <c>q</c>, <c>Wy</c>,
/// <c>by</c>. Taught in notebooks/04-lstm-cell.ipynb.
/// </remarks>
public sealed class AttentionReadout : IFittable
{
    /// <summary>q, Wy and by from U(−1/√D, 1/√D).</summary>
    public AttentionReadout(int stateSize, int outputSize, Rng rng)
    {
        Check.Positive(nameof(stateSize), stateSize);
        Check.Positive(nameof(outputSize), outputSize);
        ArgumentNullException.ThrowIfNull(rng);
        double scale = 1 / Math.Sqrt(stateSize);
        q = new Parameter("q", Matrix.Uniform(stateSize, 1, scale, rng));
        Wy = new Parameter("Wy", Matrix.Uniform(outputSize, stateSize, scale, rng));
        by = new Parameter("by", Matrix.Uniform(outputSize, 1, scale, rng));
        Parameters = new ParameterSet([q, Wy, by]);
    }

    /// <summary>A read-out with weights drawn from <c>new Rng(seed)</c>.</summary>
    public AttentionReadout(int stateSize, int outputSize, int seed = 0) : this(stateSize, outputSize, new Rng(seed)) { }

    /// <summary>The learned query (D x 1).</summary>
    public Parameter q { get; }
    /// <summary>Read-out weights (V x D).</summary>
    public Parameter Wy { get; }
    /// <summary>Read-out bias (V x 1).</summary>
    public Parameter by { get; }

    public ParameterSet Parameters { get; }

    /// <summary>D, the size of each stored state.</summary>
    public int StateSize => q.Value.Rows;
    public int OutputSize => Wy.Value.Rows;

    /// <summary>Scores, weights, context and logits for the states v_1..v_T.</summary>
    public ReadoutTrace Forward(IReadOnlyList<double[]> vs)
    {
        ArgumentNullException.ThrowIfNull(vs);
        if (vs.Count == 0) throw new ArgumentException("there are no states to attend over; give at least one.", nameof(vs));
        int D = StateSize, T = vs.Count;
        var scores = new double[T];
        for (int t = 0; t < T; t++)
        {
            Check.Length($"vs[{t}]", vs[t].Length, D);
            scores[t] = Dot(q.Value.Data, vs[t]);                            // s_t = q · v_t
        }
        var alpha = Softmax.Apply(scores);                                   // α = softmax(s)
        var context = new double[D];
        for (int t = 0; t < T; t++)
            for (int k = 0; k < D; k++) context[k] += alpha[t] * vs[t][k];   // context = Σ α_t v_t
        var z = (double[])by.Value.Data.Clone();
        Linalg.MulAdd(Wy.Value, context, z);                                 // z = Wy context + by
        return new ReadoutTrace(scores, alpha, context, z);
    }

    /// <summary>Given dL/dz, accumulates dq, dWy, dby and returns dL/dv_t for every stored state.</summary>
    public double[][] Backward(IReadOnlyList<double[]> vs, ReadoutTrace trace, double[] dz)
    {
        Check.Length(nameof(dz), dz.Length, OutputSize);
        int D = StateSize, T = vs.Count;
        Linalg.OuterAdd(Wy.Grad, dz, trace.Context);                         // dWy += dz contextᵀ
        Linalg.AddInPlace(by.Grad.Data, dz);                                 // dby += dz
        var dContext = new double[D];
        Linalg.MulTransposedAdd(Wy.Value, dz, dContext);                     // dcontext = Wyᵀ dz
        var dAlpha = new double[T];
        double weighted = 0;
        for (int t = 0; t < T; t++)
        {
            dAlpha[t] = Dot(dContext, vs[t]);                                // dα_t = dcontext · v_t
            weighted += trace.Alpha[t] * dAlpha[t];                          // Σ_j α_j dα_j
        }
        var dvs = new double[T][];
        var qv = q.Value.Data;
        var dq = q.Grad.Data;
        for (int t = 0; t < T; t++)
        {
            double a = trace.Alpha[t];
            double ds = a * (dAlpha[t] - weighted);                          // ds_t = α_t (dα_t − Σ α_j dα_j)
            dvs[t] = new double[D];
            for (int k = 0; k < D; k++)
            {
                dq[k] += ds * vs[t][k];                                      // dq += ds_t v_t
                dvs[t][k] = a * dContext[k] + ds * qv[k];                    // dv_t = α_t dcontext + ds_t q
            }
        }
        return dvs;
    }

    /// <summary>The attention weights α_1..α_T over the states (for charts).</summary>
    public double[] AttentionWeights(IReadOnlyList<double[]> vs) => Forward(vs).Alpha;

    /// <summary>Cross-entropy of the example's label, which must sit at its last step; its inputs are the states.</summary>
    public ExampleOutcome Evaluate(Example example, bool backward)
    {
        int y = LastLabel(example);
        var trace = Forward(example.Xs);
        var dz = new double[OutputSize];
        double loss = CrossEntropy.LossAndGradient(trace.Z, y, dz);
        if (backward) Backward(example.Xs, trace, dz);
        return new ExampleOutcome(loss, Accuracy.ArgMax(trace.Z) == y ? 1 : 0, 1);
    }

    /// <summary>The class label of a many-to-one example; a clear error for anything else.</summary>
    internal static int LastLabel(Example example)
    {
        ArgumentNullException.ThrowIfNull(example);
        if (example.Labels is not { } ys)
            throw new ArgumentException("attention reads out a class; this example has real-valued targets.", nameof(example));
        for (int t = 0; t < ys.Length - 1; t++)
            if (ys[t] >= 0)
                throw new ArgumentException($"the example has a label at step {t}; attention reads out once, so only the last step may have one (use Example.ManyToOne).", nameof(example));
        return ys[^1] >= 0 ? ys[^1]
            : throw new ArgumentException("the example's last step has no label (−1); use Example.ManyToOne.", nameof(example));
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int k = 0; k < a.Length; k++) s += a[k] * b[k];
        return s;
    }
}

/// <summary>One pass of an <see cref="AttentionReadout"/>: the scores s_t, the weights α_t, the context and the logits z.</summary>
public sealed record ReadoutTrace(double[] Scores, double[] Alpha, double[] Context, double[] Z);

using LstmCourse.Cells;
using LstmCourse.Losses;
using LstmCourse.Numerics;
using LstmCourse.Parameters;
using LstmCourse.Sequences;

namespace LstmCourse.Models;

/// <summary>The reference model in double precision: L stacked recurrent layers over one sequence, then a linear
/// read-out at every step. Readable, not fast; the fast float32 engine is tested against it.</summary>
/// <remarks>
/// <code>
/// h⁰_t = x_t;   (hˡ_t, cˡ_t) = cellˡ(hˡ⁻¹_t, hˡ_{t−1}, cˡ_{t−1})  for l = 1..L;   z_t = Wy hᴸ_t + by
/// </code>
/// Parameters are named <c>layer{l}.Wx</c>, <c>layer{l}.Wh</c>, <c>layer{l}.b</c> (l from 0, like PyTorch's
/// weight_ih_l0), <c>Wy</c>, <c>by</c>. Taught in notebooks/05-bptt.ipynb and 06-modeling-sequences.ipynb.
/// </remarks>
public sealed class SequenceModel
{
    private SequenceModel(IReadOnlyList<RecurrentLayer> layers, OutputLayer output)
    {
        Layers = layers;
        Output = output;
        Parameters = new ParameterSet(layers.SelectMany(l => l.Parameters).Concat(output.Parameters));
    }

    public IReadOnlyList<RecurrentLayer> Layers { get; }
    public OutputLayer Output { get; }
    public ParameterSet Parameters { get; }

    public int InputSize => Layers[0].Cell.InputSize;
    public int HiddenSize => Layers[0].Cell.HiddenSize;
    public int OutputSize => Output.OutputSize;

    /// <summary>An LSTM model; the forget-gate bias starts at <paramref name="forgetBias"/> in every layer.</summary>
    public static SequenceModel Lstm(int inputSize, int hiddenSize, int outputSize, int layers = 1, int seed = 0, double forgetBias = 1.0)
    {
        Check.Positive(nameof(layers), layers);
        var rng = new Rng(seed);
        var ls = Enumerable.Range(0, layers)
            .Select(l => new RecurrentLayer(new LstmCell(l == 0 ? inputSize : hiddenSize, hiddenSize, rng, forgetBias, $"layer{l}.")))
            .ToList();
        return new SequenceModel(ls, new OutputLayer(hiddenSize, outputSize, rng));
    }

    /// <summary>A plain tanh RNN model.</summary>
    public static SequenceModel Rnn(int inputSize, int hiddenSize, int outputSize, int layers = 1, int seed = 0)
    {
        Check.Positive(nameof(layers), layers);
        var rng = new Rng(seed);
        var ls = Enumerable.Range(0, layers)
            .Select(l => new RecurrentLayer(new RnnCell(l == 0 ? inputSize : hiddenSize, hiddenSize, rng, $"layer{l}.")))
            .ToList();
        return new SequenceModel(ls, new OutputLayer(hiddenSize, outputSize, rng));
    }

    /// <summary>Zero initial state for every layer.</summary>
    public RecurrentState[] ZeroStates() => Layers.Select(l => l.ZeroState()).ToArray();

    /// <summary>Runs the sequence through every layer and the read-out; keeps every layer's stack for <see cref="Backward"/>.</summary>
    public ModelTrace Forward(IReadOnlyList<double[]> xs, IReadOnlyList<RecurrentState>? initial = null)
    {
        if (initial is not null && initial.Count != Layers.Count)
            throw new ArgumentException($"initial has {initial.Count} states but the model has {Layers.Count} layers.", nameof(initial));
        var traces = new SequenceTrace[Layers.Count];
        IReadOnlyList<double[]> input = xs;
        for (int l = 0; l < Layers.Count; l++)
        {
            traces[l] = Layers[l].Forward(input, initial?[l]);
            input = traces[l].Hs;
        }
        var zs = input.Select(Output.Forward).ToArray();
        return new ModelTrace(traces, input.ToArray(), zs);
    }

    /// <summary>BPTT through the read-out and every layer, top to bottom. <paramref name="dzs"/> holds dL/dz_t
    /// (null where a step has no loss). Accumulates into every <c>Grad</c>; returns dL/dx_t and dL/d(initial states).</summary>
    public (double[][] dxs, RecurrentState[] dInitial) Backward(
        ModelTrace trace, IReadOnlyList<double[]?> dzs, IReadOnlyList<RecurrentState>? dFinal = null, int? window = null)
    {
        int T = trace.Zs.Length;
        if (dzs.Count != T) throw new ArgumentException($"dzs has {dzs.Count} steps, the trace has {T}.", nameof(dzs));
        IReadOnlyList<double[]?> dhs = Enumerable.Range(0, T)
            .Select(t => dzs[t] is { } dz ? Output.Backward(trace.TopHs[t], dz) : null)
            .ToArray();
        var dInitial = new RecurrentState[Layers.Count];
        for (int l = Layers.Count - 1; l >= 0; l--)
        {
            var (dxs, d0) = Layers[l].Backward(trace.Layers[l], dhs, dFinal?[l], window);
            dInitial[l] = d0;
            dhs = dxs;
        }
        return (dhs.Select(d => d!).ToArray(), dInitial);
    }

    /// <summary>Mean cross-entropy of the targets (−1 = no target at that step), with every gradient accumulated.
    /// Call <c>Parameters.ZeroGrad()</c> first.</summary>
    public double LossAndGradients(IReadOnlyList<double[]> xs, IReadOnlyList<int> ys,
        IReadOnlyList<RecurrentState>? initial = null, int? window = null)
    {
        var trace = Forward(xs, initial);
        var (loss, dzs) = CrossEntropy.SequenceLossAndGradients(trace.Zs, ys);
        Backward(trace, dzs, null, window);
        return loss;
    }

    /// <summary>Mean cross-entropy without gradients.</summary>
    public double Loss(IReadOnlyList<double[]> xs, IReadOnlyList<int> ys, IReadOnlyList<RecurrentState>? initial = null)
    {
        var trace = Forward(xs, initial);
        return CrossEntropy.SequenceLossAndGradients(trace.Zs, ys).loss;
    }
}

/// <summary>A forward pass of a <see cref="SequenceModel"/>: each layer's activation stack, the top hidden states and the outputs z_t.</summary>
public sealed record ModelTrace(SequenceTrace[] Layers, double[][] TopHs, double[][] Zs)
{
    /// <summary>The state after the last step of every layer, to carry into the next chunk.</summary>
    public RecurrentState[] Final => Layers.Select(l => l.Final).ToArray();
}

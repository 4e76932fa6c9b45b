using LstmCourse.Kernels;
using LstmCourse.Numerics;
using LstmCourse.Parameters;
using static LstmCourse.Kernels.Kernels;

namespace LstmCourse.Fast;

/// <summary>The fast float32 character language model: embedding (a column of Wx) → L LSTM layers → Wy → softmax
/// cross-entropy, trained by batched truncated BPTT over N parallel streams of T steps.</summary>
/// <remarks>
/// <code>
/// z⁰_t = Wx⁰[:, x_t] + Wh⁰ h⁰_{t−1} + b⁰          the one-hot product Wx onehot(x_t) is a column gather
/// zˡ_t = Wxˡ (mˡ ⊙ hˡ⁻¹_t) + Whˡ hˡ_{t−1} + bˡ      mˡ: inverted-dropout mask (1 without dropout)
/// (hˡ_t, cˡ_t) = LSTM gates of zˡ_t (order i, f, g, o)
/// y_t = Wy (mʸ ⊙ hᴸ⁻¹_t) + by        L = (1/NT) Σ_{n,t} −log softmax(y_{n,t})[target_{n,t}]
/// </code>
/// Same parameter names, shapes and initial values (rounded to float) as
/// <c>SequenceModel.Lstm(V, H, V, layers, seed, forgetBias)</c> with one-hot inputs. Results are bit-identical for any
/// <see cref="Threads"/>. Not safe to call from two threads at once: it owns its work buffers.
/// The engine of the course's character-LSTM lab; the reference engine (SequenceModel) is the one the notebooks derive.
/// Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public sealed partial class CharLstm
{
    private readonly Layer[] layers;
    private readonly FloatParameter Wy, by;
    private readonly FloatParameter[] parameters;
    private int threads = Environment.ProcessorCount;

    /// <summary>Weights from U(−1/√H, 1/√H) drawn in the reference engine's order, forget-gate bias set to <paramref name="forgetBias"/>.</summary>
    public CharLstm(int vocabSize, int hiddenSize, int layers = 1, int seed = 0, float forgetBias = 1f)
    {
        Check.Positive(nameof(vocabSize), vocabSize);
        Check.Positive(nameof(hiddenSize), hiddenSize);
        Check.Positive(nameof(layers), layers);
        if (!float.IsFinite(forgetBias)) throw new ArgumentException($"forgetBias must be finite, got {forgetBias}.", nameof(forgetBias));
        int V = vocabSize, H = hiddenSize;
        VocabSize = V;
        HiddenSize = H;
        Layers = layers;
        var rng = new Rng(seed);
        double scale = 1 / Math.Sqrt(H);
        this.layers = new Layer[layers];
        for (int l = 0; l < layers; l++)
        {
            int D = l == 0 ? V : H;
            var layer = new Layer(l, D, H);
            Uniform(layer.Wx, scale, rng);
            Uniform(layer.Wh, scale, rng);
            Uniform(layer.b, scale, rng);
            for (int k = H; k < 2 * H; k++) layer.b.Value[k] = forgetBias;   // f ≈ σ(1): start by remembering
            this.layers[l] = layer;
        }
        Wy = NewParameter("Wy", V, H);
        by = NewParameter("by", V, 1);
        Uniform(Wy, scale, rng);
        Uniform(by, scale, rng);
        parameters = [.. this.layers.SelectMany(l => new[] { l.Wx, l.Wh, l.b }), Wy, by];
    }

    public int VocabSize { get; }
    public int HiddenSize { get; }
    public int Layers { get; }

    /// <summary>Threads used by <see cref="ForwardBackward"/> and <see cref="Loss"/>, 1..Environment.ProcessorCount.
    /// The work is split into fixed pieces, so every result is bit-identical whatever the count.</summary>
    public int Threads
    {
        get => threads;
        set
        {
            if (value < 1 || value > Environment.ProcessorCount)
                throw new ArgumentException($"Threads must be between 1 and Environment.ProcessorCount ({Environment.ProcessorCount}), got {value}.", nameof(value));
            threads = value;
        }
    }

    /// <summary>Test hook: any positive thread count, even above the core count, to prove results do not depend on it.</summary>
    internal int ThreadsUnchecked
    {
        set => threads = value >= 1 ? value : throw new ArgumentException($"threads must be at least 1, got {value}.", nameof(value));
    }

    /// <summary>Test hook: the kernel path (scalar, 256- or 512-bit) every kernel of this model uses.</summary>
    internal KernelPath Path { get; set; } = KernelPath.Best;

    /// <summary>layer0.Wx (4H x V), layer0.Wh (4H x H), layer0.b (4H x 1), …, Wy (V x H), by (V x 1).</summary>
    public IReadOnlyList<FloatParameter> Parameters => parameters;

    /// <summary>A copy of every weight in double, in <see cref="Parameters"/> order, named like the reference engine's.</summary>
    public IReadOnlyList<NamedTensor> Export() =>
        parameters.Select(p => new NamedTensor(p.Name, p.Rows, p.Cols, p.Value.Select(v => (double)v).ToArray())).ToList();

    /// <summary>Overwrites every weight by name (rounded to float). Every parameter must be given once with its exact
    /// shape and finite values; nothing changes if any check fails.</summary>
    public void Import(IEnumerable<NamedTensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var list = tensors.ToList();
        var byName = parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string known = string.Join(", ", parameters.Select(p => p.ToString()));
        foreach (var t in list)
        {
            if (t is null) throw new ArgumentException("The import contains a null tensor.", nameof(tensors));
            if (!byName.TryGetValue(t.Name, out var p))
                throw new ArgumentException($"Unknown parameter '{t.Name}' in import. This model has: {known}.", nameof(tensors));
            if (p.Rows != t.Rows || p.Cols != t.Cols)
                throw new ArgumentException($"Parameter '{t.Name}' is {p.Rows}x{p.Cols} but the import gives {t.Rows}x{t.Cols}; " +
                    $"was it saved from a model with other sizes (V={VocabSize}, H={HiddenSize}, layers={Layers} here)?", nameof(tensors));
            if (t.Data is null || t.Data.Length != t.Count)
                throw new ArgumentException($"Parameter '{t.Name}' declares {t.Rows}x{t.Cols} but carries {t.Data?.Length ?? 0} values.", nameof(tensors));
            for (int k = 0; k < t.Data.Length; k++)
                if (!double.IsFinite(t.Data[k]) || !float.IsFinite((float)t.Data[k]))
                    throw new ArgumentException($"Parameter '{t.Name}'[{k}] is {t.Data[k]}, which is not a finite float.", nameof(tensors));
            if (!seen.Add(t.Name)) throw new ArgumentException($"Parameter '{t.Name}' appears twice in the import.", nameof(tensors));
        }
        var missing = parameters.Where(p => !seen.Contains(p.Name)).Select(p => p.Name).ToList();
        if (missing.Count > 0) throw new ArgumentException($"The import lacks parameters: {string.Join(", ", missing)}.", nameof(tensors));
        foreach (var t in list)
        {
            var value = byName[t.Name].Value;
            for (int k = 0; k < value.Length; k++) value[k] = (float)t.Data[k];
        }
    }

    /// <summary>h = c = 0 for every layer, N x H each: the start of N new streams.</summary>
    public BatchState NewState(int batchSize)
    {
        Check.Positive(nameof(batchSize), batchSize);
        return new BatchState(Layers, batchSize, HiddenSize);
    }

    /// <summary>h = c = 0 for every layer, one stream, for sampling with <see cref="Step"/>.</summary>
    public InferenceState NewInferenceState() => new(Layers, HiddenSize);

    private static FloatParameter NewParameter(string name, int rows, int cols) => new(name, rows, cols);

    private static void Uniform(FloatParameter p, double scale, Rng rng)
    {
        for (int k = 0; k < p.Value.Length; k++) p.Value[k] = (float)((2 * rng.NextDouble() - 1) * scale);
    }

    /// <summary>One LSTM layer's weights: Wx (4H x D), Wh (4H x H), b (4H x 1).</summary>
    private sealed class Layer(int index, int D, int H)
    {
        public readonly int D = D;
        public readonly FloatParameter Wx = NewParameter($"layer{index}.Wx", 4 * H, D);
        public readonly FloatParameter Wh = NewParameter($"layer{index}.Wh", 4 * H, H);
        public readonly FloatParameter b = NewParameter($"layer{index}.b", 4 * H, 1);
        public readonly PackedB WhT = new();     // Whᵀ (H x 4H) packed for the forward products h Whᵀ
        public readonly PackedB WhPacked = new();  // Wh (4H x H) packed for the backward products dz Wh
        private PackedB[] unitWhT = [], unitWh = [];

        /// <summary>For a split into units: per part and gate, the part's rows of Wh packed transposed (4 per part).</summary>
        public PackedB[] UnitWhT(int parts) =>
            unitWhT.Length == 4 * parts ? unitWhT : unitWhT = Enumerable.Range(0, 4 * parts).Select(_ => new PackedB()).ToArray();

        /// <summary>For a split into units: per part, the part's columns of Wh packed.</summary>
        public PackedB[] UnitWh(int parts) =>
            unitWh.Length == parts ? unitWh : unitWh = Enumerable.Range(0, parts).Select(_ => new PackedB()).ToArray();
    }
}

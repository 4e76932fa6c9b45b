using LstmCourse.Parameters;

namespace LstmCourse.Torch;

/// <summary>Our parameter names against PyTorch's state_dict keys for <see cref="TorchLstm"/>, and the sizes a state_dict implies.</summary>
/// <remarks>
/// <code>
/// layer{l}.Wx ↔ lstm.weight_ih_l{l}     layer{l}.Wh ↔ lstm.weight_hh_l{l}
/// layer{l}.b  ↔ lstm.bias_ih_l{l} + lstm.bias_hh_l{l}     (to torch: bias_ih = b, bias_hh = 0)
/// Wy ↔ readout.weight                   by (V x 1) ↔ readout.bias (V)
/// </code>
/// Torch keeps two biases because cuDNN adds them in two places; the sum is the only thing the function sees, so
/// the split on the way to torch is a choice: all of b goes to bias_ih and bias_hh starts at 0, which makes the round
/// trip exact (b + 0 = b in any precision). A model trained in torch comes back with the two summed.
/// </remarks>
public static class TorchNames
{
    public static string WeightIh(int l) => $"lstm.weight_ih_l{l}";
    public static string WeightHh(int l) => $"lstm.weight_hh_l{l}";
    public static string BiasIh(int l) => $"lstm.bias_ih_l{l}";
    public static string BiasHh(int l) => $"lstm.bias_hh_l{l}";
    public const string ReadoutWeight = "readout.weight";
    public const string ReadoutBias = "readout.bias";

    /// <summary>Every key of a <see cref="TorchLstm"/> of <paramref name="layers"/> layers with its shape.</summary>
    public static IReadOnlyList<(string Key, long[] Shape)> Keys(int D, int H, int V, int layers)
    {
        var keys = new List<(string, long[])>();
        for (int l = 0; l < layers; l++)
        {
            keys.Add((WeightIh(l), [4L * H, l == 0 ? D : H]));
            keys.Add((WeightHh(l), [4L * H, H]));
            keys.Add((BiasIh(l), [4L * H]));
            keys.Add((BiasHh(l), [4L * H]));
        }
        keys.Add((ReadoutWeight, [V, H]));
        keys.Add((ReadoutBias, [V]));
        return keys;
    }

    /// <summary>Our named weights as state_dict entries (shape and row-major values), bias_hh = 0.</summary>
    public static IReadOnlyList<(string Key, long[] Shape, double[] Data)> ToTorch(IReadOnlyList<NamedTensor> ours, int layers)
    {
        var byName = ours.ToDictionary(t => t.Name, StringComparer.Ordinal);
        NamedTensor Get(string name) => byName.TryGetValue(name, out var t) ? t
            : throw new ArgumentException($"the model has no parameter '{name}'; it has {string.Join(", ", byName.Keys)}.");
        var result = new List<(string, long[], double[])>();
        for (int l = 0; l < layers; l++)
        {
            var Wx = Get($"layer{l}.Wx");
            var Wh = Get($"layer{l}.Wh");
            var b = Get($"layer{l}.b");
            result.Add((WeightIh(l), [Wx.Rows, Wx.Cols], Wx.Data));
            result.Add((WeightHh(l), [Wh.Rows, Wh.Cols], Wh.Data));
            result.Add((BiasIh(l), [b.Count], b.Data));
            result.Add((BiasHh(l), [b.Count], new double[b.Count]));
        }
        var Wy = Get("Wy");
        var by = Get("by");
        result.Add((ReadoutWeight, [Wy.Rows, Wy.Cols], Wy.Data));
        result.Add((ReadoutBias, [by.Count], by.Data));
        return result;
    }

    /// <summary>The sizes (D, H, V, L) a state_dict describes, after checking every key and shape; errors name the key and both sizes.</summary>
    public static (int D, int H, int V, int Layers) Sizes(IReadOnlyDictionary<string, long[]> shapes)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        if (!shapes.TryGetValue(WeightIh(0), out var ih0) || ih0.Length != 2)
            throw new ArgumentException($"the state_dict has no 2-D '{WeightIh(0)}', so it is not an nn.LSTM + nn.Linear (TorchLstm) state_dict; its keys: {Show(shapes.Keys)}.");
        if (!shapes.TryGetValue(ReadoutWeight, out var readout) || readout.Length != 2)
            throw new ArgumentException($"the state_dict has no 2-D '{ReadoutWeight}' (the read-out nn.Linear named 'readout'); its keys: {Show(shapes.Keys)}.");
        if (ih0[0] % 4 != 0) throw new ArgumentException($"'{WeightIh(0)}' has {ih0[0]} rows; an LSTM's are 4H (gates i, f, g, o).");
        int H = (int)(ih0[0] / 4), D = (int)ih0[1], V = (int)readout[0];
        int layers = 0;
        while (shapes.ContainsKey(WeightIh(layers))) layers++;
        var expected = Keys(D, H, V, layers);
        foreach (var (key, shape) in expected)
        {
            if (!shapes.TryGetValue(key, out var got))
                throw new ArgumentException($"the state_dict lacks '{key}' ({string.Join(" x ", shape)}), which an LSTM of {layers} layers with H = {H} needs.");
            if (!got.SequenceEqual(shape))
                throw new ArgumentException($"'{key}' is {string.Join(" x ", got)} but must be {string.Join(" x ", shape)} (D = {D}, H = {H}, V = {V} from " +
                                            $"'{WeightIh(0)}' and '{ReadoutWeight}').");
        }
        var unexpected = shapes.Keys.Except(expected.Select(e => e.Key)).ToList();
        if (unexpected.Count > 0)
            throw new ArgumentException($"the state_dict has keys an nn.LSTM({D}, {H}, {layers}) + nn.Linear({H}, {V}) does not: {Show(unexpected)}.");
        return (D, H, V, layers);
    }

    /// <summary>state_dict entries back to our named weights: b = bias_ih + bias_hh, by as V x 1.</summary>
    public static IReadOnlyList<NamedTensor> FromTorch(IReadOnlyDictionary<string, double[]> values, int D, int H, int V, int layers)
    {
        var result = new List<NamedTensor>();
        for (int l = 0; l < layers; l++)
        {
            result.Add(new NamedTensor($"layer{l}.Wx", 4 * H, l == 0 ? D : H, values[WeightIh(l)]));
            result.Add(new NamedTensor($"layer{l}.Wh", 4 * H, H, values[WeightHh(l)]));
            double[] bih = values[BiasIh(l)], bhh = values[BiasHh(l)];
            result.Add(new NamedTensor($"layer{l}.b", 4 * H, 1, bih.Zip(bhh, (a, c) => a + c).ToArray()));
        }
        result.Add(new NamedTensor("Wy", V, H, values[ReadoutWeight]));
        result.Add(new NamedTensor("by", V, 1, values[ReadoutBias]));
        return result;
    }

    private static string Show(IEnumerable<string> keys) => string.Join(", ", keys.Select(k => $"'{k}'"));
}

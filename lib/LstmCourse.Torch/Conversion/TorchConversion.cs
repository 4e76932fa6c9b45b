using LstmCourse.Cells;
using LstmCourse.Fast;
using LstmCourse.Models;
using LstmCourse.Parameters;
using TorchSharp;
using static TorchSharp.torch;

namespace LstmCourse.Torch;

/// <summary>Our models to <see cref="TorchLstm"/> and back: the reference <see cref="SequenceModel"/> in float64, the fast
/// <see cref="CharLstm"/> in float32. Weights are copied, never shared; see <see cref="TorchNames"/> for the key mapping.</summary>
/// <remarks>
/// <code>
/// SequenceModel.Lstm(D, H, V, L)  ↔  TorchLstm(D, H, V, L, float64)      exact both ways
/// CharLstm(V, H, L)               ↔  TorchLstm(V, H, V, L, float32)      exact both ways; input one_hot(x, V)
/// </code>
/// Taught in notebooks/09-from-scratch-to-torchsharp.ipynb.
/// </remarks>
public static class TorchConversion
{
    /// <summary>A float64 module computing what <paramref name="model"/> computes.</summary>
    public static TorchLstm ToTorch(SequenceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        int l0 = model.Layers.Select((l, i) => (l, i)).FirstOrDefault(p => p.l.Cell is not LstmCell, (null!, -1)).Item2;
        if (l0 >= 0)
            throw new ArgumentException($"layer {l0} of the model is a {model.Layers[l0].Cell.GetType().Name}; nn.LSTM holds LSTM layers only (make the model with SequenceModel.Lstm).", nameof(model));
        var module = new TorchLstm(model.InputSize, model.HiddenSize, model.OutputSize, model.Layers.Count, ScalarType.Float64);
        Load(module, model.Parameters.Export());
        return module;
    }

    /// <summary>A float32 module computing what <paramref name="model"/> computes on one-hot inputs (<see cref="TorchLstm.OneHot"/>).</summary>
    public static TorchLstm ToTorch(CharLstm model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var module = new TorchLstm(model.VocabSize, model.HiddenSize, model.VocabSize, model.Layers, ScalarType.Float32);
        Load(module, model.Export());
        return module;
    }

    /// <summary>The reference model with the module's weights (in double; b = bias_ih + bias_hh).</summary>
    public static SequenceModel ToSequenceModel(TorchLstm module)
    {
        var (D, H, V, L, ours) = Read(module);
        var model = SequenceModel.Lstm(D, H, V, L);
        model.Parameters.Import(ours);
        return model;
    }

    /// <summary>The fast model with the module's weights (rounded to float; b = bias_ih + bias_hh). The module must read one-hot
    /// characters: input size = output size = V.</summary>
    public static CharLstm ToCharLstm(TorchLstm module)
    {
        var (D, H, V, L, ours) = Read(module);
        if (D != V)
            throw new ArgumentException($"the module reads inputs of size {D} but predicts {V} classes; a CharLstm reads one-hot characters of its own vocabulary (D = V).", nameof(module));
        var model = new CharLstm(V, H, L);
        model.Import(ours);
        return model;
    }

    /// <summary>Copies our named weights into the module's parameters (shapes checked by key).</summary>
    internal static void Load(TorchLstm module, IReadOnlyList<NamedTensor> ours)
    {
        var entries = TorchNames.ToTorch(ours, module.Layers);
        var parameters = module.named_parameters().ToDictionary(p => p.name, p => p.parameter, StringComparer.Ordinal);
        using var _ = torch.no_grad();
        foreach (var (key, shape, data) in entries)
        {
            if (!parameters.TryGetValue(key, out var p))
                throw new ArgumentException($"the module has no parameter '{key}'; it has {string.Join(", ", parameters.Keys)}.");
            if (!p.shape.SequenceEqual(shape))
                throw new ArgumentException($"'{key}' is {string.Join(" x ", p.shape)} in the module but {string.Join(" x ", shape)} in the model.");
            using var t = FromDoubles(data, shape, module.DType);
            p.copy_(t);
        }
    }

    /// <summary>The module's weights as our named tensors, with its sizes.</summary>
    internal static (int D, int H, int V, int L, IReadOnlyList<NamedTensor> Ours) Read(TorchLstm module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var state = module.state_dict();
        var (D, H, V, L) = TorchNames.Sizes(state.ToDictionary(kv => kv.Key, kv => kv.Value.shape, StringComparer.Ordinal));
        var values = state.ToDictionary(kv => kv.Key, kv => ToDoubles(kv.Value), StringComparer.Ordinal);
        return (D, H, V, L, TorchNames.FromTorch(values, D, H, V, L));
    }

    /// <summary>A tensor of <paramref name="shape"/> holding row-major <paramref name="data"/> in <paramref name="dtype"/>.</summary>
    public static Tensor FromDoubles(double[] data, long[] shape, ScalarType dtype) =>
        dtype == ScalarType.Float64
            ? torch.tensor(data, shape, ScalarType.Float64)
            : torch.tensor(data.Select(v => (float)v).ToArray(), shape, ScalarType.Float32);

    /// <summary>Every value of <paramref name="t"/>, row-major, widened to double (exact for float32).</summary>
    public static double[] ToDoubles(Tensor t)
    {
        using var d = t.detach().cpu().to_type(ScalarType.Float64).contiguous();
        return d.data<double>().ToArray();
    }
}

using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LstmCourse.Torch;

/// <summary>The course's LSTM in TorchSharp: <c>nn.LSTM(D, H, L, batch_first)</c> then <c>nn.Linear(H, V)</c> at every step.</summary>
/// <remarks>
/// <code>
/// x (N x T x D) → lstm → h (N x T x H) → readout → z (N x T x V)        state (h, c): (L x N x H) each
/// state_dict keys: lstm.weight_ih_l{l} (4H x D), lstm.weight_hh_l{l} (4H x H), lstm.bias_ih_l{l}, lstm.bias_hh_l{l} (4H),
///                  readout.weight (V x H), readout.bias (V)
/// </code>
/// The same function as <c>SequenceModel.Lstm</c> (double) and <c>CharLstm</c> (float, with one-hot inputs, D = V): the gate
/// order is i, f, g, o in both, and our one bias b is <c>bias_ih + bias_hh</c>. Python's twin is in
/// lib/LstmCourse.Torch/Export/check_state_dict.py. Taught in notebooks/09-from-scratch-to-torchsharp.ipynb.
/// </remarks>
public sealed class TorchLstm : nn.Module<Tensor, (Tensor H, Tensor C)?, (Tensor Logits, (Tensor H, Tensor C) State)>
{
    private readonly LSTM lstm;
    private readonly Linear readout;

    /// <summary>A module with PyTorch's default initialisation (U(−1/√H, 1/√H)) in <paramref name="dtype"/>.</summary>
    public TorchLstm(int inputSize, int hiddenSize, int outputSize, int layers = 1, ScalarType dtype = ScalarType.Float32) : base(nameof(TorchLstm))
    {
        TorchBridge.EnsureLoaded();
        if (inputSize < 1 || hiddenSize < 1 || outputSize < 1 || layers < 1)
            throw new ArgumentException($"sizes must be positive: inputSize {inputSize}, hiddenSize {hiddenSize}, outputSize {outputSize}, layers {layers}.");
        if (dtype is not (ScalarType.Float32 or ScalarType.Float64))
            throw new ArgumentException($"dtype is {dtype}; the course's engines are float32 (CharLstm) and float64 (SequenceModel).", nameof(dtype));
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        OutputSize = outputSize;
        Layers = layers;
        DType = dtype;
        lstm = nn.LSTM(inputSize, hiddenSize, layers, batchFirst: true, dtype: dtype);
        readout = nn.Linear(hiddenSize, outputSize, dtype: dtype);
        RegisterComponents();
    }

    public int InputSize { get; }
    public int HiddenSize { get; }
    public int OutputSize { get; }
    public int Layers { get; }
    public ScalarType DType { get; }

    /// <summary>The recurrent part, <c>nn.LSTM</c>.</summary>
    public LSTM Lstm => lstm;

    /// <summary>The read-out, <c>nn.Linear</c>.</summary>
    public Linear Readout => readout;

    /// <summary>Logits for every step of x (N x T x D) from <paramref name="state"/> (zeros when null), and the final (h, c).</summary>
    public override (Tensor Logits, (Tensor H, Tensor C) State) forward(Tensor x, (Tensor H, Tensor C)? state)
    {
        var (output, h, c) = lstm.call(x, state is { } s ? (s.H, s.C) : null);   // output: (N x T x H)
        using (output) return (readout.call(output), (h, c));
    }

    /// <summary>The one-hot rows of token ids (N x T) as the module's input (N x T x V), in its dtype:
    /// the embedding gather of CharLstm, Wx onehot(x) = column x of Wx, written as the product torch computes.</summary>
    public Tensor OneHot(Tensor tokens)
    {
        using var hot = nn.functional.one_hot(tokens, InputSize);
        return hot.to_type(DType);
    }
}

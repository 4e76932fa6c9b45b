using LstmCourse.Activations;
using LstmCourse.Numerics;
using LstmCourse.Parameters;

namespace LstmCourse.Cells;

/// <summary>The plain (Elman) RNN cell: h_t = tanh(Wx x_t + Wh h_{t−1} + b).</summary>
/// <remarks>
/// <code>
/// z   = Wx x_t + Wh h_{t−1} + b          (H)
/// h_t = tanh(z)                          (H)
/// backward:  dz = dh ⊙ (1 − h_t²),  dWx += dz x_tᵀ,  dWh += dz h_{t−1}ᵀ,  db += dz,
///            dx = Wxᵀ dz,  dh_{t−1} = Whᵀ dz
/// </code>
/// Matches torch.nn.RNN(nonlinearity='tanh') with b = b_ih + b_hh.
/// Taught in notebooks/01-why-rnns-forget.ipynb.
/// </remarks>
public sealed class RnnCell : IRecurrentCell
{
    public int InputSize { get; }
    public int HiddenSize { get; }
    public bool HasCellState => false;

    /// <summary>Input weights (H x D).</summary>
    public Parameter Wx { get; }
    /// <summary>Recurrent weights (H x H).</summary>
    public Parameter Wh { get; }
    /// <summary>Bias (H x 1).</summary>
    public Parameter b { get; }

    public IReadOnlyList<Parameter> Parameters => [Wx, Wh, b];

    /// <summary>Weights from U(−1/√H, 1/√H) as PyTorch does; <paramref name="prefix"/> names them (e.g. "layer0.").</summary>
    public RnnCell(int inputSize, int hiddenSize, Rng rng, string prefix = "")
    {
        Check.Positive(nameof(inputSize), inputSize);
        Check.Positive(nameof(hiddenSize), hiddenSize);
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        double scale = 1 / Math.Sqrt(hiddenSize);
        Wx = new Parameter(prefix + "Wx", Matrix.Uniform(hiddenSize, inputSize, scale, rng));
        Wh = new Parameter(prefix + "Wh", Matrix.Uniform(hiddenSize, hiddenSize, scale, rng));
        b = new Parameter(prefix + "b", Matrix.Uniform(hiddenSize, 1, scale, rng));
    }

    public StepCache Forward(double[] x, RecurrentState prev)
    {
        int H = HiddenSize;
        Check.Length(nameof(x), x.Length, InputSize);
        Check.Length("prev.H", prev.H.Length, H);
        Check.Finite(nameof(x), x);
        Check.Finite("prev.H", prev.H);
        var z = (double[])b.Value.Data.Clone();              // (H)
        Linalg.MulAdd(Wx.Value, x, z);                        // += Wx x
        Linalg.MulAdd(Wh.Value, prev.H, z);                   // += Wh hPrev
        var h = new double[H];
        Tanh.Apply(z, h);                                     // h = tanh(z)
        return new RnnStep { X = x, Prev = prev, Next = new RecurrentState(h, []) };
    }

    public (double[] dx, RecurrentState dPrev) Backward(StepCache step, RecurrentState dNext)
    {
        int H = HiddenSize;
        var s = step as RnnStep
            ?? throw new ArgumentException($"step is {step?.GetType().Name ?? "null"}, not the cache of an RNN step.", nameof(step));
        Check.Length("dNext.H", dNext.H.Length, H);
        var h = s.Next.H;
        var dz = new double[H];
        for (int k = 0; k < H; k++) dz[k] = dNext.H[k] * Tanh.DerivativeFromOutput(h[k]);  // dz = dh ⊙ tanh'
        Linalg.OuterAdd(Wx.Grad, dz, s.X);                    // dWx += dz xᵀ
        Linalg.OuterAdd(Wh.Grad, dz, s.Prev.H);               // dWh += dz hPrevᵀ
        Linalg.AddInPlace(b.Grad.Data, dz);                   // db += dz
        var dx = new double[InputSize];
        Linalg.MulTransposedAdd(Wx.Value, dz, dx);            // dx = Wxᵀ dz
        var dhPrev = new double[H];
        Linalg.MulTransposedAdd(Wh.Value, dz, dhPrev);        // dhPrev = Whᵀ dz
        return (dx, new RecurrentState(dhPrev, []));
    }

    private sealed class RnnStep : StepCache;
}

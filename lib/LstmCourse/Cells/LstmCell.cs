using LstmCourse.Activations;
using LstmCourse.Numerics;
using LstmCourse.Parameters;

namespace LstmCourse.Cells;

/// <summary>The LSTM cell, gate order i, f, g, o (PyTorch's): h_t = o_t ⊙ tanh(c_t), c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t.</summary>
/// <remarks>
/// <code>
/// z   = Wx x_t + Wh h_{t−1} + b                    (4H)  rows [i | f | g | o]
/// i_t = σ(z_i)          input gate: how much of the candidate to write
/// f_t = σ(z_f)          forget gate: how much of the old cell state to keep
/// g_t = tanh(z_g)       candidate cell state (the slides' C̃_t)
/// o_t = σ(z_o)          output gate: how much of the cell to show
/// c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t
/// h_t = o_t ⊙ tanh(c_t)
/// backward, from dh = dL/dh_t and dc = dL/dc_t (the part arriving from step t+1):
///   do = dh ⊙ tanh(c_t)              dc += dh ⊙ o_t ⊙ (1 − tanh²(c_t))
///   di = dc ⊙ g_t    dg = dc ⊙ i_t    df = dc ⊙ c_{t−1}    dc_{t−1} = dc ⊙ f_t
///   dz = [di ⊙ i(1−i) | df ⊙ f(1−f) | dg ⊙ (1−g²) | do ⊙ o(1−o)]
///   dWx += dz x_tᵀ   dWh += dz h_{t−1}ᵀ   db += dz   dx = Wxᵀ dz   dh_{t−1} = Whᵀ dz
/// </code>
/// Matches torch.nn.LSTM with b = b_ih + b_hh. Taught in notebooks/04-lstm-cell.ipynb.
/// </remarks>
public sealed class LstmCell : IRecurrentCell
{
    public int InputSize { get; }
    public int HiddenSize { get; }
    public bool HasCellState => true;

    /// <summary>Input weights (4H x D), gate blocks i, f, g, o from top to bottom.</summary>
    public Parameter Wx { get; }
    /// <summary>Recurrent weights (4H x H).</summary>
    public Parameter Wh { get; }
    /// <summary>Bias (4H x 1).</summary>
    public Parameter b { get; }

    public IReadOnlyList<Parameter> Parameters => [Wx, Wh, b];

    /// <summary>Weights from U(−1/√H, 1/√H) as PyTorch does, then the forget-gate bias set to <paramref name="forgetBias"/>.</summary>
    /// <remarks>A forget bias of 1 (Jozefowicz et al., 2015) starts the cell remembering: f ≈ σ(1) ≈ 0.73,
    /// so gradients flow back through c from the first update instead of being cut by a half-shut gate.</remarks>
    public LstmCell(int inputSize, int hiddenSize, Rng rng, double forgetBias = 1.0, string prefix = "")
    {
        Check.Positive(nameof(inputSize), inputSize);
        Check.Positive(nameof(hiddenSize), hiddenSize);
        if (!double.IsFinite(forgetBias)) throw new ArgumentException($"forgetBias must be finite, got {forgetBias}.", nameof(forgetBias));
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        int H = hiddenSize;
        double scale = 1 / Math.Sqrt(H);
        Wx = new Parameter(prefix + "Wx", Matrix.Uniform(4 * H, inputSize, scale, rng));
        Wh = new Parameter(prefix + "Wh", Matrix.Uniform(4 * H, H, scale, rng));
        b = new Parameter(prefix + "b", Matrix.Uniform(4 * H, 1, scale, rng));
        for (int k = H; k < 2 * H; k++) b.Value.Data[k] = forgetBias;
    }

    public StepCache Forward(double[] x, RecurrentState prev)
    {
        int H = HiddenSize;
        Check.Length(nameof(x), x.Length, InputSize);
        Check.Length("prev.H", prev.H.Length, H);
        Check.Length("prev.C", prev.C.Length, H);
        Check.Finite(nameof(x), x);
        Check.Finite("prev.H", prev.H);
        Check.Finite("prev.C", prev.C);
        var z = (double[])b.Value.Data.Clone();              // (4H) starts as b
        Linalg.MulAdd(Wx.Value, x, z);                        // += Wx x
        Linalg.MulAdd(Wh.Value, prev.H, z);                   // += Wh hPrev
        var s = new LstmStep
        {
            X = x, Prev = prev,
            Next = new RecurrentState(new double[H], new double[H]),
            I = new double[H], F = new double[H], G = new double[H], O = new double[H], TanhC = new double[H],
        };
        for (int k = 0; k < H; k++)
        {
            s.I[k] = Sigmoid.Apply(z[k]);                     // input gate
            s.F[k] = Sigmoid.Apply(z[H + k]);                 // forget gate
            s.G[k] = Tanh.Apply(z[2 * H + k]);                // candidate
            s.O[k] = Sigmoid.Apply(z[3 * H + k]);             // output gate
            s.Next.C[k] = s.F[k] * prev.C[k] + s.I[k] * s.G[k];  // c = f ⊙ cPrev + i ⊙ g
            s.TanhC[k] = Tanh.Apply(s.Next.C[k]);
            s.Next.H[k] = s.O[k] * s.TanhC[k];                // h = o ⊙ tanh(c)
        }
        return s;
    }

    public (double[] dx, RecurrentState dPrev) Backward(StepCache step, RecurrentState dNext)
    {
        int H = HiddenSize;
        var s = step as LstmStep
            ?? throw new ArgumentException($"step is {step?.GetType().Name ?? "null"}, not the cache of an LSTM step.", nameof(step));
        Check.Length("dNext.H", dNext.H.Length, H);
        Check.Length("dNext.C", dNext.C.Length, H);
        var dz = new double[4 * H];                           // (4H) [di | df | dg | do] before the activations
        var dcPrev = new double[H];
        for (int k = 0; k < H; k++)
        {
            double dh = dNext.H[k];
            double dOut = dh * s.TanhC[k];                                             // do
            double dc = dNext.C[k] + dh * s.O[k] * Tanh.DerivativeFromOutput(s.TanhC[k]);  // dc through h
            dz[k] = dc * s.G[k] * Sigmoid.DerivativeFromOutput(s.I[k]);               // di ⊙ σ'
            dz[H + k] = dc * s.Prev.C[k] * Sigmoid.DerivativeFromOutput(s.F[k]);      // df ⊙ σ'
            dz[2 * H + k] = dc * s.I[k] * Tanh.DerivativeFromOutput(s.G[k]);          // dg ⊙ tanh'
            dz[3 * H + k] = dOut * Sigmoid.DerivativeFromOutput(s.O[k]);              // do ⊙ σ'
            dcPrev[k] = dc * s.F[k];                                                   // dcPrev = dc ⊙ f
        }
        Linalg.OuterAdd(Wx.Grad, dz, s.X);                    // dWx += dz xᵀ
        Linalg.OuterAdd(Wh.Grad, dz, s.Prev.H);               // dWh += dz hPrevᵀ
        Linalg.AddInPlace(b.Grad.Data, dz);                   // db += dz
        var dx = new double[InputSize];
        Linalg.MulTransposedAdd(Wx.Value, dz, dx);            // dx = Wxᵀ dz
        var dhPrev = new double[H];
        Linalg.MulTransposedAdd(Wh.Value, dz, dhPrev);        // dhPrev = Whᵀ dz
        return (dx, new RecurrentState(dhPrev, dcPrev));
    }

    /// <summary>One LSTM step's cache: the four gate activations and tanh(c_t), which the backward pass reuses.</summary>
    public sealed class LstmStep : StepCache
    {
        public required double[] I { get; init; }
        public required double[] F { get; init; }
        public required double[] G { get; init; }
        public required double[] O { get; init; }
        public required double[] TanhC { get; init; }
    }
}

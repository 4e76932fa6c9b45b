using LstmCourse.Activations;
using LstmCourse.Fitting;
using LstmCourse.Numerics;
using LstmCourse.Parameters;

namespace LstmCourse.FeedForward;

/// <summary>A feed-forward network with one sigmoid output for two classes: the slides' 2-3-1 net is
/// <c>new Mlp([2, 3, 1], HiddenActivation.Sigmoid)</c>.</summary>
/// <remarks>
/// <code>
/// a¹ = W1 x + b1,  h¹ = φ(a¹)            slides: a_k = w_1k x_1 + w_2k x_2 + b_k,  k = 1..3
/// aˡ = Wl hˡ⁻¹ + bl,  hˡ = φ(aˡ)           for every further hidden layer
/// a  = W_L hᴸ⁻¹ + b_L                      the output's input (a logit)
/// y  = σ(a)                                 slides: y = σ(Σ_k w2_k σ(a_k))
/// L  = −[t log y + (1 − t) log(1 − y)]     binary cross-entropy of the label t ∈ {0, 1}
///    = max(a, 0) − t a + log(1 + e^(−|a|)) the same, written so that it never overflows
/// backward:  da = y − t
///            dWl += daˡ hˡ⁻¹ᵀ,  dbl += daˡ,  dhˡ⁻¹ = Wlᵀ daˡ,  daˡ⁻¹ = dhˡ⁻¹ ⊙ φ'(aˡ⁻¹)
/// </code>
/// With φ = identity every layer is linear, so the whole net is σ(w·x + b): one straight decision line, which cannot
/// separate XOR. Parameters are <c>W1</c>, <c>b1</c>, <c>W2</c>, <c>b2</c>, …
/// Taught in notebooks/02-activation-functions.ipynb.
/// </remarks>
public sealed class Mlp : IFittable
{
    private readonly Parameter[] weights;
    private readonly Parameter[] biases;

    /// <param name="sizes">Layer sizes from input to output, for example [2, 3, 1]; the last must be 1.</param>
    /// <param name="activation">φ of every hidden layer.</param>
    /// <param name="seed">Weights from U(−1/√fan_in, 1/√fan_in), as torch.nn.Linear does.</param>
    public Mlp(IReadOnlyList<int> sizes, HiddenActivation activation = HiddenActivation.Sigmoid, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Count < 2)
            throw new ArgumentException($"sizes has {sizes.Count} entries; give at least input and output, for example [2, 3, 1].", nameof(sizes));
        for (int l = 0; l < sizes.Count; l++)
            if (sizes[l] <= 0) throw new ArgumentException($"sizes[{l}] is {sizes[l]}; every layer needs at least one unit.", nameof(sizes));
        if (sizes[^1] != 1)
            throw new ArgumentException($"the last size is {sizes[^1]}, but this network has one sigmoid output (two classes); end sizes with 1.", nameof(sizes));
        if (!Enum.IsDefined(activation)) throw new ArgumentException($"unknown activation {activation}.", nameof(activation));
        Sizes = sizes.ToArray();
        Activation = activation;
        var rng = new Rng(seed);
        int L = Sizes.Count - 1;
        weights = new Parameter[L];
        biases = new Parameter[L];
        for (int l = 0; l < L; l++)
        {
            double scale = 1 / Math.Sqrt(Sizes[l]);
            weights[l] = new Parameter($"W{l + 1}", Matrix.Uniform(Sizes[l + 1], Sizes[l], scale, rng));
            biases[l] = new Parameter($"b{l + 1}", Matrix.Uniform(Sizes[l + 1], 1, scale, rng));
        }
        Parameters = new ParameterSet(Enumerable.Range(0, L).SelectMany(l => new[] { weights[l], biases[l] }));
    }

    public IReadOnlyList<int> Sizes { get; }
    public HiddenActivation Activation { get; }
    public ParameterSet Parameters { get; }

    /// <summary>W1, W2, …: layer l's weights are (sizes[l] x sizes[l−1]).</summary>
    public IReadOnlyList<Parameter> W => weights;

    /// <summary>b1, b2, …</summary>
    public IReadOnlyList<Parameter> b => biases;

    public int InputSize => Sizes[0];

    /// <summary>Every layer's pre-activation a and output h, and y = σ(a_out).</summary>
    public MlpTrace Forward(double[] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        Check.Length(nameof(x), x.Length, InputSize);
        Check.Finite(nameof(x), x);
        int L = weights.Length;
        var a = new double[L][];
        var h = new double[L + 1][];
        h[0] = x;
        for (int l = 0; l < L; l++)
        {
            a[l] = (double[])biases[l].Value.Data.Clone();
            Linalg.MulAdd(weights[l].Value, h[l], a[l]);                   // a = W h + b
            h[l + 1] = l < L - 1 ? a[l].Select(Phi).ToArray() : a[l];      // h = φ(a) on hidden layers
        }
        return new MlpTrace(a, h, Sigmoid.Apply(a[^1][0]));                // y = σ(a_out)
    }

    /// <summary>y = P(class 1 | x).</summary>
    public double Probability(params double[] x) => Forward(x).Y;

    /// <summary>P(class 1) at the point (x₁, x₂) of a two-input net: the decision region's colour.</summary>
    public double Probability(double x1, double x2) => Forward([x1, x2]).Y;

    /// <summary>Accumulates every parameter's gradient from dL/da_out (the output logit's gradient).</summary>
    public void Backward(MlpTrace trace, double dOut)
    {
        int L = weights.Length;
        double[] da = [dOut];
        for (int l = L - 1; l >= 0; l--)
        {
            Linalg.OuterAdd(weights[l].Grad, da, trace.H[l]);                // dW += da hᵀ
            Linalg.AddInPlace(biases[l].Grad.Data, da);                      // db += da
            if (l == 0) break;
            var dh = new double[Sizes[l]];
            Linalg.MulTransposedAdd(weights[l].Value, da, dh);               // dh = Wᵀ da
            for (int k = 0; k < dh.Length; k++) dh[k] *= PhiPrime(trace.A[l - 1][k], trace.H[l][k]);  // da = dh ⊙ φ'(a)
            da = dh;
        }
    }

    /// <summary>−[t log y + (1 − t) log(1 − y)] with y = σ(a), and dL/da = y − t.</summary>
    public static (double loss, double dA) BinaryCrossEntropy(double a, int t)
    {
        if (t is not (0 or 1)) throw new ArgumentException($"label {t} is not a class of a two-class net; use 0 or 1.", nameof(t));
        double loss = Math.Max(a, 0) - t * a + Math.Log(1 + Math.Exp(-Math.Abs(a)));
        return (loss, Sigmoid.Apply(a) - t);
    }

    /// <summary>Binary cross-entropy of a one-step example whose label is 0 or 1.</summary>
    public ExampleOutcome Evaluate(Example example, bool backward)
    {
        if (example.Labels is not { } ys || example.Steps != 1)
            throw new ArgumentException($"the network classifies single vectors: give a one-step example with a label 0 or 1 (Example.Single), got {example.Steps} steps{(example.IsClassification ? "" : " with real targets")}.", nameof(example));
        var trace = Forward(example.Xs[0]);
        var (loss, dA) = BinaryCrossEntropy(trace.A[^1][0], ys[0]);
        if (backward) Backward(trace, dA);
        return new ExampleOutcome(loss, (trace.Y > 0.5 ? 1 : 0) == ys[0] ? 1 : 0, 1);
    }

    /// <summary>P(class 1) on an n x n grid over [xMin, xMax] x [yMin, yMax]: <c>grid[i, j]</c> is at
    /// x₁ = xMin + j Δx, x₂ = yMin + i Δy (row i from the bottom). For a decision-region chart.</summary>
    public double[,] DecisionGrid(double xMin, double xMax, double yMin, double yMax, int n)
    {
        if (InputSize != 2) throw new ArgumentException($"a decision grid needs a two-input net; this one has {InputSize} inputs.");
        if (n < 2) throw new ArgumentException($"n must be at least 2 points per side, got {n}.", nameof(n));
        if (!(xMax > xMin) || !(yMax > yMin)) throw new ArgumentException($"the box [{xMin}, {xMax}] x [{yMin}, {yMax}] is empty; give xMax > xMin and yMax > yMin.");
        var grid = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                grid[i, j] = Probability(xMin + j * (xMax - xMin) / (n - 1), yMin + i * (yMax - yMin) / (n - 1));
        return grid;
    }

    private double Phi(double a) => Activation switch
    {
        HiddenActivation.Identity => a,
        HiddenActivation.Sigmoid => Sigmoid.Apply(a),
        HiddenActivation.Tanh => Tanh.Apply(a),
        _ => Relu.Apply(a),
    };

    private double PhiPrime(double a, double h) => Activation switch
    {
        HiddenActivation.Identity => 1,
        HiddenActivation.Sigmoid => Sigmoid.DerivativeFromOutput(h),
        HiddenActivation.Tanh => Tanh.DerivativeFromOutput(h),
        _ => Relu.Derivative(a),
    };
}

/// <summary>A forward pass of an <see cref="Mlp"/>: pre-activations a per layer, outputs h per layer (h[0] = x, the
/// last is the output logit), and y = σ(a_out).</summary>
public sealed record MlpTrace(double[][] A, double[][] H, double Y);

using LstmCourse.Numerics;
using LstmCourse.Parameters;

namespace LstmCourse.Models;

/// <summary>The linear read-out from the top hidden state: z_t = Wy h_t + by (logits, or real outputs).</summary>
/// <remarks>
/// <code>
/// z_t = Wy h_t + by          Wy (V x H), by (V)
/// backward: dWy += dz h_tᵀ,  dby += dz,  dh_t = Wyᵀ dz
/// </code>
/// Matches torch.nn.Linear(H, V). Taught in notebooks/06-modeling-sequences.ipynb.
/// </remarks>
public sealed class OutputLayer
{
    public OutputLayer(int hiddenSize, int outputSize, Rng rng)
    {
        Check.Positive(nameof(hiddenSize), hiddenSize);
        Check.Positive(nameof(outputSize), outputSize);
        double scale = 1 / Math.Sqrt(hiddenSize);
        Wy = new Parameter("Wy", Matrix.Uniform(outputSize, hiddenSize, scale, rng));
        by = new Parameter("by", Matrix.Uniform(outputSize, 1, scale, rng));
    }

    /// <summary>Read-out weights (V x H).</summary>
    public Parameter Wy { get; }
    /// <summary>Read-out bias (V x 1).</summary>
    public Parameter by { get; }

    public int HiddenSize => Wy.Value.Cols;
    public int OutputSize => Wy.Value.Rows;

    public IReadOnlyList<Parameter> Parameters => [Wy, by];

    public double[] Forward(double[] h)
    {
        Check.Length(nameof(h), h.Length, HiddenSize);
        var z = (double[])by.Value.Data.Clone();
        Linalg.MulAdd(Wy.Value, h, z);                       // z = Wy h + by
        return z;
    }

    /// <summary>Accumulates dWy, dby and returns dL/dh.</summary>
    public double[] Backward(double[] h, double[] dz)
    {
        Check.Length(nameof(dz), dz.Length, OutputSize);
        Linalg.OuterAdd(Wy.Grad, dz, h);                      // dWy += dz hᵀ
        Linalg.AddInPlace(by.Grad.Data, dz);                  // dby += dz
        var dh = new double[HiddenSize];
        Linalg.MulTransposedAdd(Wy.Value, dz, dh);            // dh = Wyᵀ dz
        return dh;
    }
}

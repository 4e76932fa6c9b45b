using LstmCourse.Cells;
using LstmCourse.Numerics;
using LstmCourse.Sequences;

namespace LstmCourse.Diagnostics;

/// <summary>How much of a loss at the last step reaches each earlier step: ‖dL/dh_t‖ (and ‖dL/dc_t‖ for an LSTM) for t = 1..T.</summary>
/// <remarks>
/// <code>
/// L = uᵀ h_T   (u a fixed random unit vector)
/// dL/dh_{t−1} = ∂h_t/∂h_{t−1}ᵀ dL/dh_t     a product of T − t Jacobians: it shrinks (vanishes) or grows (explodes)
///                                           geometrically in a plain RNN (Pascanu et al., ICML'13)
/// </code>
/// The gradient does not touch the layer's parameter gradients' meaning: they are cleared afterwards.
/// Taught in notebooks/01-why-rnns-forget.ipynb and 04-lstm-cell.ipynb.
/// </remarks>
public static class GradientFlow
{
    public static GradientFlowReport Measure(RecurrentLayer layer, IReadOnlyList<double[]> xs, int seed = 0)
    {
        int T = xs.Count, H = layer.Cell.HiddenSize;
        var trace = layer.Forward(xs);
        var rng = new Rng(seed);
        var u = new double[H];
        for (int k = 0; k < H; k++) u[k] = rng.NextGaussian();
        double norm = Linalg.Norm(u);
        for (int k = 0; k < H; k++) u[k] /= norm;

        var dhNorm = new double[T];
        var dcNorm = new double[T];
        var dState = layer.ZeroState();
        for (int k = 0; k < H; k++) dState.H[k] = u[k];               // dL/dh_T = u
        for (int t = T - 1; t >= 0; t--)
        {
            dhNorm[t] = Linalg.Norm(dState.H);                         // ‖dL/dh_t‖ (t is 0-based here: step t+1)
            dcNorm[t] = layer.Cell.HasCellState ? Linalg.Norm(dState.C) : double.NaN;
            var step = trace.Stack.Pop();
            (_, dState) = layer.Cell.Backward(step, dState);
        }
        foreach (var p in layer.Parameters) p.Grad.Clear();
        return new GradientFlowReport(dhNorm, layer.Cell.HasCellState ? dcNorm : null);
    }
}

/// <summary>‖dL/dh_t‖ for steps 1..T (index 0 = first step) and, for an LSTM, ‖dL/dc_t‖.</summary>
public sealed record GradientFlowReport(double[] DhNorms, double[]? DcNorms)
{
    /// <summary>‖dL/dh_1‖ / ‖dL/dh_T‖: below 1 the gradient vanished on its way back, above 1 it exploded.</summary>
    public double FirstToLastRatio => DhNorms[0] / DhNorms[^1];
}

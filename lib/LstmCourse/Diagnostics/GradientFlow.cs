using LstmCourse.Activations;
using LstmCourse.Cells;
using LstmCourse.Numerics;
using LstmCourse.Sequences;

namespace LstmCourse.Diagnostics;

/// <summary>How much of a loss at the last step reaches each earlier step: ‖dL/dh_t‖ (and ‖dL/dc_t‖ for an LSTM) for t = 1..T.</summary>
/// <remarks>
/// <code>
/// L = uᵀ h_T   (u a fixed unit vector: the given direction, or a seeded random one)
/// dL/dh_{t−1} = ∂h_t/∂h_{t−1}ᵀ dL/dh_t     a product of T − t Jacobians: it shrinks (vanishes) or grows (explodes)
///                                           geometrically in a plain RNN (Pascanu et al., ICML'13)
/// dL/dc_t     = dc_t (from step t+1) + dL/dh_t ⊙ o_t ⊙ (1 − tanh²(c_t))    the full gradient of c_t, both paths
/// cell path   = (f_{t+1} ⊙ … ⊙ f_T) ⊙ dL/dc_T      only the path along c (no W_h, no tanh'): each step back multiplies
///                                                 it by f ∈ (0, 1), so its norm can only shrink
/// </code>
/// With the loss at step T only, dL/dh_t for t &lt; T arrives solely from step t+1, through W_h into the gates and the
/// candidate; those paths leave c and re-enter it, so the full dL/dc_t is not bounded by the cell path and can grow.
/// The layer's parameter gradients are left as they were. Taught in notebooks/01-why-rnns-forget.ipynb and 04-lstm-cell.ipynb.
/// </remarks>
public static class GradientFlow
{
    public static GradientFlowReport Measure(RecurrentLayer layer, IReadOnlyList<double[]> xs, int seed = 0, double[]? direction = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        int H = layer.Cell.HiddenSize;
        var u = direction is null ? RandomDirection(H, seed) : (double[])direction.Clone();
        Check.Length(nameof(direction), u.Length, H);
        Check.Finite(nameof(direction), u);
        double norm = Linalg.Norm(u);
        if (!(norm > 0)) throw new ArgumentException("direction is the zero vector; it needs a length to normalise.", nameof(direction));
        for (int k = 0; k < H; k++) u[k] /= norm;

        var saved = layer.Parameters.Select(p => (double[])p.Grad.Data.Clone()).ToList();
        var trace = layer.Forward(xs);
        int T = trace.Steps;
        var dhNorm = new double[T];
        var dcNorm = new double[T];
        var cellPathNorm = new double[T];
        double[]? cellPath = null;                                     // (f_{t+1} ⊙ … ⊙ f_T) ⊙ dL/dc_T
        var dState = layer.ZeroState();
        Array.Copy(u, dState.H, H);                                    // dL/dh_T = u
        for (int t = T - 1; t >= 0; t--)                               // t is 0-based here: step t+1
        {
            var step = trace.Stack.Pop();
            dhNorm[t] = Linalg.Norm(dState.H);                         // ‖dL/dh_t‖
            if (step is LstmCell.LstmStep s)
            {
                var dc = FullCellGradient(s, dState);
                dcNorm[t] = Linalg.Norm(dc);
                cellPath ??= dc;                                       // starts as dL/dc_T
                cellPathNorm[t] = Linalg.Norm(cellPath);
                for (int k = 0; k < H; k++) cellPath[k] *= s.F[k];     // one step back along c: × f_t
            }
            else dcNorm[t] = cellPathNorm[t] = double.NaN;
            (_, dState) = layer.Cell.Backward(step, dState);
        }
        for (int i = 0; i < saved.Count; i++) Array.Copy(saved[i], layer.Parameters[i].Grad.Data, saved[i].Length);
        return layer.Cell.HasCellState ? new GradientFlowReport(dhNorm, dcNorm, cellPathNorm) : new GradientFlowReport(dhNorm, null);
    }

    /// <summary>dL/dc_t through both of c_t's paths: on to step t+1 (dState.C) and into h_t = o_t ⊙ tanh(c_t).</summary>
    private static double[] FullCellGradient(LstmCell.LstmStep s, RecurrentState dState)
    {
        var dc = new double[dState.C.Length];
        for (int k = 0; k < dc.Length; k++)
            dc[k] = dState.C[k] + dState.H[k] * s.O[k] * Tanh.DerivativeFromOutput(s.TanhC[k]);
        return dc;
    }

    private static double[] RandomDirection(int H, int seed)
    {
        var rng = new Rng(seed);
        var u = new double[H];
        for (int k = 0; k < H; k++) u[k] = rng.NextGaussian();
        return u;
    }
}

/// <summary>‖dL/dh_t‖ for steps 1..T (index 0 = first step) and, for an LSTM, ‖dL/dc_t‖ and the norm of its part along
/// the cell state alone, ‖(f_{t+1} ⊙ … ⊙ f_T) ⊙ dL/dc_T‖.</summary>
public sealed record GradientFlowReport(double[] DhNorms, double[]? DcNorms, double[]? CellPathNorms = null)
{
    /// <summary>‖dL/dh_1‖ / ‖dL/dh_T‖: below 1 the gradient vanished on its way back, above 1 it exploded.</summary>
    public double FirstToLastRatio => DhNorms[0] / DhNorms[^1];
}

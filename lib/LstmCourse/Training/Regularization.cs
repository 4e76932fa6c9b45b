using LstmCourse.Fast;

namespace LstmCourse.Training;

/// <summary>L1 and L2 penalties on the weight matrices (Wx, Wh, Wy; never the biases b, by), added to the loss and its gradient.</summary>
/// <remarks>
/// <code>
/// penalty  R(θ) = λ₁ Σ_W Σ_i |W_i|  +  (λ₂ / 2) Σ_W Σ_i W_i²        W ∈ {Wx, Wh, Wy} of every layer
/// gradient dW_i += λ₁ · sign(W_i)  +  λ₂ · W_i                      (sign(0) = 0)
/// </code>
/// Biases are left alone: they shift a unit's operating point rather than amplify an input, and the forget bias must
/// be free to stay near 1. The ½ makes L2's gradient λ₂ W, the "weight decay" of SGD. Taught in notebooks/07-regularization-and-tuning.ipynb.
/// </remarks>
public static class Regularization
{
    /// <summary>True for Wx, Wh and Wy (the names end in <c>Wx</c>, <c>Wh</c>, <c>Wy</c>), false for biases.</summary>
    public static bool IsWeightMatrix(FloatParameter p) =>
        p.Name.EndsWith("Wx", StringComparison.Ordinal) || p.Name.EndsWith("Wh", StringComparison.Ordinal) || p.Name.EndsWith("Wy", StringComparison.Ordinal);

    /// <summary>R(θ) without touching the gradients.</summary>
    public static double Penalty(IReadOnlyList<FloatParameter> parameters, double l1, double l2)
    {
        CheckLambdas(l1, l2);
        double abs = 0, squares = 0;
        foreach (var p in parameters)
        {
            if (!IsWeightMatrix(p)) continue;
            foreach (float w in p.Value) { abs += Math.Abs(w); squares += (double)w * w; }
        }
        return l1 * abs + l2 / 2 * squares;
    }

    /// <summary>Adds dR/dW to every weight matrix's <c>Grad</c> and returns R(θ), to add to the loss.</summary>
    public static double AddToGradients(IReadOnlyList<FloatParameter> parameters, double l1, double l2)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        double penalty = Penalty(parameters, l1, l2);
        if (l1 == 0 && l2 == 0) return 0;
        float lambda1 = (float)l1, lambda2 = (float)l2;
        foreach (var p in parameters)
        {
            if (!IsWeightMatrix(p)) continue;
            float[] W = p.Value, dW = p.Grad;
            for (int i = 0; i < W.Length; i++) dW[i] += lambda1 * (W[i] > 0 ? 1 : W[i] < 0 ? -1 : 0) + lambda2 * W[i];   // λ₁ sign(W) + λ₂ W
        }
        return penalty;
    }

    private static void CheckLambdas(double l1, double l2)
    {
        if (!(l1 >= 0) || !double.IsFinite(l1)) throw new ArgumentOutOfRangeException(nameof(l1), l1, $"l1 must be a finite number ≥ 0, got {l1}.");
        if (!(l2 >= 0) || !double.IsFinite(l2)) throw new ArgumentOutOfRangeException(nameof(l2), l2, $"l2 must be a finite number ≥ 0, got {l2}.");
    }
}

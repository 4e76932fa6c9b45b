using LstmCourse.Parameters;

namespace LstmCourse.Fitting;

/// <summary>Weight penalties added to the loss: L2 = (λ/2) Σ θ², L1 = λ Σ |θ|, and their gradients.</summary>
/// <remarks>
/// <code>
/// L2:  penalty = (λ/2) Σ θ²     dθ += λ θ          pulls every weight towards 0 in proportion to its size
/// L1:  penalty = λ Σ |θ|        dθ += λ sign(θ)    pulls by a constant amount: small weights reach 0 (sparsity)
/// </code>
/// Applied to every parameter, biases included (as torch.optim's weight_decay does).
/// Taught in notebooks/07-regularization-and-tuning.ipynb.
/// </remarks>
public static class Regularization
{
    /// <summary>Adds λ θ to every gradient and returns the penalty (λ/2) Σ θ².</summary>
    public static double AddL2(ParameterSet parameters, double lambda)
    {
        CheckLambda(lambda);
        double penalty = 0;
        foreach (var p in parameters.All)
        {
            var w = p.Value.Data;
            var g = p.Grad.Data;
            for (int k = 0; k < w.Length; k++)
            {
                penalty += 0.5 * lambda * w[k] * w[k];
                g[k] += lambda * w[k];                                         // dθ += λ θ
            }
        }
        return penalty;
    }

    /// <summary>Adds λ sign(θ) to every gradient and returns the penalty λ Σ |θ|.</summary>
    public static double AddL1(ParameterSet parameters, double lambda)
    {
        CheckLambda(lambda);
        double penalty = 0;
        foreach (var p in parameters.All)
        {
            var w = p.Value.Data;
            var g = p.Grad.Data;
            for (int k = 0; k < w.Length; k++)
            {
                penalty += lambda * Math.Abs(w[k]);
                g[k] += lambda * Math.Sign(w[k]);                              // dθ += λ sign(θ)
            }
        }
        return penalty;
    }

    private static void CheckLambda(double lambda)
    {
        if (!(lambda >= 0) || !double.IsFinite(lambda))
            throw new ArgumentException($"lambda must be a number ≥ 0, got {lambda}; 1e-4 to 1e-2 are usual.", nameof(lambda));
    }
}

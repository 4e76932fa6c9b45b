using LstmCourse.Parameters;

namespace LstmCourse.Fitting;

/// <summary>Stochastic gradient descent, optionally with momentum: θ ← θ − η v, v ← μ v + g.</summary>
/// <remarks>
/// <code>
/// plain:     θ ← θ − η g
/// momentum:  v ← μ v + g;   θ ← θ − η v        (v starts at 0; PyTorch's torch.optim.SGD)
/// </code>
/// Taught in notebooks/05-bptt.ipynb and 07-regularization-and-tuning.ipynb.
/// </remarks>
public sealed class Sgd : IOptimizer
{
    private readonly Dictionary<Parameter, double[]> velocity = [];

    public Sgd(double learningRate, double momentum = 0)
    {
        if (!(learningRate > 0) || !double.IsFinite(learningRate))
            throw new ArgumentException($"learningRate must be a positive number, got {learningRate}; try 0.1.", nameof(learningRate));
        if (!(momentum >= 0 && momentum < 1))
            throw new ArgumentException($"momentum must be in [0, 1), got {momentum}; 0 turns it off, 0.9 is usual.", nameof(momentum));
        LearningRate = learningRate;
        Momentum = momentum;
    }

    public double LearningRate { get; }
    public double Momentum { get; }

    public void Step(ParameterSet parameters)
    {
        double eta = LearningRate, mu = Momentum;
        foreach (var p in parameters.All)
        {
            var w = p.Value.Data;
            var g = p.Grad.Data;
            if (mu == 0)
            {
                for (int k = 0; k < w.Length; k++) w[k] -= eta * g[k];         // θ ← θ − η g
                continue;
            }
            if (!velocity.TryGetValue(p, out var v)) velocity[p] = v = new double[w.Length];
            for (int k = 0; k < w.Length; k++)
            {
                v[k] = mu * v[k] + g[k];                                       // v ← μ v + g
                w[k] -= eta * v[k];                                            // θ ← θ − η v
            }
        }
    }
}

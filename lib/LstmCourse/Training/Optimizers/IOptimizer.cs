using LstmCourse.Fast;

namespace LstmCourse.Training.Optimizers;

/// <summary>An update rule θ ← θ − (a step computed from dθ and the rule's running state).</summary>
public interface IOptimizer
{
    /// <summary>The rule's name, stored in checkpoints (<c>"Adam"</c>).</summary>
    string Name { get; }

    /// <summary>t, the number of updates made so far.</summary>
    long Steps { get; }

    /// <summary>Updates every <c>Value</c> in place from its <c>Grad</c> with learning rate η.</summary>
    void Step(IReadOnlyList<FloatParameter> parameters, float learningRate);

    /// <summary>A copy of t and every running buffer, for a checkpoint.</summary>
    OptimizerState ExportState();

    /// <summary>Restores a state from <see cref="ExportState"/> of the same rule.</summary>
    void ImportState(OptimizerState state);

    /// <summary>The optimizer a config asks for, with its hyperparameters.</summary>
    static IOptimizer From(TrainingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        float mu = (float)config.Momentum, beta1 = (float)config.Beta1, beta2 = (float)config.Beta2, eps = (float)config.Epsilon;
        return config.Optimizer switch
        {
            OptimizerKind.Sgd => new Sgd(),
            OptimizerKind.Momentum => new Momentum(mu, config.Nesterov),
            OptimizerKind.Adagrad => new Adagrad(eps),
            OptimizerKind.RmsProp => new RmsProp((float)config.Alpha, eps),
            OptimizerKind.Adam => new Adam(beta1, beta2, eps),
            OptimizerKind.AdamW => new AdamW(beta1, beta2, eps, (float)config.WeightDecay),
            _ => throw new ArgumentException($"Optimizer {config.Optimizer} is not one of {string.Join(", ", Enum.GetNames<OptimizerKind>())}.", nameof(config)),
        };
    }
}

/// <summary>An optimizer's step count t and its named running buffers (<c>"layer0.Wx.m"</c>), as saved in a checkpoint.</summary>
public sealed record OptimizerState(string Optimizer, long Steps, IReadOnlyList<TensorSnapshot> Buffers);

/// <summary>A named float32 matrix (row-major), as saved in a checkpoint.</summary>
public sealed record TensorSnapshot(string Name, int Rows, int Cols, float[] Data);

using LstmCourse.Fast;

namespace LstmCourse.Training.Optimizers;

/// <summary>What every rule shares: the step count t, running buffers per parameter (created as zeros on first use,
/// keyed by parameter name), state export and import, and argument checks.</summary>
public abstract class OptimizerBase : IOptimizer
{
    private readonly Dictionary<string, TensorSnapshot> buffers = new(StringComparer.Ordinal);
    private readonly List<string> order = [];     // buffer names in creation order, so exports are deterministic

    public abstract string Name { get; }

    public long Steps { get; private set; }

    public void Step(IReadOnlyList<FloatParameter> parameters, float learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(learningRate >= 0) || !float.IsFinite(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, $"learningRate must be a finite number ≥ 0, got {learningRate}.");
        Steps++;
        foreach (var p in parameters) Update(p, learningRate, Steps);
    }

    /// <summary>Updates one parameter; <paramref name="t"/> counts from 1.</summary>
    protected abstract void Update(FloatParameter p, float lr, long t);

    /// <summary>The running buffer <paramref name="slot"/> of <paramref name="p"/> (zeros the first time).</summary>
    protected float[] Buffer(FloatParameter p, string slot)
    {
        string name = $"{p.Name}.{slot}";
        if (buffers.TryGetValue(name, out var b))
        {
            if (b.Rows != p.Rows || b.Cols != p.Cols)
                throw new ArgumentException($"{Name} buffer {name} is {b.Rows}x{b.Cols} but parameter {p.Name} is {p.Rows}x{p.Cols}; was the state saved from another model?", nameof(p));
            return b.Data;
        }
        b = new TensorSnapshot(name, p.Rows, p.Cols, new float[p.Count]);
        buffers.Add(name, b);
        order.Add(name);
        return b.Data;
    }

    public OptimizerState ExportState() =>
        new(Name, Steps, order.Select(n => buffers[n]).Select(b => b with { Data = (float[])b.Data.Clone() }).ToList());

    public void ImportState(OptimizerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Optimizer != Name)
            throw new ArgumentException($"the state is {state.Optimizer}'s but this optimizer is {Name}; create a {state.Optimizer} (set Optimizer = {state.Optimizer}) to resume it.", nameof(state));
        if (state.Steps < 0) throw new ArgumentException($"the state has {state.Steps} steps; it must be 0 or more.", nameof(state));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var b in state.Buffers)
        {
            if (b.Data.Length != b.Rows * b.Cols)
                throw new ArgumentException($"buffer {b.Name} declares {b.Rows}x{b.Cols} but holds {b.Data.Length} values.", nameof(state));
            if (!names.Add(b.Name)) throw new ArgumentException($"buffer {b.Name} appears twice in the state.", nameof(state));
        }
        buffers.Clear();
        order.Clear();
        foreach (var b in state.Buffers)
        {
            buffers.Add(b.Name, b with { Data = (float[])b.Data.Clone() });
            order.Add(b.Name);
        }
        Steps = state.Steps;
    }

    /// <summary>Checks a hyperparameter is in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    protected static float InRange(string name, float value, float min, float maxExclusive, string range)
    {
        if (!(value >= min && value < maxExclusive)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be in {range}, got {value}.");
        return value;
    }
}

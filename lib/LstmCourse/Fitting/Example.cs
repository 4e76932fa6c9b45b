namespace LstmCourse.Fitting;

/// <summary>One training example: inputs x_1..x_T and a target per step, either a class id (−1 = no target at that
/// step) or a real vector (null = no target at that step).</summary>
/// <remarks>
/// Exactly one of <see cref="Labels"/> and <see cref="Targets"/> is given. A many-to-one example has a label only at
/// the last step; a single vector (feed-forward, one-to-one) is a sequence of one step.
/// </remarks>
public sealed record Example
{
    /// <summary>Inputs x_1..x_T, each of the same length D.</summary>
    public double[][] Xs { get; }

    /// <summary>Class id per step for cross-entropy, −1 where a step has no target; null for regression.</summary>
    public int[]? Labels { get; }

    /// <summary>Target vector per step for squared error, null where a step has no target; null for classification.</summary>
    public double[]?[]? Targets { get; }

    public Example(double[][] xs, int[]? labels = null, double[]?[]? targets = null)
    {
        ArgumentNullException.ThrowIfNull(xs);
        if (xs.Length == 0) throw new ArgumentException("xs is empty: an example needs at least one step.", nameof(xs));
        for (int t = 0; t < xs.Length; t++)
        {
            if (xs[t] is null) throw new ArgumentException($"xs[{t}] is null.", nameof(xs));
            if (xs[t].Length != xs[0].Length)
                throw new ArgumentException($"xs[{t}] has length {xs[t].Length} but xs[0] has {xs[0].Length}; every step needs the same input size.", nameof(xs));
        }
        if ((labels is null) == (targets is null))
            throw new ArgumentException("give exactly one of labels (classification) and targets (regression).", labels is null ? nameof(labels) : nameof(targets));
        if (labels is not null)
        {
            if (labels.Length != xs.Length)
                throw new ArgumentException($"labels has {labels.Length} steps but xs has {xs.Length}; give one label per step (−1 = none).", nameof(labels));
            if (labels.All(y => y < 0))
                throw new ArgumentException("every label is −1: the example has no target at any step.", nameof(labels));
        }
        if (targets is not null)
        {
            if (targets.Length != xs.Length)
                throw new ArgumentException($"targets has {targets.Length} steps but xs has {xs.Length}; give one target per step (null = none).", nameof(targets));
            if (targets.All(y => y is null))
                throw new ArgumentException("every target is null: the example has no target at any step.", nameof(targets));
        }
        Xs = xs;
        Labels = labels;
        Targets = targets;
    }

    /// <summary>T, the number of steps.</summary>
    public int Steps => Xs.Length;

    /// <summary>D, the size of each input vector.</summary>
    public int InputSize => Xs[0].Length;

    public bool IsClassification => Labels is not null;

    /// <summary>A class label at every step (−1 = none).</summary>
    public static Example Classify(double[][] xs, int[] labels) => new(xs, labels: labels);

    /// <summary>A real-valued target at every step (null = none).</summary>
    public static Example Regress(double[][] xs, double[]?[] targets) => new(xs, targets: targets);

    /// <summary>Many-to-one: one label after the last step, none before.</summary>
    public static Example ManyToOne(double[][] xs, int label)
    {
        if (label < 0) throw new ArgumentException($"label must be a class id ≥ 0, got {label}.", nameof(label));
        var labels = Enumerable.Repeat(-1, xs.Length).ToArray();
        labels[^1] = label;
        return new Example(xs, labels: labels);
    }

    /// <summary>One-to-one: a single vector and its class (a sequence of one step).</summary>
    public static Example Single(double[] x, int label) => new([x], labels: [label]);
}

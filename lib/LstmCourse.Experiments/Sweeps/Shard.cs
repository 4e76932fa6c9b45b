using System.Globalization;

namespace LstmCourse.Experiments.Sweeps;

/// <summary>Shard <see cref="K"/> of <see cref="N"/>: the runs i of a grid with (i - 1) mod N = K - 1. Dealt round-robin
/// rather than in blocks, so that a grid whose first dimension is the model size gives every shard a share of the slow
/// runs. Disjoint for different K, and together the N shards are the whole grid.</summary>
public readonly record struct Shard(int K, int N)
{
    /// <summary>The whole grid.</summary>
    public static Shard All => new(1, 1);

    /// <summary>Parses <c>k/n</c> with 1 ≤ k ≤ n, as <c>--shard</c> takes it.</summary>
    public static Shard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            throw new ExperimentInputException($"--shard takes k/n, shard k of n with 1 <= k <= n, e.g. --shard 1/4; got '{text}'.");
        if (n < 1) throw new ExperimentInputException($"--shard {text}: n is the number of shards and must be at least 1.");
        if (k < 1) throw new ExperimentInputException($"--shard {text}: shards are numbered from 1 to {n}; the first is --shard 1/{n}.");
        if (k > n) throw new ExperimentInputException($"--shard {text}: there is no shard {k} of {n}; shards are numbered from 1 to {n}.");
        return new Shard(k, n);
    }

    /// <summary>True when run <paramref name="index"/> (1-based) is in this shard.</summary>
    public bool Contains(int index) => (index - 1) % N == K - 1;

    /// <summary>The run numbers of a grid of <paramref name="count"/> runs in this shard, in order.</summary>
    public IEnumerable<int> Runs(int count) => Enumerable.Range(1, count).Where(Contains);

    public override string ToString() => $"{K}/{N}";
}

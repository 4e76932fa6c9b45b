using LstmCourse.Training;

namespace LstmCourse.Experiments.Sweeps;

/// <summary>One dimension of a sweep: a config field and the values to try.</summary>
public sealed record GridDimension(string Name, IReadOnlyList<string> Values);

/// <summary>A point of the grid: its number (1-based, in grid order) and the value of each dimension.</summary>
public sealed record GridPoint(int Index, IReadOnlyList<(string Name, string Value)> Values)
{
    /// <summary>"HiddenSize=128 LearningRate=0.003".</summary>
    public string Label => string.Join(" ", Values.Select(v => $"{v.Name}={v.Value}"));

    /// <summary>The overrides that make this point's config from the sweep's base config.</summary>
    public IEnumerable<string> Overrides => Values.Select(v => $"{v.Name}={v.Value}");
}

/// <summary>The runs of a sweep: every combination of the dimensions' values, the first dimension varying slowest,
/// numbered 1..<see cref="Count"/>; run <c>i</c> trains into the folder <see cref="FolderName"/>(i), the same on every
/// machine and in every shard.</summary>
public sealed class SweepGrid
{
    /// <summary>Guards against a typo that asks for millions of runs; shards spread what is allowed over machines.</summary>
    public const int MaxRuns = 10_000;

    public SweepGrid(IReadOnlyList<GridDimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        if (dimensions.Count == 0) throw new ExperimentInputException("give at least one --grid name=v1,v2, e.g. --grid HiddenSize=64,128.");
        if (dimensions.GroupBy(g => g.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ExperimentInputException($"--grid {twice.Key} is given twice; list all its values in one --grid.");
        long count = dimensions.Aggregate(1L, (n, g) => n * g.Values.Count);
        if (count > MaxRuns)
            throw new ExperimentInputException($"the grid has {count} combinations; at most {MaxRuns} are allowed. Trim the value lists.");
        Dimensions = dimensions;
        Count = (int)count;
    }

    public IReadOnlyList<GridDimension> Dimensions { get; }

    /// <summary>Number of runs.</summary>
    public int Count { get; }

    /// <summary>Parses <c>--grid</c> arguments (name=v1,v2,...): names as in <see cref="TrainingConfig"/>, case-insensitive.</summary>
    public static SweepGrid Parse(IEnumerable<string> grids) => new([.. grids.Select(ParseDimension)]);

    /// <summary>Every point, in order.</summary>
    public IEnumerable<GridPoint> Points()
    {
        for (int i = 1; i <= Count; i++) yield return Point(i);
    }

    /// <summary>Point number <paramref name="index"/> (1-based): mixed-radix digits of index - 1, the last dimension fastest.</summary>
    public GridPoint Point(int index)
    {
        if (index < 1 || index > Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"the grid has runs 1 to {Count}.");
        var values = new (string, string)[Dimensions.Count];
        int rest = index - 1;
        for (int d = Dimensions.Count - 1; d >= 0; d--)
        {
            var dimension = Dimensions[d];
            values[d] = (dimension.Name, dimension.Values[rest % dimension.Values.Count]);
            rest /= dimension.Values.Count;
        }
        return new GridPoint(index, values);
    }

    /// <summary>run-03-HiddenSize=128-LearningRate=0.003: the number padded to the width of <see cref="Count"/> (at least 2 digits).</summary>
    public string FolderName(int index)
    {
        int width = Math.Max(2, Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        return $"run-{index.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0')}-"
               + string.Join("-", Point(index).Values.Select(v => $"{v.Name}={Safe(v.Value)}"));
    }

    private static GridDimension ParseDimension(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1)
            throw new ExperimentInputException($"--grid takes name=v1,v2,..., e.g. --grid LearningRate=0.001,0.003; got '{text}'.");
        string name = text[..eq].Trim();
        var known = TrainingConfig.KnobNames.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                    ?? throw new ExperimentInputException($"--grid names an unknown config field \"{name}\"; known fields: {string.Join(", ", TrainingConfig.KnobNames)}.");
        var values = text[(eq + 1)..].Split(',').Select(v => v.Trim()).ToList();
        if (values.Any(v => v.Length == 0)) throw new ExperimentInputException($"--grid {known} has an empty value in '{text}'; separate values by single commas.");
        if (values.Distinct(StringComparer.OrdinalIgnoreCase).Count() != values.Count) throw new ExperimentInputException($"--grid {known} lists a value twice in '{text}'.");
        return new GridDimension(known, values);
    }

    private static string Safe(string value) => new(value.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
}

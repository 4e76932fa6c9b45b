using LstmCourse.Runner.Commands;
using LstmCourse.Text;
using LstmCourse.Training;
using LstmCourse.Weather;

namespace LstmCourse.Runner.Lab;

/// <summary>What the training verbs read from the command line: a config (file or built-in name, then <c>--set</c>
/// overrides) and a corpus (a folder with train.txt and valid.txt, or one text file split by ValidationFraction).
/// Every mistake becomes a <see cref="UsageException"/> that says what to write instead.</summary>
public static class LabInputs
{
    /// <summary>The configs a <c>--config</c> may name instead of a file.</summary>
    public static IReadOnlyDictionary<string, TrainingConfig> BuiltIn { get; } = new Dictionary<string, TrainingConfig>(StringComparer.OrdinalIgnoreCase)
    {
        ["default"] = TrainingConfig.Default,
        ["tiny"] = TrainingConfig.Tiny,
    };

    /// <summary>The default corpus: the weather forecasts, relative to the current folder.</summary>
    public const string DefaultCorpus = "datasets/weather";

    /// <summary>A config from a JSON file or a built-in name, with <paramref name="overrides"/> (name=value) applied and validated.</summary>
    public static TrainingConfig Config(string? configOption, IEnumerable<string> overrides, string? timeBudget = null)
    {
        if (configOption is null)
            throw new UsageException($"--config is required: a JSON file such as configs/weather.json, or one of {string.Join(", ", BuiltIn.Keys)}.");
        TrainingConfig config;
        if (BuiltIn.TryGetValue(configOption, out var builtIn) && !File.Exists(configOption))
        {
            config = builtIn;
        }
        else if (File.Exists(configOption))
        {
            try { config = TrainingConfig.Load(configOption); }
            catch (InvalidDataException e) { throw new UsageException(e.Message); }
        }
        else
        {
            throw new UsageException($"config '{configOption}' is neither a file (looked for {Path.GetFullPath(configOption)}) nor a built-in config; "
                                   + $"built-in configs: {string.Join(", ", BuiltIn.Keys)}.");
        }
        return Apply(config, overrides, timeBudget);
    }

    /// <summary><paramref name="config"/> with the overrides and the time budget applied, validated; a CheckpointPath is
    /// refused (the training verbs write their checkpoints into the run folder, and would otherwise ignore it).</summary>
    public static TrainingConfig Apply(TrainingConfig config, IEnumerable<string> overrides, string? timeBudget = null)
    {
        try
        {
            config = config.WithOverrides(overrides);
            if (timeBudget is not null) config = config.With(nameof(TrainingConfig.TimeBudget), timeBudget);
            config.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.Replace(" (Parameter '", " ('", StringComparison.Ordinal));
        }
        if (config.CheckpointPath is { } path)
            throw new UsageException($"CheckpointPath is \"{path}\", but train and sweep write their checkpoints into the run folder (checkpoint-latest.ckpt "
                                   + "while training, checkpoint-val<bpc>.ckpt at the end) and would ignore it; drop --set CheckpointPath, or set it to null in the config file.");
        return config;
    }

    /// <summary>The training and validation text: <paramref name="corpus"/> is a folder holding train.txt and valid.txt
    /// (validation = valid.txt exactly, vocabulary of both), or a text file split by the config's ValidationFraction.</summary>
    public static TextSplit Corpus(string? corpus, TrainingConfig config)
    {
        string path = corpus ?? DefaultCorpus;
        if (Directory.Exists(path))
        {
            string train = Path.Combine(path, WeatherCorpus.TrainFileName), valid = Path.Combine(path, WeatherCorpus.ValidationFileName);
            if (!File.Exists(train) || !File.Exists(valid))
                throw new UsageException($"corpus folder '{Path.GetFullPath(path)}' needs {WeatherCorpus.TrainFileName} and {WeatherCorpus.ValidationFileName}"
                                       + (corpus is null ? "; pass --corpus DIR|FILE, or create the weather corpus with: lstm-course make-dataset weather" : "; or pass a single text file with --corpus FILE."));
            return Readable(() => Split(TextCorpus.Load(train).Text, TextCorpus.Load(valid).Text, Path.GetFullPath(path)));
        }
        if (!File.Exists(path))
            throw new UsageException($"corpus '{Path.GetFullPath(path)}' does not exist; pass a folder with {WeatherCorpus.TrainFileName} and "
                                   + $"{WeatherCorpus.ValidationFileName}, or a text file.");
        return Readable(() => TextCorpus.Load(path).Split(config.ValidationFraction));
    }

    /// <summary>An empty, binary, unreadable or too short corpus file becomes a usage error that names the file and the fix.</summary>
    private static TextSplit Readable(Func<TextSplit> load)
    {
        try { return load(); }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException) { throw new UsageException(e.Message); }
    }

    /// <summary>One vocabulary over both texts, training = <paramref name="train"/>, validation = <paramref name="valid"/>
    /// (joined by a newline, which belongs to neither part's scores).</summary>
    public static TextSplit Split(string train, string valid, string source = "text")
    {
        var joined = TextCorpus.FromText(train + "\n" + valid, source);
        var split = joined.SplitAt(train.Length + 1);
        return split;
    }

    /// <summary>Parses a positive int option, or returns <paramref name="fallback"/>.</summary>
    public static int PositiveInt(Arguments parsed, string name, int fallback, int max = int.MaxValue)
    {
        string? text = parsed.Value(name);
        if (text is null) return fallback;
        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int value) && value >= 1 && value <= max
            ? value
            : throw new UsageException($"{name} takes a whole number from 1 to {max}, e.g. {name} {fallback}; got '{text}'.");
    }

    /// <summary>Parses a positive finite double option, or returns <paramref name="fallback"/>.</summary>
    public static double PositiveDouble(Arguments parsed, string name, double fallback)
    {
        string? text = parsed.Value(name);
        if (text is null) return fallback;
        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value) && value > 0 && double.IsFinite(value)
            ? value
            : throw new UsageException($"{name} takes a positive number, e.g. {name} {fallback.ToString(System.Globalization.CultureInfo.InvariantCulture)}; got '{text}'.");
    }
}

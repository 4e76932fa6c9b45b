using System.Globalization;
using System.Reflection;
using LstmCourse.Text;

namespace LstmCourse.Training;

public sealed partial record TrainingConfig
{
    private static readonly PropertyInfo[] Knobs = typeof(TrainingConfig)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite)
        .OrderBy(p => p.MetadataToken)
        .ToArray();

    /// <summary>The names of every knob, in the order of the record.</summary>
    public static IReadOnlyList<string> KnobNames { get; } = Knobs.Select(p => p.Name).ToArray();

    private static PropertyInfo? FindKnob(string name) =>
        Knobs.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A copy with one knob set from text, as in <c>--set learningrate=0.01</c>: the name matches case-insensitively;
    /// numbers use '.' for decimals; times read as 90s, 5m, 1.5h or 00:05:00; "null" clears TimeBudget and CheckpointPath.</summary>
    /// <remarks>The result is not validated here (a later override may fix an earlier one); <see cref="Trainer"/> validates.</remarks>
    public TrainingConfig With(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        var knob = FindKnob(name.Trim())
                   ?? throw new ArgumentException($"unknown config field \"{name}\"; known fields: {string.Join(", ", KnobNames)}.", nameof(name));
        object? parsed = Parse(knob, value.Trim());
        var copy = this with { };
        knob.SetValue(copy, parsed);
        return copy;
    }

    /// <summary>Applies <c>name=value</c> assignments in order (the command line's <c>--set</c> arguments).</summary>
    public TrainingConfig WithOverrides(IEnumerable<string> assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var config = this;
        foreach (string assignment in assignments)
        {
            int eq = assignment.IndexOf('=');
            if (eq <= 0)
                throw new ArgumentException($"override \"{assignment}\" is not of the form name=value, e.g. LearningRate=0.01.", nameof(assignments));
            config = config.With(assignment[..eq], assignment[(eq + 1)..]);
        }
        return config;
    }

    private static object? Parse(PropertyInfo knob, string text)
    {
        var type = knob.PropertyType;
        var inv = CultureInfo.InvariantCulture;
        string Expect(string what) => $"config field {knob.Name} cannot be set to \"{text}\": expected {what}.";
        if (type == typeof(int))
            return int.TryParse(text, NumberStyles.Integer, inv, out int i) ? i : throw new ArgumentException(Expect("a whole number such as 128"), knob.Name);
        if (type == typeof(double))
            return double.TryParse(text, NumberStyles.Float, inv, out double d) ? d : throw new ArgumentException(Expect("a number such as 0.002 or 2e-3"), knob.Name);
        if (type == typeof(bool))
            return text.ToLowerInvariant() switch
            {
                "true" or "yes" or "1" => true,
                "false" or "no" or "0" => false,
                _ => throw new ArgumentException(Expect("true or false"), knob.Name),
            };
        if (type.IsEnum)
            return Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } match
                ? Enum.Parse(type, match)
                : throw new ArgumentException(Expect($"one of {string.Join(", ", Enum.GetNames(type))}"), knob.Name);
        if (type == typeof(TimeSpan?))
            return IsNull(text) ? null : ParseTime(text) ?? throw new ArgumentException(Expect("a time such as 90s, 5m, 1.5h or 00:05:00, or null"), knob.Name);
        if (type == typeof(string) && knob.Name == nameof(WindowsStartAfter))
            return IsNull(text) ? null : Escapes.Unescape(text);                  // a separator is typed as "$$\n" on a command line
        if (type == typeof(string))
            return IsNull(text) ? null : text;
        throw new InvalidOperationException($"config field {knob.Name} has type {type.Name}, which With cannot parse yet.");
    }

    private static bool IsNull(string text) => text.Length == 0 || text.Equals("null", StringComparison.OrdinalIgnoreCase) || text.Equals("none", StringComparison.OrdinalIgnoreCase);

    private static TimeSpan? ParseTime(string text)
    {
        var inv = CultureInfo.InvariantCulture;
        (string suffix, double seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        foreach (var (suffix, seconds) in units)
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, inv, out double amount) && double.IsFinite(amount))
                return Math.Abs(amount * seconds) < TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.FromSeconds(amount * seconds) : null;   // beyond TimeSpan's range: not a time
        return TimeSpan.TryParse(text, inv, out var span) ? span : null;
    }
}

using System.Globalization;
using System.Text.Json;
using LstmCourse.Training;

namespace LstmCourse.Experiments.Runs;

/// <summary>A config's knobs as text, the way config.json writes them (0.003, 128, Adam, "00:02:00", null), so runs read
/// from different folders and grids spelled differently (3e-3, 0.003) compare equal.</summary>
public static class KnobValues
{
    /// <summary>Every knob of <paramref name="config"/> by name.</summary>
    public static IReadOnlyDictionary<string, string> Of(TrainingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        using var json = JsonDocument.Parse(config.ToJson());
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in json.RootElement.EnumerateObject())
            values[field.Name] = field.Value.ValueKind switch
            {
                JsonValueKind.String => field.Value.GetString()!,
                JsonValueKind.Null => "null",
                _ => field.Value.GetRawText(),
            };
        return values;
    }

    /// <summary>The values in order: numerically when every one is a number, otherwise as first met.</summary>
    public static IReadOnlyList<string> Ordered(IEnumerable<string> values)
    {
        var distinct = values.Distinct(StringComparer.Ordinal).ToList();
        return distinct.All(v => IsNumber(v, out _)) ? [.. distinct.OrderBy(v => { IsNumber(v, out double x); return x; })] : distinct;
    }

    /// <summary>True when <paramref name="value"/> is a number (invariant culture).</summary>
    public static bool IsNumber(string value, out double number) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
}

using LstmCourse.IO;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LstmCourse.Parameters;

/// <summary>Named weights saved as JSON and read back bit for bit: <c>{"format": "LstmCourse.Weights", "version": 1,
/// "tensors": [{"name", "rows", "cols", "data"}]}</c>, one tensor per line.</summary>
/// <remarks>
/// Doubles are written in round-trip form ("R": the shortest text that parses back to the same double), so a loaded
/// model computes exactly what the saved one did. Saving writes a temporary file beside the target and renames it
/// over the target, so a crash mid-save leaves the old file intact. Loading checks everything and reports a
/// truncated or malformed file as <see cref="InvalidDataException"/> naming the file and the problem.
/// Use with <see cref="ParameterSet.Export"/> and <see cref="ParameterSet.Import"/>.
/// </remarks>
public static class WeightsFile
{
    public const string Format = "LstmCourse.Weights";
    public const int Version = 1;

    /// <summary>Writes every tensor to <paramref name="path"/>, replacing it atomically.</summary>
    public static void Save(string path, IEnumerable<NamedTensor> tensors)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(tensors);
        var list = tensors.ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in list)
        {
            if (string.IsNullOrEmpty(t.Name)) throw new ArgumentException("a tensor has an empty name.", nameof(tensors));
            if (!names.Add(t.Name)) throw new ArgumentException($"tensor '{t.Name}' appears twice.", nameof(tensors));
            if (t.Rows <= 0 || t.Cols <= 0) throw new ArgumentException($"tensor '{t.Name}' is {t.Rows}x{t.Cols}; sizes must be positive.", nameof(tensors));
            if (t.Data.Length != t.Count)
                throw new ArgumentException($"tensor '{t.Name}' declares {t.Rows}x{t.Cols} but carries {t.Data.Length} values.", nameof(tensors));
            for (int k = 0; k < t.Data.Length; k++)
                if (!double.IsFinite(t.Data[k]))
                    throw new ArgumentException($"tensor '{t.Name}' has {t.Data[k]} at [{k}]; only finite weights can be saved.", nameof(tensors));
        }

        var text = new StringBuilder();
        text.Append("{\n  \"format\": \"").Append(Format).Append("\",\n  \"version\": ").Append(Version).Append(",\n  \"tensors\": [");
        for (int i = 0; i < list.Count; i++)
        {
            var t = list[i];
            text.Append(i == 0 ? "\n    " : ",\n    ")
                .Append("{\"name\": ").Append(JsonSerializer.Serialize(t.Name))
                .Append(", \"rows\": ").Append(t.Rows).Append(", \"cols\": ").Append(t.Cols).Append(", \"data\": [")
                .AppendJoin(", ", t.Data.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))
                .Append("]}");
        }
        text.Append(list.Count == 0 ? "]\n}\n" : "\n  ]\n}\n");

        AtomicFile.WriteAllText(path, text.ToString());
    }

    /// <summary>Reads the tensors saved by <see cref="Save"/>, in the saved order.</summary>
    /// <exception cref="InvalidDataException">The file is truncated, not JSON, or not a weights file of this version.</exception>
    public static IReadOnlyList<NamedTensor> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var bytes = File.ReadAllBytes(path);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw Bad(path, $"is truncated or not valid JSON ({e.Message})");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Bad(path, $"holds a JSON {root.ValueKind}, expected an object");
            if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != Format)
                throw Bad(path, $"is not a weights file (\"format\" must be \"{Format}\")");
            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out int v) || v != Version)
                throw Bad(path, $"has version {(root.TryGetProperty("version", out var x) ? x.GetRawText() : "(missing)")}, this library reads version {Version}");
            if (!root.TryGetProperty("tensors", out var tensors) || tensors.ValueKind != JsonValueKind.Array)
                throw Bad(path, "has no \"tensors\" array");

            var result = new List<NamedTensor>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            int i = 0;
            foreach (var t in tensors.EnumerateArray())
            {
                string where = $"tensors[{i}]";
                if (t.ValueKind != JsonValueKind.Object) throw Bad(path, $"{where} is a JSON {t.ValueKind}, expected an object");
                string name = t.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
                if (name.Length == 0) throw Bad(path, $"{where} has no name");
                where = $"{where} ('{name}')";
                if (!names.Add(name)) throw Bad(path, $"{where} repeats a name");
                int rows = Size(path, t, "rows", where), cols = Size(path, t, "cols", where);
                if (!t.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                    throw Bad(path, $"{where} has no \"data\" array");
                if (data.GetArrayLength() != (long)rows * cols)
                    throw Bad(path, $"{where} is {rows}x{cols} = {(long)rows * cols} values but \"data\" holds {data.GetArrayLength()}");
                var values = new double[rows * cols];
                int k = 0;
                foreach (var e in data.EnumerateArray())
                {
                    if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out double d) || !double.IsFinite(d))
                        throw Bad(path, $"{where} data[{k}] is {e.GetRawText()}, expected a finite number");
                    values[k++] = d;
                }
                result.Add(new NamedTensor(name, rows, cols, values));
                i++;
            }
            return result;
        }
    }

    private static int Size(string path, JsonElement t, string field, string where)
    {
        if (!t.TryGetProperty(field, out var e) || e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out int n) || n <= 0)
            throw Bad(path, $"{where} has {field} {(t.TryGetProperty(field, out var x) ? x.GetRawText() : "(missing)")}, expected a positive integer");
        return n;
    }

    private static InvalidDataException Bad(string path, string problem) => new($"Weights file '{path}' {problem}.");
}

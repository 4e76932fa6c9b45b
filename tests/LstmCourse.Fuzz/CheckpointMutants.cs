using System.Text;
using System.Text.Json.Nodes;
using LstmCourse.Tests.Training;
using LstmCourse.Training;

namespace LstmCourse.Fuzz;

/// <summary>Checkpoint files with a valid checksum and a mutated content: a config field, the vocabulary, a tensor's name,
/// shape or values, the optimizer, random state, position or metrics, whole sections, or raw bytes of a section.</summary>
internal sealed class CheckpointMutants(Random random)
{
    private static readonly string[] Sections = ["config", "vocabulary", "weights", "optimizer", "rng", "position", "state", "metrics"];

    private static readonly JsonNode?[] JsonValues =
    [
        0, -1, 1, 2, 3, 17, 4096, 100_000, int.MaxValue, int.MinValue, 1e308, -1e308, 1e-308, 0.5, 0.99999999, 1.5, "NaN", "Infinity", "-Infinity",
        "", "abc", "Adam", "Sgd", "Momentum", "AdamW", "Cosine", "$$\n", "\uD83D", "00:00:01", "-00:00:05", "99999999.00:00:00", null, true, false,
        new JsonArray(), new JsonObject(),
    ];

    private static readonly float[] Floats = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, -float.MaxValue, 1e30f, 1e-45f, -0f, 0f, 1f];

    /// <summary>A mutant of <paramref name="source"/> and a few words saying what was changed.</summary>
    public (byte[] Bytes, string What) Next(byte[] source)
    {
        var file = CheckpointFile.Read(source);
        string what = random.Next(12) switch
        {
            0 or 1 => ConfigField(file),
            2 => ConfigText(file),
            3 => Vocabulary(file),
            4 or 5 => Tensor(file),
            6 => Optimizer(file),
            7 => Words(file, "rng"),
            8 => Words(file, "position"),
            9 => Metrics(file),
            10 => Section(file),
            _ => Bytes(file),
        };
        return (file.ToBytes(), what);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private string ConfigField(CheckpointFile file)
    {
        var json = JsonNode.Parse(Encoding.UTF8.GetString(file["config"]))!.AsObject();
        string field = random.Next(10) == 0 ? "Unknown" + random.Next(100) : Pick(TrainingConfig.KnobNames);
        if (random.Next(6) == 0) { json.Remove(field); file["config"] = Encoding.UTF8.GetBytes(json.ToJsonString()); return $"config: {field} removed"; }
        var value = Pick(JsonValues);
        json[field] = value?.DeepClone();
        file["config"] = Encoding.UTF8.GetBytes(json.ToJsonString());
        return $"config: {field} = {value?.ToJsonString() ?? "null"}";
    }

    private string ConfigText(CheckpointFile file)
    {
        byte[] json = file["config"];
        (file["config"], string what) = random.Next(4) switch
        {
            0 => (json[..random.Next(json.Length)], "config truncated"),
            1 => ([0xFF, 0xFE, .. json], "config with invalid UTF-8"),
            2 => ("[1, 2, 3]"u8.ToArray(), "config is an array"),
            _ => (Encoding.UTF8.GetBytes(new string('{', random.Next(1, 5000))), "config is braces"),
        };
        return what;
    }

    private string Vocabulary(CheckpointFile file)
    {
        byte[] body = (byte[])file["vocabulary"].Clone();
        int width = file.Version == 1 ? 2 : 4, count = BitConverter.ToInt32(body, 0);
        switch (random.Next(6))
        {
            case 0:
                int newCount = Pick(new[] { count + 1, count - 1, 0, -1, int.MaxValue, 1 << 20 });
                BitConverter.GetBytes(newCount).CopyTo(body, 0);
                file["vocabulary"] = body;
                return $"vocabulary count {newCount}";
            case 1:
            case 2:
                int k = random.Next(count);
                uint value = Pick(new uint[] { 0xD83D, 0xDE00, 0xDFFF, 0x110000, 0xFFFFFFFF, 0, 'A', 0x1F600, (uint)random.Next(0x110000) });
                if (width == 2) BitConverter.GetBytes((ushort)value).CopyTo(body, 4 + 2 * k); else BitConverter.GetBytes(value).CopyTo(body, 4 + 4 * k);
                file["vocabulary"] = body;
                return $"vocabulary[{k}] = U+{value:X}";
            case 3:
                file["vocabulary"] = body[..random.Next(body.Length)];
                return "vocabulary truncated";
            case 4:
                file["vocabulary"] = [.. body, .. new byte[width]];
                return "vocabulary with an extra entry's bytes";
            default:
                int at = random.Next(count - 1);
                var a = body.AsSpan(4 + at * width, width).ToArray();
                body.AsSpan(4 + (at + 1) * width, width).CopyTo(body.AsSpan(4 + at * width));
                a.CopyTo(body.AsSpan(4 + (at + 1) * width));
                file["vocabulary"] = body;
                return $"vocabulary entries {at} and {at + 1} swapped";
        }
    }

    private string Tensor(CheckpointFile file)
    {
        string section = Pick(new[] { "weights", "weights", "state", "optimizer" });
        bool optimizer = section == "optimizer";
        var tensors = CheckpointFile.Tensors(file[section], optimizer, out string? name, out long steps);
        if (tensors.Count == 0) return Bytes(file);
        int k = random.Next(tensors.Count);
        var t = tensors[k];
        string what;
        switch (random.Next(7))
        {
            case 0:
                string renamed = Pick(new[] { tensors[random.Next(tensors.Count)].Name, "layer9.Wx", "", "Wy ", "layer0.wx", t.Name + ".m", "layer01.h", new string('x', 300) });
                tensors[k] = (renamed, t.Rows, t.Cols, t.Data);
                what = $"{section}: {t.Name} renamed '{renamed}'";
                break;
            case 1:
                tensors[k] = (t.Name, t.Cols, t.Rows, t.Data);
                what = $"{section}: {t.Name} transposed";
                break;
            case 2:
                int rows = Pick(new[] { t.Rows + 1, t.Rows - 1, 0, 1, t.Rows * 2 });
                tensors[k] = (t.Name, rows, t.Cols, new float[Math.Max(0, rows) * t.Cols]);
                what = $"{section}: {t.Name} resized to {rows}x{t.Cols}";
                break;
            case 3:
                float value = Pick(Floats);
                var data = (float[])t.Data.Clone();
                if (data.Length > 0) data[random.Next(data.Length)] = value;
                tensors[k] = (t.Name, t.Rows, t.Cols, data);
                what = $"{section}: a value of {t.Name} = {value}";
                break;
            case 4:
                tensors.RemoveAt(k);
                what = $"{section}: {t.Name} dropped";
                break;
            case 5:
                tensors.Add(t);
                what = $"{section}: {t.Name} repeated";
                break;
            default:
                byte[] body = CheckpointFile.TensorsBody(tensors, name, steps);
                int at = optimizer ? Encoding.UTF8.GetByteCount(name!) + 1 + 8 : 0;
                int declared = Pick(new[] { -1, 0, tensors.Count + 1, 100_000, int.MaxValue });
                BitConverter.GetBytes(declared).CopyTo(body, at);
                file[section] = body;
                return $"{section}: tensor count {declared}";
        }
        file[section] = CheckpointFile.TensorsBody(tensors, name, steps);
        return what;
    }

    private string Optimizer(CheckpointFile file)
    {
        var buffers = CheckpointFile.Tensors(file["optimizer"], true, out string? name, out long steps);
        if (random.Next(2) == 0)
        {
            string renamed = Pick(new[] { "Sgd", "Nesterov", "Momentum", "", "Adam2", "adam" });
            file["optimizer"] = CheckpointFile.TensorsBody(buffers, renamed, steps);
            return $"optimizer named '{renamed}'";
        }
        long newSteps = Pick(new[] { -1L, 0L, steps + 1, long.MaxValue, steps * 2 });
        file["optimizer"] = CheckpointFile.TensorsBody(buffers, name, newSteps);
        return $"optimizer steps {newSteps}";
    }

    /// <summary>One 4- or 8-byte word of a fixed-layout section (rng: count and words; position: its fields) set to an edge value.</summary>
    private string Words(CheckpointFile file, string section)
    {
        byte[] body = (byte[])file[section].Clone();
        int at = random.Next(Math.Max(1, body.Length / 4)) * 4;
        at = Math.Min(at, body.Length - 4);
        byte[] value = Pick(new[]
        {
            BitConverter.GetBytes(-1), BitConverter.GetBytes(0), BitConverter.GetBytes(int.MaxValue), BitConverter.GetBytes(3), BitConverter.GetBytes(5),
            BitConverter.GetBytes(float.NaN), BitConverter.GetBytes(0x7FF80000), BitConverter.GetBytes(unchecked((int)0xFFF00000)), BitConverter.GetBytes(random.Next()),
        });
        value.CopyTo(body, at);
        if (random.Next(3) == 0 && section == "rng") body.AsSpan(4).Clear();
        file[section] = body;
        return $"{section}: bytes {at}..{at + 3} = {Convert.ToHexString(value)}";
    }

    private string Metrics(CheckpointFile file)
    {
        byte[] body = (byte[])file["metrics"].Clone();
        int rows = BitConverter.ToInt32(body, 0);
        if (random.Next(3) == 0 || rows == 0)
        {
            int count = Pick(new[] { -1, rows + 1, rows - 1, int.MaxValue, 29_000_000 });
            BitConverter.GetBytes(count).CopyTo(body, 0);
            file["metrics"] = body;
            return $"metrics count {count}";
        }
        int row = random.Next(rows), field = random.Next(9);
        byte[] value = field == 0 ? BitConverter.GetBytes(Pick(new[] { -1L, 0L, long.MaxValue, 5L })) : BitConverter.GetBytes(Pick(new[] { double.NaN, double.PositiveInfinity, -1.0, 1e308 }));
        value.CopyTo(body, 4 + row * 72 + field * 8);
        file["metrics"] = body;
        return $"metrics row {row} field {field}";
    }

    private string Section(CheckpointFile file)
    {
        int k = random.Next(file.Sections.Count);
        var (name, body) = file.Sections[k];
        switch (random.Next(6))
        {
            case 0: file.Sections.RemoveAt(k); return $"section {name} dropped";
            case 1: file.Sections.Add((name, body)); return $"section {name} repeated";
            case 2: file.Sections[k] = (name + "x", body); return $"section {name} renamed";
            case 3: file.Sections.Reverse(); return "sections reversed";
            case 4: file.Sections[k] = (name, body[..random.Next(body.Length + 1)]); return $"section {name} truncated";
            default: file.Sections[k] = (name, [.. body, .. Enumerable.Range(0, random.Next(1, 64)).Select(_ => (byte)random.Next(256))]); return $"section {name} extended";
        }
    }

    private string Bytes(CheckpointFile file)
    {
        string section = Pick(Sections);
        byte[] body = (byte[])file[section].Clone();
        if (body.Length == 0) return $"{section} empty, unchanged";
        int flips = random.Next(1, 5), at = random.Next(body.Length);
        for (int f = 0; f < flips; f++) body[Math.Min(body.Length - 1, at + f)] = (byte)random.Next(256);
        file[section] = body;
        return $"{section}: {flips} byte(s) at {at} replaced";
    }

    /// <summary>The version field alone changed (1 read as 2 and back, or one this library does not read).</summary>
    public static byte[] WithVersion(byte[] source, uint version)
    {
        var file = CheckpointFile.Read(source);
        file.Version = version;
        return file.ToBytes();
    }
}

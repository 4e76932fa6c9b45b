using System.Text;
using LstmCourse.Text;
using LstmCourse.Training.Optimizers;

namespace LstmCourse.Training;

public sealed partial class Checkpoint
{
    private static readonly string[] RequiredSections = ["config", "vocabulary", "weights", "optimizer", "rng", "position", "state", "metrics"];

    private byte[] WritePayload()
    {
        using var payload = new MemoryStream();
        using var w = new BinaryWriter(payload, Encoding.UTF8);
        void Section(string name, Action<BinaryWriter> write)
        {
            using var body = new MemoryStream();
            using (var bw = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true)) write(bw);
            w.Write(name);
            w.Write(body.Length);
            w.Write(body.GetBuffer(), 0, (int)body.Length);
        }
        Section("config", s => s.Write(Encoding.UTF8.GetBytes(Config.ToJson())));
        Section("vocabulary", s => { s.Write(Vocabulary.Size); foreach (var c in Vocabulary.Runes) s.Write((uint)c.Value); });
        Section("weights", s => WriteTensors(s, Weights));
        Section("optimizer", s => { s.Write(Optimizer.Optimizer); s.Write(Optimizer.Steps); WriteTensors(s, Optimizer.Buffers); });
        Section("rng", s => { s.Write(RngState.Length); foreach (ulong word in RngState) s.Write(word); });
        Section("position", s =>
        {
            var p = Position;
            s.Write(p.Step); s.Write(p.Epoch); s.Write(p.Batch); s.Write(p.ElapsedSeconds); s.Write(p.InitialLoss);
            s.Write(p.BestValidationLoss); s.Write(p.BestStep); s.Write(p.BadEvaluations); s.Write(p.DataFingerprint);
        });
        Section("state", s => WriteTensors(s, CarriedState));
        Section("metrics", s =>
        {
            s.Write(History.Count);
            foreach (var m in History)
            {
                s.Write(m.Step); s.Write(m.Epoch); s.Write(m.ElapsedSeconds); s.Write(m.TrainLoss); s.Write(m.Penalty);
                s.Write(m.ValidationLoss ?? double.NaN); s.Write(m.GradientNorm); s.Write(m.LearningRate); s.Write(m.CharsPerSecond);
            }
        });
        w.Flush();
        return payload.ToArray();
    }

    private static Checkpoint ReadPayload(byte[] payload, uint version)
    {
        var sections = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var r = new BinaryReader(new MemoryStream(payload), Encoding.UTF8))
            while (r.BaseStream.Position < r.BaseStream.Length)
            {
                string name = r.ReadString();
                long length = r.ReadInt64();
                if (length < 0 || length > r.BaseStream.Length - r.BaseStream.Position)
                    throw new InvalidDataException($"section '{name}' claims {length} bytes but only {r.BaseStream.Length - r.BaseStream.Position} remain");
                if (!sections.TryAdd(name, r.ReadBytes((int)length)))
                    throw new InvalidDataException($"section '{name}' appears twice");
            }
        var missing = RequiredSections.Where(s => !sections.ContainsKey(s)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"sections missing: {string.Join(", ", missing)}");

        T Read<T>(string name, Func<BinaryReader, T> read)
        {
            using var r = new BinaryReader(new MemoryStream(sections[name]), Encoding.UTF8);
            T value;
            try { value = read(r); }
            catch (Exception e) when (e is EndOfStreamException or ArgumentException or InvalidDataException or FormatException)
            {
                throw new InvalidDataException($"section '{name}': {e.Message}", e);
            }
            if (r.BaseStream.Position != r.BaseStream.Length)
                throw new InvalidDataException($"section '{name}' has {r.BaseStream.Length - r.BaseStream.Position} bytes left over");
            return value;
        }

        return new Checkpoint
        {
            Config = Read("config", r => ReadConfig(r.ReadBytes((int)r.BaseStream.Length))),
            Vocabulary = Read("vocabulary", r => ReadVocabulary(r, version)),
            Weights = Read("weights", ReadTensors),
            Optimizer = Read("optimizer", r => new OptimizerState(r.ReadString(), r.ReadInt64(), ReadTensors(r))),
            RngState = Read("rng", r =>
            {
                int count = Count(r, 16, "words", bytesEach: 8);
                var words = new ulong[count];
                for (int k = 0; k < count; k++) words[k] = r.ReadUInt64();
                return words;
            }),
            Position = Read("position", r => new TrainingPosition(r.ReadInt64(), r.ReadInt32(), r.ReadInt32(), r.ReadDouble(), r.ReadDouble(),
                r.ReadDouble(), r.ReadInt64(), r.ReadInt32(), r.ReadUInt64())),
            CarriedState = Read("state", ReadTensors),
            History = Read("metrics", r =>
            {
                int count = Count(r, int.MaxValue / 72, "rows", bytesEach: 72);
                var rows = new List<TrainingMetrics>(count);
                for (int k = 0; k < count; k++)
                {
                    long step = r.ReadInt64();
                    double epoch = r.ReadDouble(), elapsed = r.ReadDouble(), loss = r.ReadDouble(), penalty = r.ReadDouble(), validation = r.ReadDouble();
                    rows.Add(new TrainingMetrics(step, epoch, elapsed, loss, penalty, double.IsNaN(validation) ? null : validation,
                        r.ReadDouble(), r.ReadDouble(), r.ReadDouble()));
                }
                return rows;
            }),
        };
    }

    private static void WriteTensors(BinaryWriter w, IReadOnlyList<TensorSnapshot> tensors)
    {
        w.Write(tensors.Count);
        foreach (var t in tensors)
        {
            w.Write(t.Name); w.Write(t.Rows); w.Write(t.Cols);
            foreach (float v in t.Data) w.Write(v);
        }
    }

    private static List<TensorSnapshot> ReadTensors(BinaryReader r)
    {
        int count = Count(r, 100_000, "tensors", bytesEach: 9);          // a name of at least one byte, rows, cols
        var tensors = new List<TensorSnapshot>(count);
        for (int k = 0; k < count; k++)
        {
            string name = r.ReadString();
            int rows = r.ReadInt32(), cols = r.ReadInt32();
            long values = (long)rows * cols;
            if (rows < 0 || cols < 0 || values * 4 > r.BaseStream.Length - r.BaseStream.Position)
                throw new InvalidDataException($"tensor '{name}' claims {rows}x{cols} values, more than the section holds");
            if (values > Array.MaxLength) throw new InvalidDataException($"tensor '{name}' claims {rows}x{cols} values, more than an array holds");
            var data = new float[values];
            for (int i = 0; i < data.Length; i++) data[i] = r.ReadSingle();
            tensors.Add(new TensorSnapshot(name, rows, cols, data));
        }
        return tensors;
    }

    /// <summary>A count, checked against <paramref name="max"/> and against the bytes left (so nothing is allocated for data the file does not hold).</summary>
    private static int Count(BinaryReader r, int max, string what, int bytesEach = 1)
    {
        int count = r.ReadInt32();
        if (count < 0 || count > max) throw new InvalidDataException($"a count of {count} {what} is out of range 0..{max}");
        long left = r.BaseStream.Length - r.BaseStream.Position;
        if ((long)count * bytesEach > left) throw new InvalidDataException($"it announces {count} {what} but holds only {left} bytes for them");
        return count;
    }

    private static TrainingConfig ReadConfig(byte[] utf8)
    {
        string json;
        try { json = new UTF8Encoding(false, true).GetString(utf8); }
        catch (DecoderFallbackException) { throw new InvalidDataException("the stored config is not UTF-8 text (JSON)"); }
        try { return TrainingConfig.FromJson(json).Validate(); }
        catch (ArgumentException e) { throw new InvalidDataException($"the stored config is invalid: {e.Message}", e); }
    }

    /// <summary>Version 1 stored UTF-16 code units (a surrogate half there is not a character), version 2 Unicode scalar values.</summary>
    private static Vocabulary ReadVocabulary(BinaryReader r, uint version)
    {
        int count = Count(r, version == 1 ? 1 << 16 : 0x110000, "characters", bytesEach: version == 1 ? 2 : 4);
        var runes = new System.Text.Rune[count];
        for (int k = 0; k < count; k++)
        {
            uint value = version == 1 ? r.ReadUInt16() : r.ReadUInt32();
            if (!System.Text.Rune.IsValid(value))
                throw new InvalidDataException(value is >= 0xD800 and <= 0xDFFF
                    ? $"character {k} is U+{value:X4}, a lone surrogate (half of a character outside the Basic Multilingual Plane), not a character"
                    : $"character {k} is 0x{value:X}, which is not a Unicode scalar value");
            runes[k] = new System.Text.Rune(value);
        }
        if (count == 0) throw new InvalidDataException("it holds no characters");
        for (int k = 1; k < count; k++)
            if (runes[k].Value <= runes[k - 1].Value)
                throw new InvalidDataException($"characters {k - 1} and {k} ({Vocabulary.Describe(runes[k - 1])}, {Vocabulary.Describe(runes[k])}) are not in increasing order, so the ids are not the model's");
        return new Vocabulary(runes);
    }
}

using System.Security.Cryptography;
using System.Text;

namespace LstmCourse.Tests.Training;

/// <summary>A checkpoint file taken apart into its sections and put back together with a valid length and checksum, so a
/// test (or tests/LstmCourse.Fuzz) can make a file whose checksum is right but whose content is not.</summary>
/// <remarks>The layout of <c>Checkpoint</c>: "LSTMCKPT", uint32 version, int64 payload length, payload (sections: name
/// string · int64 length · bytes), SHA-256 of the payload.</remarks>
internal sealed class CheckpointFile
{
    public uint Version { get; set; }
    public List<(string Name, byte[] Body)> Sections { get; } = [];

    public static CheckpointFile Read(byte[] bytes)
    {
        var file = new CheckpointFile { Version = BitConverter.ToUInt32(bytes, 8) };
        long length = BitConverter.ToInt64(bytes, 12);
        using var r = new BinaryReader(new MemoryStream(bytes, 20, (int)length), Encoding.UTF8);
        while (r.BaseStream.Position < r.BaseStream.Length)
        {
            string name = r.ReadString();
            file.Sections.Add((name, r.ReadBytes((int)r.ReadInt64())));
        }
        return file;
    }

    public static CheckpointFile Read(string path) => Read(File.ReadAllBytes(path));

    /// <summary>The body of the section <paramref name="name"/>.</summary>
    public byte[] this[string name]
    {
        get => Sections.First(s => s.Name == name).Body;
        set => Sections[Sections.FindIndex(s => s.Name == name)] = (name, value);
    }

    public byte[] ToBytes()
    {
        var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
            foreach (var (name, body) in Sections)
            {
                w.Write(name);
                w.Write((long)body.Length);
                w.Write(body);
            }
        byte[] p = payload.ToArray();
        var file = new MemoryStream();
        using (var w = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
        {
            w.Write("LSTMCKPT"u8);
            w.Write(Version);
            w.Write((long)p.Length);
            w.Write(p);
            w.Write(SHA256.HashData(p));
        }
        return file.ToArray();
    }

    public void Save(string path) => File.WriteAllBytes(path, ToBytes());

    /// <summary>The tensors of a weights, state or optimizer body (the optimizer's name and steps come first).</summary>
    public static List<(string Name, int Rows, int Cols, float[] Data)> Tensors(byte[] body, bool optimizer, out string? optimizerName, out long steps)
    {
        using var r = new BinaryReader(new MemoryStream(body), Encoding.UTF8);
        optimizerName = optimizer ? r.ReadString() : null;
        steps = optimizer ? r.ReadInt64() : 0;
        int count = r.ReadInt32();
        var tensors = new List<(string, int, int, float[])>();
        for (int k = 0; k < count; k++)
        {
            string name = r.ReadString();
            int rows = r.ReadInt32(), cols = r.ReadInt32();
            var data = new float[rows * cols];
            for (int i = 0; i < data.Length; i++) data[i] = r.ReadSingle();
            tensors.Add((name, rows, cols, data));
        }
        return tensors;
    }

    /// <summary>A weights, state or optimizer body holding <paramref name="tensors"/>.</summary>
    public static byte[] TensorsBody(IEnumerable<(string Name, int Rows, int Cols, float[] Data)> tensors, string? optimizerName = null, long steps = 0)
    {
        var list = tensors.ToList();
        var body = new MemoryStream();
        using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            if (optimizerName is not null) { w.Write(optimizerName); w.Write(steps); }
            w.Write(list.Count);
            foreach (var (name, rows, cols, data) in list)
            {
                w.Write(name); w.Write(rows); w.Write(cols);
                foreach (float v in data) w.Write(v);
            }
        }
        return body.ToArray();
    }
}

using System.Buffers.Binary;
using System.IO.Compression;

namespace LstmCourse.Experiments.Tests.Support;

/// <summary>The pixels of an 8-bit RGB or RGBA PNG, non-interlaced (what Chromium's screenshots are): enough to ask what a
/// screenshot shows without an image library.</summary>
internal sealed class Png
{
    private readonly byte[] pixels;          // width x height x channels, filters undone
    private readonly int channels;

    private Png(int width, int height, int channels, byte[] pixels) => (Width, Height, this.channels, this.pixels) = (width, height, channels, pixels);

    public int Width { get; }
    public int Height { get; }

    /// <summary>The colour at (x, y) as 0xRRGGBB.</summary>
    public int this[int x, int y]
    {
        get
        {
            int i = (y * Width + x) * channels;
            return pixels[i] << 16 | pixels[i + 1] << 8 | pixels[i + 2];
        }
    }

    /// <summary>Every pixel's colour, row by row.</summary>
    public IEnumerable<int> Colours()
    {
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
                yield return this[x, y];
    }

    public static Png Read(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        if (file.Length < 8 || !file.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10 }))
            throw new InvalidDataException($"{path} is not a PNG file.");
        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        for (int at = 8; at + 8 <= file.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at));
            string type = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
            var data = file.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0 || data[9] is not (2 or 6))
                    throw new InvalidDataException($"{path}: only 8-bit, non-interlaced RGB or RGBA PNGs are read here (bit depth {data[8]}, colour type {data[9]}).");
                channels = data[9] == 6 ? 4 : 3;
            }
            else if (type == "IDAT") compressed.Write(data);
            else if (type == "IEND") break;
            at += 12 + length;
        }
        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        byte[] raw = inflated.ToArray();
        int stride = width * channels;
        var pixels = new byte[height * stride];
        for (int y = 0; y < height; y++)
        {
            byte filter = raw[y * (stride + 1)];
            var line = raw.AsSpan(y * (stride + 1) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            var above = y > 0 ? pixels.AsSpan((y - 1) * stride, stride) : new byte[stride];
            for (int i = 0; i < stride; i++)
            {
                int a = i >= channels ? row[i - channels] : 0, b = above[i], c = i >= channels ? above[i - channels] : 0;
                row[i] = (byte)(line[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"{path}: unknown PNG filter {filter} on row {y}."),
                });
            }
        }
        return new Png(width, height, channels, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}

using System.Text;

namespace LstmCourse.Torch.Tests.Build;

/// <summary>The test's own reader of an ELF file's version needs (.gnu.version_r), written apart from the build task it
/// checks: every (file, version, flags, offset of the flags field) entry.</summary>
internal static class VersionNeeds
{
    public sealed record Need(string File, string Version, ushort Flags, int FlagsOffset)
    {
        public bool Weak => (Flags & 0x2) != 0;      // VER_FLG_WEAK
    }

    public static IReadOnlyList<Need> Read(byte[] b)
    {
        Assert.True(b.Length > 64 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F' && b[4] == 2 && b[5] == 1, "not a 64-bit little-endian ELF file");
        long shoff = BitConverter.ToInt64(b, 0x28);
        int shentsize = BitConverter.ToUInt16(b, 0x3a), shnum = BitConverter.ToUInt16(b, 0x3c);
        (uint Type, long Offset, uint Link) Header(int i)
        {
            int o = (int)shoff + i * shentsize;
            return (BitConverter.ToUInt32(b, o + 4), BitConverter.ToInt64(b, o + 0x18), BitConverter.ToUInt32(b, o + 0x28));
        }
        var verneed = Enumerable.Range(0, shnum).Select(Header).Single(h => h.Type == 0x6ffffffe);   // SHT_GNU_verneed
        long strings = Header((int)verneed.Link).Offset;
        string Name(uint at)
        {
            int start = (int)(strings + at), end = start;
            while (b[end] != 0) end++;
            return Encoding.ASCII.GetString(b, start, end - start);
        }
        var needs = new List<Need>();
        int vn = (int)verneed.Offset;
        while (true)
        {
            string file = Name(BitConverter.ToUInt32(b, vn + 4));
            int vna = vn + (int)BitConverter.ToUInt32(b, vn + 8);
            for (int k = 0, count = BitConverter.ToUInt16(b, vn + 2); k < count; k++)
            {
                needs.Add(new Need(file, Name(BitConverter.ToUInt32(b, vna + 8)), BitConverter.ToUInt16(b, vna + 4), vna + 4));
                vna += (int)BitConverter.ToUInt32(b, vna + 12);
            }
            uint next = BitConverter.ToUInt32(b, vn + 12);
            if (next == 0) return needs;
            vn += (int)next;
        }
    }
}

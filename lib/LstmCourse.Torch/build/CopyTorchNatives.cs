// The MSBuild task that puts LibTorch's native libraries beside TorchSharp.dll (compiled by RoslynCodeTaskFactory
// from lib/LstmCourse.Torch/build/TorchNatives.targets; not part of the LstmCourse.Torch assembly).
//
// Why: TorchSharp 0.107's libLibTorchSharp.so was linked against GCC 13's libstdc++ and asks for version
// GLIBCXX_3.4.32, which Debian 12 and Ubuntu 22.04 do not have (their libstdc++ stops at 3.4.30), so the dynamic
// loader refuses it. The only symbol of that version it uses is _ZSt21ios_base_library_initv, a marker GCC 13 adds to
// make old loaders fail; no relocation references it, so nothing is ever looked up under that version. Marking the
// version need weak (VER_FLG_WEAK in its Vernaux entry of .gnu.version_r) tells the loader a missing version is not
// an error. This task patches the copy it writes, never the NuGet cache, and first proves the patch is safe: every
// symbol bound to a version it marks must be one of the allowed markers, and no relocation may name one.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class CopyTorchNatives : Task
{
    /// <summary>Every native file of the package for this machine's RID.</summary>
    [Required] public ITaskItem[] Natives { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The library TorchSharp loads (libLibTorchSharp.so): only it and what it needs are copied (ELF only).</summary>
    [Required] public string Root { get; set; } = "";

    [Required] public string DestinationFolder { get; set; } = "";

    /// <summary>Version needs to mark weak, e.g. GLIBCXX_3.4.32.</summary>
    public string[] WeakVersions { get; set; } = Array.Empty<string>();

    /// <summary>The only symbols allowed to carry a version that is marked weak.</summary>
    public string[] MarkerSymbols { get; set; } = Array.Empty<string>();

    [Output] public ITaskItem[] Copied { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        try
        {
            var byName = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var item in Natives) byName[Path.GetFileName(item.ItemSpec)] = item.GetMetadata("FullPath");
            if (!byName.ContainsKey(Root))
            {
                Log.LogError($"LstmCourse.Torch: the native package has no {Root} among {string.Join(", ", byName.Keys)}; check the TorchSharp package version.");
                return false;
            }
            var chosen = Elf.IsElf(byName[Root]) ? Closure(byName) : byName.Keys.ToList();
            Directory.CreateDirectory(DestinationFolder);
            var copied = new List<ITaskItem>();
            foreach (string name in chosen)
            {
                string source = byName[name], target = Path.Combine(DestinationFolder, name);
                copied.Add(new TaskItem(target));
                var s = new FileInfo(source);
                var t = new FileInfo(target);
                if (t.Exists && t.Length == s.Length && t.LastWriteTimeUtc >= s.LastWriteTimeUtc) continue;   // up to date
                string temp = target + ".tmp";
                File.Copy(source, temp, overwrite: true);
                if (Elf.IsElf(temp) && WeakVersions.Length > 0)
                {
                    var marked = Elf.MarkVersionNeedsWeak(temp, WeakVersions, MarkerSymbols);
                    foreach (string m in marked) Log.LogMessage(MessageImportance.High, $"LstmCourse.Torch: {name}: version need {m} marked weak (VER_FLG_WEAK) in the copy {target}");
                }
                File.SetLastWriteTimeUtc(temp, DateTime.UtcNow);
                if (File.Exists(target)) File.Delete(target);   // a running process keeps its mapping of the old file
                File.Move(temp, target);
            }
            Copied = copied.ToArray();
            return !Log.HasLoggedErrors;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Log.LogError($"LstmCourse.Torch: preparing the native libraries in {DestinationFolder} failed: {e.Message}");
            return false;
        }
    }

    /// <summary>Root and every package library it needs, directly or not (DT_NEEDED entries found among the package's files).</summary>
    private List<string> Closure(Dictionary<string, string> byName)
    {
        var result = new List<string>();
        var queue = new Queue<string>(new[] { Root });
        while (queue.Count > 0)
        {
            string name = queue.Dequeue();
            if (result.Contains(name)) continue;
            result.Add(name);
            foreach (string needed in Elf.Needed(byName[name]))
                if (byName.ContainsKey(needed)) queue.Enqueue(needed);
        }
        return result;
    }
}

/// <summary>The few ELF64 little-endian structures the task reads: section headers, .dynamic, .gnu.version_r, .gnu.version, relocations.</summary>
internal static class Elf
{
    private const uint ShtRela = 4, ShtRel = 9, ShtDynamic = 6, ShtGnuVerneed = 0x6ffffffe, ShtGnuVersym = 0x6fffffff, ShtDynsym = 11;
    private const ushort VerFlgWeak = 0x2;

    public static bool IsElf(string path)
    {
        using var f = File.OpenRead(path);
        var head = new byte[6];
        return f.Read(head, 0, 6) == 6 && head[0] == 0x7f && head[1] == (byte)'E' && head[2] == (byte)'L' && head[3] == (byte)'F' && head[4] == 2 && head[5] == 1;
    }

    private sealed class Section
    {
        public uint Type; public ulong Offset, Size, EntrySize; public uint Link;
    }

    private static List<Section> Sections(byte[] b)
    {
        if (!(b.Length > 64 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F' && b[4] == 2 && b[5] == 1))
            throw new InvalidDataException("not a 64-bit little-endian ELF file");
        ulong shoff = BitConverter.ToUInt64(b, 0x28);
        int shentsize = BitConverter.ToUInt16(b, 0x3a), shnum = BitConverter.ToUInt16(b, 0x3c);
        var list = new List<Section>();
        for (int i = 0; i < shnum; i++)
        {
            int o = checked((int)shoff + i * shentsize);
            list.Add(new Section
            {
                Type = BitConverter.ToUInt32(b, o + 4), Offset = BitConverter.ToUInt64(b, o + 0x18), Size = BitConverter.ToUInt64(b, o + 0x20),
                Link = BitConverter.ToUInt32(b, o + 0x28), EntrySize = BitConverter.ToUInt64(b, o + 0x38),
            });
        }
        return list;
    }

    private static string Str(byte[] b, Section strtab, uint offset)
    {
        int start = checked((int)(strtab.Offset + offset)), end = start;
        while (b[end] != 0) end++;
        return Encoding.ASCII.GetString(b, start, end - start);
    }

    /// <summary>The DT_NEEDED names of a shared library.</summary>
    public static List<string> Needed(string path)
    {
        var b = File.ReadAllBytes(path);
        var sections = Sections(b);
        var result = new List<string>();
        foreach (var dyn in sections.Where(s => s.Type == ShtDynamic))
        {
            var strtab = sections[(int)dyn.Link];
            for (ulong o = dyn.Offset; o + 16 <= dyn.Offset + dyn.Size; o += 16)
            {
                long tag = BitConverter.ToInt64(b, (int)o);
                if (tag == 0) break;
                if (tag == 1) result.Add(Str(b, strtab, (uint)BitConverter.ToUInt64(b, (int)o + 8)));   // DT_NEEDED
            }
        }
        return result;
    }

    /// <summary>Sets VER_FLG_WEAK on every version need named in <paramref name="versions"/>, after checking that only
    /// <paramref name="markers"/> carry that version and that no relocation references them. Returns the versions marked.</summary>
    public static List<string> MarkVersionNeedsWeak(string path, string[] versions, string[] markers)
    {
        var b = File.ReadAllBytes(path);
        var sections = Sections(b);
        var verneed = sections.FirstOrDefault(s => s.Type == ShtGnuVerneed);
        var marked = new List<string>();
        if (verneed is null) return marked;
        var strtab = sections[(int)verneed.Link];
        var targets = new List<(int FlagsOffset, ushort Index, string Name)>();
        for (int need = (int)verneed.Offset; ;)
        {
            int count = BitConverter.ToUInt16(b, need + 2);
            int aux = need + (int)BitConverter.ToUInt32(b, need + 8);
            for (int k = 0; k < count; k++)
            {
                string name = Str(b, strtab, BitConverter.ToUInt32(b, aux + 8));
                if (versions.Contains(name)) targets.Add((aux + 4, BitConverter.ToUInt16(b, aux + 6), name));
                aux += (int)BitConverter.ToUInt32(b, aux + 12);                  // vna_next
            }
            uint next = BitConverter.ToUInt32(b, need + 12);
            if (next == 0) break;
            need += (int)next;
        }
        if (targets.Count == 0) return marked;

        var versym = sections.First(s => s.Type == ShtGnuVersym);
        var dynsym = sections[(int)versym.Link];
        if (dynsym.Type != ShtDynsym) throw new InvalidDataException(".gnu.version does not link to .dynsym");
        var dynstr = sections[(int)dynsym.Link];
        var indices = new HashSet<ushort>(targets.Select(t => t.Index));
        var bound = new HashSet<ulong>();                                   // symbol indices carrying a marked version
        ulong symbols = dynsym.Size / dynsym.EntrySize;
        for (ulong i = 0; i < symbols; i++)
        {
            ushort v = (ushort)(BitConverter.ToUInt16(b, (int)(versym.Offset + 2 * i)) & 0x7fff);
            if (!indices.Contains(v)) continue;
            string name = Str(b, dynstr, BitConverter.ToUInt32(b, (int)(dynsym.Offset + i * dynsym.EntrySize)));
            if (!markers.Contains(name))
                throw new InvalidDataException($"symbol {name} needs version {targets.First(t => t.Index == v).Name}: marking it weak would break it (only {string.Join(", ", markers)} may)");
            bound.Add(i);
        }
        foreach (var rel in sections.Where(s => (s.Type == ShtRela || s.Type == ShtRel) && s.Link < sections.Count && sections[(int)s.Link] == dynsym))
            for (ulong o = rel.Offset; o + rel.EntrySize <= rel.Offset + rel.Size; o += rel.EntrySize)
            {
                ulong symbol = BitConverter.ToUInt64(b, (int)o + 8) >> 32;   // r_info = (sym << 32) | type
                if (bound.Contains(symbol))
                    throw new InvalidDataException($"a relocation at 0x{BitConverter.ToUInt64(b, (int)o):x} references a symbol of a version to be marked weak; the patch would not be safe");
            }
        foreach (var (flagsOffset, _, name) in targets)
        {
            ushort flags = BitConverter.ToUInt16(b, flagsOffset);
            BitConverter.GetBytes((ushort)(flags | VerFlgWeak)).CopyTo(b, flagsOffset);
            marked.Add(name);
        }
        File.WriteAllBytes(path, b);
        return marked;
    }
}

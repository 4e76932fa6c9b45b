using System.IO.Compression;
using System.Text;

namespace LstmCourse.Torch;

public static partial class StateDictFile
{
    private sealed record Global(string Module, string Name);
    private sealed record Storage(bool Float64, string Key, long Count);
    private sealed class Mark;

    /// <summary>Reads every tensor of a state_dict file, in the file's order.</summary>
    /// <exception cref="InvalidDataException">Not a zip with a data.pkl, a pickle this reader does not know, or tensors other
    /// than float32/float64; the message says which.</exception>
    public static IReadOnlyList<(string Key, StateTensor Tensor)> Read(Stream stream)
    {
        ZipArchive zip;
        try { zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException e) { throw new InvalidDataException($"it is not a zip archive, the format torch.save writes ({e.Message})", e); }
        using (zip)
        {
            var pkl = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith("/data.pkl", StringComparison.Ordinal))
                      ?? throw new InvalidDataException("the zip holds no data.pkl, so torch.save did not write it");
            string prefix = pkl.FullName[..^"data.pkl".Length];
            byte[] program;
            using (var s = pkl.Open()) { using var ms = new MemoryStream(); s.CopyTo(ms); program = ms.ToArray(); }
            var root = Unpickle(program, zip, prefix);
            if (root is not List<(object Key, object Value)> items)
                throw new InvalidDataException($"data.pkl holds a {root?.GetType().Name ?? "None"}, not a dict of tensors");
            return items.Select(kv => kv is (string key, StateTensor t)
                ? (key, t)
                : throw new InvalidDataException($"entry '{kv.Key}' is a {kv.Value?.GetType().Name ?? "None"}, not a float tensor")).ToList();
        }
    }

    /// <summary>A pickle VM for the opcodes of a protocol-2 state_dict: dicts are ordered lists of pairs, tensors StateTensors.</summary>
    private static object? Unpickle(byte[] p, ZipArchive zip, string prefix)
    {
        var stack = new List<object?>();
        var memo = new Dictionary<long, object?>();
        int at = 0;
        byte U8() => p[at++];
        int I32() { int v = BitConverter.ToInt32(p, at); at += 4; return v; }
        string Line() { int end = Array.IndexOf(p, (byte)'\n', at); var s = Encoding.ASCII.GetString(p, at, end - at); at = end + 1; return s; }
        string Utf8(int n) { var s = Encoding.UTF8.GetString(p, at, n); at += n; return s; }
        object? Pop() { var v = stack[^1]; stack.RemoveAt(stack.Count - 1); return v; }
        List<object?> PopMark()
        {
            int m = stack.FindLastIndex(o => o is Mark);
            if (m < 0) throw new InvalidDataException("data.pkl pops a MARK it never pushed");
            var items = stack.GetRange(m + 1, stack.Count - m - 1);
            stack.RemoveRange(m, stack.Count - m);
            return items;
        }
        void SetItems(List<(object Key, object Value)> dict, List<object?> kv)
        {
            for (int k = 0; k + 1 < kv.Count; k += 2) dict.Add((kv[k]!, kv[k + 1]!));
        }
        while (true)
        {
            if (at >= p.Length) throw new InvalidDataException("data.pkl ends without STOP");
            byte op = U8();
            switch (op)
            {
                case 0x80: U8(); break;                                                 // PROTO
                case 0x95: at += 8; break;                                              // FRAME
                case (byte)'c': stack.Add(new Global(Line(), Line())); break;           // GLOBAL
                case (byte)')': stack.Add(Array.Empty<object?>()); break;               // EMPTY_TUPLE
                case (byte)'}': stack.Add(new List<(object, object)>()); break;         // EMPTY_DICT
                case (byte)']': stack.Add(new List<object?>()); break;                  // EMPTY_LIST
                case (byte)'(': stack.Add(new Mark()); break;                           // MARK
                case (byte)'t': stack.Add(PopMark().ToArray()); break;                  // TUPLE
                case 0x85: stack.Add(new[] { Pop() }); break;                           // TUPLE1
                case 0x86: { var b = Pop(); var a = Pop(); stack.Add(new[] { a, b }); break; }
                case 0x87: { var c = Pop(); var b = Pop(); var a = Pop(); stack.Add(new[] { a, b, c }); break; }
                case (byte)'X': stack.Add(Utf8(I32())); break;                          // BINUNICODE
                case 0x8c: stack.Add(Utf8(U8())); break;                                // SHORT_BINUNICODE
                case (byte)'U': { int n = U8(); stack.Add(Encoding.ASCII.GetString(p, at, n)); at += n; break; }   // SHORT_BINSTRING
                case (byte)'K': stack.Add((long)U8()); break;                           // BININT1
                case (byte)'M': stack.Add((long)BitConverter.ToUInt16(p, at)); at += 2; break;
                case (byte)'J': stack.Add((long)I32()); break;                          // BININT
                case 0x8a:                                                              // LONG1
                {
                    int n = U8();
                    long v = 0;
                    for (int k = n - 1; k >= 0; k--) v = (v << 8) | p[at + k];
                    if (n is > 0 and < 8 && (p[at + n - 1] & 0x80) != 0) v -= 1L << (8 * n);
                    at += n;
                    stack.Add(v);
                    break;
                }
                case (byte)'G': { var b = p[at..(at + 8)]; Array.Reverse(b); stack.Add(BitConverter.ToDouble(b)); at += 8; break; }
                case (byte)'N': stack.Add(null); break;
                case 0x88: stack.Add(true); break;
                case 0x89: stack.Add(false); break;
                case (byte)'q': memo[U8()] = stack[^1]; break;                          // BINPUT
                case (byte)'r': memo[I32()] = stack[^1]; break;                         // LONG_BINPUT
                case 0x94: memo[memo.Count] = stack[^1]; break;                         // MEMOIZE
                case (byte)'h': stack.Add(memo[U8()]); break;                           // BINGET
                case (byte)'j': stack.Add(memo[I32()]); break;                          // LONG_BINGET
                case (byte)'s': { var v = Pop(); var k = Pop(); ((List<(object, object)>)stack[^1]!).Add((k!, v!)); break; }
                case (byte)'u': { var kv = PopMark(); SetItems((List<(object, object)>)stack[^1]!, kv); break; }
                case (byte)'a': { var v = Pop(); ((List<object?>)stack[^1]!).Add(v); break; }
                case (byte)'e': { var vs = PopMark(); ((List<object?>)stack[^1]!).AddRange(vs); break; }
                case (byte)'b': Pop(); break;                                           // BUILD: the state (a state_dict's _metadata) is not needed
                case (byte)'Q': stack.Add(LoadStorage(Pop())); break;                   // BINPERSID
                case (byte)'R':                                                         // REDUCE
                {
                    var args = (object?[])Pop()!;
                    var f = Pop() as Global ?? throw new InvalidDataException("data.pkl calls something that is not a global");
                    stack.Add(Call(f, args, zip, prefix));
                    break;
                }
                case (byte)'.': return Pop();                                           // STOP
                default:
                    throw new InvalidDataException($"data.pkl uses pickle opcode 0x{op:x2} at byte {at - 1}, which a state_dict of tensors does not need");
            }
        }

        object LoadStorage(object? pid)
        {
            if (pid is not object?[] { Length: 5 } t || t[0] is not "storage" || t[1] is not Global type || t[2] is not string key)
                throw new InvalidDataException("data.pkl has a persistent id that is not a tensor storage");
            bool f64 = type.Name switch
            {
                "FloatStorage" => false,
                "DoubleStorage" => true,
                _ => throw new InvalidDataException($"a tensor is stored as torch.{type.Name}; the course's models are float32 (FloatStorage) or float64 (DoubleStorage)"),
            };
            return new Storage(f64, key, Convert.ToInt64(t[4]));
        }
    }

    private static object Call(Global f, object?[] args, ZipArchive zip, string prefix)
    {
        if (f is { Module: "collections", Name: "OrderedDict" }) return new List<(object, object)>();
        if (f is { Module: "torch._utils", Name: "_rebuild_tensor_v2" } && args.Length >= 4 && args[0] is Storage s)
        {
            long offset = Convert.ToInt64(args[1]);
            long[] shape = ((object?[])args[2]!).Select(Convert.ToInt64).ToArray(), stride = ((object?[])args[3]!).Select(Convert.ToInt64).ToArray();
            var entry = zip.GetEntry($"{prefix}data/{s.Key}") ?? throw new InvalidDataException($"the storage data/{s.Key} is missing from the zip");
            byte[] bytes;
            using (var st = entry.Open()) { using var ms = new MemoryStream(); st.CopyTo(ms); bytes = ms.ToArray(); }
            int size = s.Float64 ? 8 : 4;
            if (bytes.Length != s.Count * size) throw new InvalidDataException($"the storage data/{s.Key} has {bytes.Length} bytes for {s.Count} values of {size} bytes");
            long count = shape.Aggregate(1L, (a, b) => a * b);
            var data = new double[count];
            var index = new long[shape.Length];
            for (long k = 0; k < count; k++)                                    // walk the shape in row-major order, reading through the strides
            {
                long at = offset;
                for (int d = 0; d < shape.Length; d++) at += index[d] * stride[d];
                if (at < 0 || at >= s.Count) throw new InvalidDataException($"a tensor reads value {at} of a storage of {s.Count}");
                data[k] = s.Float64 ? BitConverter.ToDouble(bytes, (int)(at * 8)) : BitConverter.ToSingle(bytes, (int)(at * 4));
                for (int d = shape.Length - 1; d >= 0 && ++index[d] == shape[d]; d--) index[d] = 0;
            }
            return new StateTensor(s.Float64, shape, data);
        }
        throw new InvalidDataException($"data.pkl calls {f.Module}.{f.Name}, which a state_dict of tensors does not contain");
    }
}

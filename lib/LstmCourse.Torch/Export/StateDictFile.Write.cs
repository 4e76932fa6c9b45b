using System.IO.Compression;
using System.Text;

namespace LstmCourse.Torch;

public static partial class StateDictFile
{
    /// <summary>Writes <paramref name="tensors"/> (in order) as a state_dict file to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, IEnumerable<(string Key, StateTensor Tensor)> tensors)
    {
        var list = tensors.ToList();
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (var pkl = zip.CreateEntry($"{Prefix}/data.pkl", CompressionLevel.NoCompression).Open())
            pkl.Write(Pickle(list));
        for (int k = 0; k < list.Count; k++)
        {
            var t = list[k].Tensor;
            if (t.Data.Length != t.Count) throw new ArgumentException($"'{list[k].Key}' has shape {string.Join(" x ", t.Shape)} but {t.Data.Length} values.");
            using var data = zip.CreateEntry($"{Prefix}/data/{k}", CompressionLevel.NoCompression).Open();
            using var w = new BinaryWriter(data);                              // little-endian, as torch stores on x86 and ARM
            foreach (double v in t.Data)
                if (t.Float64) w.Write(v); else w.Write((float)v);
        }
        using (var version = new StreamWriter(zip.CreateEntry($"{Prefix}/version", CompressionLevel.NoCompression).Open())) version.Write("3\n");
        using (var order = new StreamWriter(zip.CreateEntry($"{Prefix}/byteorder", CompressionLevel.NoCompression).Open())) order.Write("little");
    }

    /// <summary>data.pkl: the OrderedDict of rebuilt tensors, opcode by opcode (pickle protocol 2, as torch.save writes).</summary>
    private static byte[] Pickle(List<(string Key, StateTensor Tensor)> tensors)
    {
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms, Encoding.UTF8);
        void Op(char c) => w.Write((byte)c);
        void Global(string module, string name) { Op('c'); w.Write(Encoding.ASCII.GetBytes($"{module}\n{name}\n")); }
        void Text(string s) { var b = Encoding.UTF8.GetBytes(s); Op('X'); w.Write(b.Length); w.Write(b); }    // BINUNICODE
        void Int(long v)
        {
            if (v is >= 0 and < 256) { Op('K'); w.Write((byte)v); }                                            // BININT1
            else if (v is >= int.MinValue and <= int.MaxValue) { Op('J'); w.Write((int)v); }                     // BININT
            else { Op('\x8a'); w.Write((byte)8); w.Write(v); }                                                  // LONG1
        }
        void Ints(long[] values) { Op('('); foreach (long v in values) Int(v); Op('t'); }                      // MARK ... TUPLE
        void EmptyOrderedDict() { Global("collections", "OrderedDict"); Op(')'); Op('R'); }                    // OrderedDict()

        w.Write((byte)0x80); w.Write((byte)2);                                                                  // PROTO 2
        EmptyOrderedDict();
        Op('(');                                                                                                // MARK: the items
        for (int k = 0; k < tensors.Count; k++)
        {
            var (key, t) = tensors[k];
            Text(key);
            Global("torch._utils", "_rebuild_tensor_v2");
            Op('(');
            Op('('); Text("storage"); Global("torch", t.Float64 ? "DoubleStorage" : "FloatStorage"); Text(k.ToString()); Text("cpu"); Int(t.Count); Op('t');
            Op('Q');                                                                                            // BINPERSID
            Int(0);                                                                                             // storage offset
            Ints(t.Shape);
            Ints(RowMajorStrides(t.Shape));
            Op('\x89');                                                                                         // requires_grad = False
            EmptyOrderedDict();                                                                                 // backward hooks
            Op('t');
            Op('R');                                                                                            // _rebuild_tensor_v2(*args)
        }
        Op('u');                                                                                                // SETITEMS
        Op('.');                                                                                                // STOP
        w.Flush();
        return ms.ToArray();
    }

    private static long[] RowMajorStrides(long[] shape)
    {
        var strides = new long[shape.Length];
        long s = 1;
        for (int d = shape.Length - 1; d >= 0; d--) { strides[d] = s; s *= shape[d]; }
        return strides;
    }
}

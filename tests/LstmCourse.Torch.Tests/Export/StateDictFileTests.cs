using System.Text.Json;
using LstmCourse.Torch.Tests.Support;

namespace LstmCourse.Torch.Tests.Export;

/// <summary>The state_dict file format: what PyTorch 1.13's torch.save wrote (Fixtures/torch_saved.pt, made by
/// make_torch_saved.py, with the _metadata and memo opcodes PyTorch emits) reads back to its exact values.</summary>
public class StateDictFileTests
{
    [Fact]
    public void A_file_torch_save_wrote_reads_back_exactly_and_sums_the_two_biases()
    {
        string pt = Repository.PathOf("tests", "LstmCourse.Torch.Tests", "Fixtures", "torch_saved.pt");
        var expected = JsonSerializer.Deserialize<Dictionary<string, double[]>>(File.ReadAllText(Path.ChangeExtension(pt, ".json")))!;
        IReadOnlyList<(string Key, StateTensor Tensor)> read;
        using (var stream = File.OpenRead(pt)) read = StateDictFile.Read(stream);
        Assert.Equal(expected.Keys, read.Select(t => t.Key));                  // PyTorch's order
        foreach (var (key, t) in read)
        {
            Assert.False(t.Float64);
            Assert.Equal(expected[key], t.Data);                                 // float32 widened: exact
        }
        Assert.Equal([12L, 4], read.Single(t => t.Key == "lstm.weight_ih_l0").Tensor.Shape);

        var model = PyTorchStateDict.LoadCharLstm(pt);
        Assert.Equal((4, 3, 2), (model.VocabSize, model.HiddenSize, model.Layers));
        var b1 = model.Parameters.Single(p => p.Name == "layer1.b").Value;
        var sum = expected["lstm.bias_ih_l1"].Zip(expected["lstm.bias_hh_l1"], (a, c) => (float)(a + c)).ToArray();
        Assert.Equal(sum, b1);
        Assert.Equal(expected["readout.weight"].Select(v => (float)v), model.Parameters.Single(p => p.Name == "Wy").Value);
    }

    [Fact]
    public void What_we_write_reads_back_with_its_dtype_shapes_and_order()
    {
        var tensors = new (string, StateTensor)[]
        {
            ("a", new StateTensor(false, [2, 3], [1, -2.5, 3, 1e-30f, float.MaxValue, 0.1f])),
            ("b.c", new StateTensor(true, [4], [Math.PI, -0.0, 1e300, double.Epsilon])),
            ("empty shape", new StateTensor(true, [], [42])),
        };
        using var ms = new MemoryStream();
        StateDictFile.Write(ms, tensors);
        ms.Position = 0;
        var back = StateDictFile.Read(ms);
        Assert.Equal(tensors.Select(t => t.Item1), back.Select(t => t.Key));
        foreach (var ((_, a), (_, b)) in tensors.Zip(back))
        {
            Assert.Equal(a.Float64, b.Float64);
            Assert.Equal(a.Shape, b.Shape);
            Assert.Equal(a.Data, b.Data);
        }
    }
}

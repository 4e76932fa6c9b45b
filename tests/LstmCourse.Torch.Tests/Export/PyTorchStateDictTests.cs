using LstmCourse.Fast;
using LstmCourse.Models;
using LstmCourse.Numerics;
using LstmCourse.Sampling;
using LstmCourse.Torch.Tests.Support;
using LstmCourse.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LstmCourse.Torch.Tests.Export;

/// <summary>state_dict files: export → import is exact for both engines and for a checkpoint, and a wrong file is named
/// with its wrong key and sizes.</summary>
public class PyTorchStateDictTests
{
    [Theory]
    [InlineData(7, 5, 1)]
    [InlineData(30, 16, 3)]
    public void CharLstm_round_trip_is_bit_exact(int V, int H, int layers)
    {
        using var temp = new TempFolder();
        var model = new CharLstm(V, H, layers, seed: 3);
        foreach (var p in model.Parameters)                               // biases that are not all zero or one value
            for (int k = 0; k < p.Value.Length; k++) p.Value[k] += 1e-3f * k;
        PyTorchStateDict.Save(model, temp.PathOf("m.pt"));
        var back = PyTorchStateDict.LoadCharLstm(temp.PathOf("m.pt"));
        Assert.Equal((V, H, layers), (back.VocabSize, back.HiddenSize, back.Layers));
        Assert.Equal(model.Parameters.Select(p => p.Name), back.Parameters.Select(p => p.Name));
        foreach (var (a, b) in model.Parameters.Zip(back.Parameters)) Assert.Equal(a.Value, b.Value);   // bit for bit
    }

    [Fact]
    public void SequenceModel_round_trip_is_exact_in_float64()
    {
        using var temp = new TempFolder();
        var model = SequenceModel.Lstm(inputSize: 6, hiddenSize: 9, outputSize: 4, layers: 2, seed: 11);
        PyTorchStateDict.Save(model, temp.PathOf("m.pt"));
        using (var module = PyTorchStateDict.Load(temp.PathOf("m.pt"))) Assert.Equal(ScalarType.Float64, module.DType);
        var back = PyTorchStateDict.LoadSequenceModel(temp.PathOf("m.pt"));
        foreach (var (a, b) in model.Parameters.Export().Zip(back.Parameters.Export()))
        {
            Assert.Equal(a.Name, b.Name);
            Assert.Equal(a.Data, b.Data);
        }
    }

    [Fact]
    public void The_weather_checkpoint_round_trips_and_samples_the_same_text()
    {
        using var temp = new TempFolder();
        var checkpoint = Checkpoint.Load(Repository.PathOf("models", "weather", "checkpoint-val0.190.ckpt"));
        PyTorchStateDict.Save(checkpoint, temp.PathOf("weather.pt"));
        var back = PyTorchStateDict.LoadCheckpoint(temp.PathOf("weather.pt"), checkpoint.Vocabulary, checkpoint.Config);
        Assert.Equal(checkpoint.Config, back.Config);
        foreach (var (a, b) in checkpoint.Weights.Zip(back.Weights))
        {
            Assert.Equal(a.Name, b.Name);
            Assert.Equal(a.Data, b.Data);
        }
        string Sample(Checkpoint c) => new Sampler(c.CreateModel(), c.Vocabulary).Sample(300, new Rng(5), "\n", new SamplingOptions(0.8));
        Assert.Equal(Sample(checkpoint), Sample(back));
    }

    [Fact]
    public void A_file_that_is_not_a_state_dict_is_named_as_such()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.PathOf("notes.pt"), "not a zip");
        var e = Assert.Throws<InvalidDataException>(() => PyTorchStateDict.Load(temp.PathOf("notes.pt")));
        Assert.Contains("is not a PyTorch state_dict file: it is not a zip archive", e.Message);
        Assert.Contains("notes.pt", e.Message);
        e = Assert.Throws<InvalidDataException>(() => PyTorchStateDict.Load(Repository.PathOf("models", "weather", "checkpoint-val0.190.ckpt")));
        Assert.Contains("is not a PyTorch state_dict file", e.Message);
    }

    [Fact]
    public void A_missing_key_is_named_with_its_shape()
    {
        var e = Assert.Throws<InvalidDataException>(() => LoadAltered((sd, _) => sd.Remove("lstm.bias_hh_l1")));
        Assert.Contains("lacks 'lstm.bias_hh_l1' (32)", e.Message);
        e = Assert.Throws<InvalidDataException>(() => LoadAltered((sd, _) => sd.Remove("readout.weight")));
        Assert.Contains("no 2-D 'readout.weight'", e.Message);
    }

    [Fact]
    public void A_wrong_size_is_named_with_both_sizes()
    {
        var e = Assert.Throws<InvalidDataException>(() => LoadAltered((sd, _) => sd["lstm.weight_hh_l0"] = Zeros(false, 32, 7)));
        Assert.Contains("'lstm.weight_hh_l0' is 32 x 7 but must be 32 x 8", e.Message);
        e = Assert.Throws<InvalidDataException>(() => LoadAltered((sd, _) => sd["readout.bias"] = Zeros(false, 6)));
        Assert.Contains("'readout.bias' is 6 but must be 5", e.Message);
    }

    [Fact]
    public void An_unexpected_key_or_a_mixed_dtype_is_named()
    {
        var e = Assert.Throws<InvalidDataException>(() => LoadAltered((sd, _) => sd["embedding.weight"] = Zeros(false, 5, 3)));
        Assert.Contains("'embedding.weight'", e.Message);
        e = Assert.Throws<InvalidDataException>(() => LoadAltered((sd, _) => sd["readout.bias"] = Zeros(true, 5)));
        Assert.Contains("Float32 and Float64", e.Message);
    }

    [Fact]
    public void A_CharLstm_needs_one_hot_inputs_and_a_checkpoint_its_vocabulary()
    {
        using var temp = new TempFolder();
        PyTorchStateDict.Save(SequenceModel.Lstm(3, 4, 5, seed: 1), temp.PathOf("seq.pt"));
        var e = Assert.Throws<ArgumentException>(() => PyTorchStateDict.LoadCharLstm(temp.PathOf("seq.pt")));
        Assert.Contains("inputs of size 3 but predicts 5 classes", e.Message);
        PyTorchStateDict.Save(new CharLstm(5, 4), temp.PathOf("char.pt"));
        var bad = Assert.Throws<InvalidDataException>(() => PyTorchStateDict.LoadCheckpoint(temp.PathOf("char.pt"), new LstmCourse.Text.Vocabulary("abc")));
        Assert.Contains("predicts 5 characters but the vocabulary has 3", bad.Message);
    }

    /// <summary>A 2-layer float32 state_dict (V = 5, H = 8) changed by <paramref name="alter"/>, written and loaded.</summary>
    private static void LoadAltered(Action<Dictionary<string, StateTensor>, TorchLstm> alter)
    {
        using var temp = new TempFolder();
        using var module = TorchConversion.ToTorch(new CharLstm(5, 8, 2, seed: 1));
        var sd = module.state_dict().ToDictionary(kv => kv.Key, kv => new StateTensor(false, kv.Value.shape, TorchConversion.ToDoubles(kv.Value)));
        alter(sd, module);
        using (var stream = File.Create(temp.PathOf("bad.pt"))) StateDictFile.Write(stream, sd.Select(kv => (kv.Key, kv.Value)));
        PyTorchStateDict.Load(temp.PathOf("bad.pt")).Dispose();
    }

    private static StateTensor Zeros(bool float64, params long[] shape) => new(float64, shape, new double[shape.Aggregate(1L, (a, b) => a * b)]);
}

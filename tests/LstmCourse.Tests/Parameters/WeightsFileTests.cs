using LstmCourse.Models;
using LstmCourse.Numerics;
using LstmCourse.Parameters;

namespace LstmCourse.Tests.Parameters;

public sealed class WeightsFileTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("lstmcourse-weights-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string PathOf(string name) => Path.Combine(dir, name);

    /// <summary>Values whose text forms are hard: tiny, huge, negative zero, subnormal, many digits.</summary>
    private static NamedTensor Awkward() => new("awkward", 2, 4,
        [0.1, -0.0, double.Epsilon, double.MaxValue, -double.MinValue / 3, 1.0 / 3, 2.2250738585072009e-308, -123456789.123456789e-200]);

    private static void AssertBitwiseEqual(IReadOnlyList<NamedTensor> expected, IReadOnlyList<NamedTensor> actual)
    {
        Assert.Equal(expected.Select(t => (t.Name, t.Rows, t.Cols)), actual.Select(t => (t.Name, t.Rows, t.Cols)));
        for (int i = 0; i < expected.Count; i++)
            for (int k = 0; k < expected[i].Data.Length; k++)
                Assert.True(BitConverter.DoubleToInt64Bits(expected[i].Data[k]) == BitConverter.DoubleToInt64Bits(actual[i].Data[k]),
                    $"{expected[i].Name}[{k}]: saved {expected[i].Data[k]:R}, loaded {actual[i].Data[k]:R}");
    }

    [Fact]
    public void Round_trip_is_bit_exact_for_awkward_and_random_doubles()
    {
        var rng = new Rng(5);
        var random = new NamedTensor("layer0.Wx", 16, 3,
            Enumerable.Range(0, 48).Select(_ => rng.NextGaussian() * Math.Pow(10, rng.NextInt(40) - 20)).ToArray());
        var tensors = new[] { Awkward(), random, new NamedTensor("name \"quoted\" \\ ü", 1, 1, [42]) };
        var path = PathOf("w.json");
        WeightsFile.Save(path, tensors);
        AssertBitwiseEqual(tensors, WeightsFile.Load(path));
    }

    [Fact]
    public void A_model_saved_and_loaded_computes_the_same_loss_exactly()
    {
        var a = SequenceModel.Lstm(3, 4, 5, layers: 2, seed: 1);
        var b = SequenceModel.Lstm(3, 4, 5, layers: 2, seed: 2);
        var xs = new[] { new[] { 0.5, -1.0, 2.0 }, new[] { 0.1, 0.2, -0.3 } };
        int[] ys = [1, 4];
        Assert.NotEqual(a.Loss(xs, ys), b.Loss(xs, ys));
        var path = PathOf("model.json");
        WeightsFile.Save(path, a.Parameters.Export());
        b.Parameters.Import(WeightsFile.Load(path));
        Assert.Equal(a.Loss(xs, ys), b.Loss(xs, ys));
    }

    [Fact]
    public void Save_replaces_an_existing_file_and_leaves_no_temporary_file()
    {
        var path = PathOf("w.json");
        WeightsFile.Save(path, [new NamedTensor("a", 1, 2, [1, 2])]);
        WeightsFile.Save(path, [new NamedTensor("b", 2, 1, [3, 4])]);
        var loaded = WeightsFile.Load(path);
        Assert.Equal("b", Assert.Single(loaded).Name);
        Assert.Equal([path], Directory.GetFiles(dir));
    }

    [Fact]
    public void Saving_a_non_finite_weight_throws_and_keeps_the_old_file()
    {
        var path = PathOf("w.json");
        WeightsFile.Save(path, [new NamedTensor("a", 1, 2, [1, 2])]);
        var before = File.ReadAllBytes(path);
        var ex = Assert.Throws<ArgumentException>(() => WeightsFile.Save(path, [new NamedTensor("Wy", 1, 3, [1, double.NaN, 3])]));
        Assert.Contains("'Wy'", ex.Message);
        Assert.Contains("NaN at [1]", ex.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(dir));
    }

    [Fact]
    public void Saving_a_tensor_whose_data_does_not_fit_its_shape_throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => WeightsFile.Save(PathOf("w.json"), [new NamedTensor("b", 2, 2, [1, 2, 3])]));
        Assert.Contains("'b' declares 2x2 but carries 3 values", ex.Message);
    }

    [Fact]
    public void A_file_truncated_anywhere_gives_InvalidDataException_naming_the_file()
    {
        var path = PathOf("w.json");
        WeightsFile.Save(path, [Awkward(), new NamedTensor("by", 3, 1, [1, 2, 3])]);
        var full = File.ReadAllBytes(path);
        var cut = PathOf("cut.json");
        int lastGood = full.Length;
        while (lastGood > 0 && char.IsWhiteSpace((char)full[lastGood - 1])) lastGood--;   // dropping only the final newline keeps valid JSON
        for (int n = 0; n < lastGood; n++)
        {
            File.WriteAllBytes(cut, full[..n]);
            var ex = Assert.Throws<InvalidDataException>(() => WeightsFile.Load(cut));
            Assert.Contains(cut, ex.Message);
        }
    }

    public static TheoryData<string, string, string> Malformed() => new()
    {
        { "empty", "", "is truncated or not valid JSON" },
        { "binary", "\u00ff\u00fe garbage", "is truncated or not valid JSON" },
        { "array", "[1, 2]", "holds a JSON Array, expected an object" },
        { "no format", """{"version": 1, "tensors": []}""", "is not a weights file" },
        { "wrong format", """{"format": "Other", "version": 1, "tensors": []}""", "is not a weights file" },
        { "future version", """{"format": "LstmCourse.Weights", "version": 2, "tensors": []}""", "has version 2, this library reads version 1" },
        { "version as text", """{"format": "LstmCourse.Weights", "version": "1", "tensors": []}""", "has version \"1\"" },
        { "no tensors", """{"format": "LstmCourse.Weights", "version": 1}""", "has no \"tensors\" array" },
        { "tensor not object", """{"format": "LstmCourse.Weights", "version": 1, "tensors": [3]}""", "tensors[0] is a JSON Number" },
        { "no name", """{"format": "LstmCourse.Weights", "version": 1, "tensors": [{"rows": 1, "cols": 1, "data": [1]}]}""", "tensors[0] has no name" },
        { "zero rows", """{"format": "LstmCourse.Weights", "version": 1, "tensors": [{"name": "b", "rows": 0, "cols": 1, "data": []}]}""", "tensors[0] ('b') has rows 0, expected a positive integer" },
        { "rows as text", """{"format": "LstmCourse.Weights", "version": 1, "tensors": [{"name": "b", "rows": "2", "cols": 1, "data": [1, 2]}]}""", "has rows \"2\"" },
        { "missing cols", """{"format": "LstmCourse.Weights", "version": 1, "tensors": [{"name": "b", "rows": 2, "data": [1, 2]}]}""", "has cols (missing)" },
        { "short data", """{"format": "LstmCourse.Weights", "version": 1, "tensors": [{"name": "Wy", "rows": 2, "cols": 2, "data": [1, 2, 3]}]}""", "tensors[0] ('Wy') is 2x2 = 4 values but \"data\" holds 3" },
        { "text in data", """{"format": "LstmCourse.Weights", "version": 1, "tensors": [{"name": "b", "rows": 1, "cols": 2, "data": [1, "x"]}]}""", "data[1] is \"x\", expected a finite number" },
        { "overflowing number", """{"format": "LstmCourse.Weights", "version": 1, "tensors": [{"name": "b", "rows": 1, "cols": 1, "data": [1e999]}]}""", "data[0] is 1e999, expected a finite number" },
        { "repeated name", """{"format": "LstmCourse.Weights", "version": 1, "tensors": [{"name": "b", "rows": 1, "cols": 1, "data": [1]}, {"name": "b", "rows": 1, "cols": 1, "data": [2]}]}""", "tensors[1] ('b') repeats a name" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_file_gives_InvalidDataException_naming_the_file_and_the_problem(string label, string content, string problem)
    {
        var path = PathOf(label.Replace(' ', '-') + ".json");
        File.WriteAllBytes(path, content.Select(ch => (byte)ch).ToArray());
        var ex = Assert.Throws<InvalidDataException>(() => WeightsFile.Load(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains(problem, ex.Message);
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using LstmCourse.Cells;
using LstmCourse.Models;
using LstmCourse.Parameters;

namespace LstmCourse.Tests.Models;

/// <summary>One case written by Fixtures/pytorch/make_fixtures.py: weights under our names, inputs, and what
/// torch.nn.LSTM / torch.nn.RNN / torch.nn.Linear computed from them in float64.</summary>
public sealed class PyTorchFixture
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "pytorch");

    /// <summary>Every fixture file's case name (the file name without .json), sorted.</summary>
    public static IReadOnlyList<string> Names() =>
        System.IO.Directory.GetFiles(Directory, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList();

    /// <summary>A missing field or a null where an array belongs fails the load instead of reading as zeros.</summary>
    private static readonly JsonSerializerOptions Strict = new()
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public static PyTorchFixture Load(string name)
    {
        var path = Path.Combine(Directory, name + ".json");
        return JsonSerializer.Deserialize<PyTorchFixture>(File.ReadAllText(path), Strict)
            ?? throw new InvalidDataException($"{path} holds JSON null.");
    }

    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("config")] public required FixtureConfig Config { get; init; }
    [JsonPropertyName("weights")] public required FixtureTensor[] Weights { get; init; }
    [JsonPropertyName("x")] public required double[][] X { get; init; }               // (T x D)
    [JsonPropertyName("y")] public required int[] Y { get; init; }                    // (T), −1 = no target
    [JsonPropertyName("h0")] public required double[][] H0 { get; init; }             // (layers x H)
    [JsonPropertyName("c0")] public required double[][] C0 { get; init; }             // (layers x H), empty rows for an RNN
    [JsonPropertyName("h")] public required double[][][] H { get; init; }             // (layers x T x H)
    [JsonPropertyName("c")] public required double[][][] C { get; init; }             // (layers x T x H)
    [JsonPropertyName("logits")] public required double[][] Logits { get; init; }     // (T x V)
    [JsonPropertyName("loss")] public required double Loss { get; init; }
    [JsonPropertyName("grads")] public required FixtureTensor[] Grads { get; init; }
    [JsonPropertyName("dx")] public required double[][] Dx { get; init; }             // (T x D)
    [JsonPropertyName("dh0")] public required double[][] Dh0 { get; init; }           // (layers x H)
    [JsonPropertyName("dc0")] public required double[][] Dc0 { get; init; }           // (layers x H)

    public bool IsLstm => Config.Cell switch
    {
        "lstm" => true,
        "rnn" => false,
        _ => throw new InvalidDataException($"fixture {Name}: unknown cell type '{Config.Cell}'."),
    };

    /// <summary>A model of the fixture's shape with PyTorch's weights imported by name (every weight required).</summary>
    public SequenceModel BuildModel()
    {
        var c = Config;
        var model = IsLstm ? SequenceModel.Lstm(c.D, c.H, c.V, c.Layers) : SequenceModel.Rnn(c.D, c.H, c.V, c.Layers);
        model.Parameters.Import(Weights.Select(w => w.ToNamedTensor()));
        return model;
    }

    /// <summary>(h0, c0) of every layer, fresh copies.</summary>
    public RecurrentState[] InitialStates() =>
        Enumerable.Range(0, Config.Layers).Select(l => new RecurrentState((double[])H0[l].Clone(), (double[])C0[l].Clone())).ToArray();

    public override string ToString() => Name;
}

public sealed record FixtureConfig(
    [property: JsonPropertyName("cell")] string Cell,
    [property: JsonPropertyName("D")] int D,
    [property: JsonPropertyName("H")] int H,
    [property: JsonPropertyName("V")] int V,
    [property: JsonPropertyName("layers")] int Layers,
    [property: JsonPropertyName("T")] int T,
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("window")] int? Window);

public sealed record FixtureTensor(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("rows")] int Rows,
    [property: JsonPropertyName("cols")] int Cols,
    [property: JsonPropertyName("data")] double[] Data)
{
    public NamedTensor ToNamedTensor() => new(Name, Rows, Cols, Data);
}

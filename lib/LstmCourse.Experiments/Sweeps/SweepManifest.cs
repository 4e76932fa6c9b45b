using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using LstmCourse.Text;
using LstmCourse.Training;

namespace LstmCourse.Experiments.Sweeps;

/// <summary>The text a sweep trains on, by content (not by path, which differs between machines).</summary>
/// <param name="Sha256">SHA-256 of the vocabulary and the token ids of the training and validation text.</param>
public sealed record CorpusFingerprint(int TrainCharacters, int ValidationCharacters, string Sha256)
{
    public static CorpusFingerprint Of(TextSplit data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(data.Vocabulary.Serialize()));
        foreach (var part in new[] { data.Train, data.Validation })
        {
            hash.AppendData(BitConverter.GetBytes(part.Length));
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(part.AsSpan()));
        }
        return new CorpusFingerprint(data.Train.Length, data.Validation.Length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}

/// <summary>sweep.json: what a sweep folder is a sweep of — the base config, the grid and the corpus. Every shard writes
/// the same file, so shards can share one folder, a resumed sweep checks that it is the same sweep, and
/// <c>lstm-course report</c> merges folders holding parts of one sweep and knows which runs are still missing.</summary>
public sealed record SweepManifest(TrainingConfig BaseConfig, SweepGrid Grid, CorpusFingerprint Corpus)
{
    public const string FileName = "sweep.json";

    /// <summary>The config run <paramref name="index"/> trains with (not validated).</summary>
    public TrainingConfig ConfigOf(int index) => BaseConfig.WithOverrides(Grid.Point(index).Overrides) with { CheckpointPath = null };

    /// <summary>What makes two folders parts of one sweep: the manifest without Threads, which never changes a run's numbers
    /// (the engine is bit-identical for any thread count), so machines with different core counts can share a sweep.</summary>
    public string Identity => (this with { BaseConfig = BaseConfig with { Threads = 0 } }).ToJson();

    /// <summary>True when a run's config is the one this sweep's run <paramref name="index"/> asks for, Threads aside.</summary>
    public bool IsConfigOf(int index, TrainingConfig? config) =>
        config is not null && (config with { Threads = 0, CheckpointPath = null }).ToJson() == (ConfigOf(index) with { Threads = 0 }).ToJson();

    /// <summary>Indented JSON; the same sweep always gives the same text.</summary>
    public string ToJson()
    {
        var grid = new JsonArray();
        foreach (var d in Grid.Dimensions)
            grid.Add(new JsonObject { ["Name"] = d.Name, ["Values"] = new JsonArray([.. d.Values.Select(v => (JsonNode?)JsonValue.Create(v))]) });
        var root = new JsonObject
        {
            ["Runs"] = Grid.Count,
            ["Grid"] = grid,
            ["Corpus"] = new JsonObject
            {
                ["TrainCharacters"] = Corpus.TrainCharacters,
                ["ValidationCharacters"] = Corpus.ValidationCharacters,
                ["Sha256"] = Corpus.Sha256,
            },
            ["Config"] = JsonNode.Parse((BaseConfig with { CheckpointPath = null }).ToJson()),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Reads <see cref="ToJson"/>'s text; anything else is an <see cref="InvalidDataException"/> naming what is wrong.</summary>
    public static SweepManifest Parse(string json)
    {
        try
        {
            var root = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException("it is not a JSON object");
            var dimensions = Field(root, "Grid").AsArray()
                .Select(d => new GridDimension(Text(d, "Name"), [.. Field(d, "Values").AsArray().Select(v => v?.GetValue<string>() ?? "null")]))
                .ToList();
            var corpus = Field(root, "Corpus");
            var fingerprint = new CorpusFingerprint(Field(corpus, "TrainCharacters").GetValue<int>(), Field(corpus, "ValidationCharacters").GetValue<int>(),
                Text(corpus, "Sha256"));
            var grid = new SweepGrid(dimensions);
            if (Field(root, "Runs").GetValue<int>() is int runs && runs != grid.Count)
                throw new InvalidDataException($"it says {runs} runs but its grid has {grid.Count}");
            return new SweepManifest(TrainingConfig.FromJson(Field(root, "Config").ToJsonString()), grid, fingerprint);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException or ExperimentInputException or InvalidDataException)
        {
            throw new InvalidDataException($"{FileName} is unreadable: {e.Message}", e);
        }

        static JsonNode Field(JsonNode? node, string name) =>
            (node as JsonObject)?[name] ?? throw new InvalidDataException($"it has no \"{name}\"");
        static string Text(JsonNode? node, string name) => Field(node, name).GetValue<string>();
    }

    /// <summary>Reads the manifest in <paramref name="folder"/>, or null when there is none.</summary>
    public static SweepManifest? Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : null;
    }
}

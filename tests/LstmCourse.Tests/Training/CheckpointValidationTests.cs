using System.Text;
using System.Text.Json.Nodes;
using LstmCourse.Text;
using LstmCourse.Training;
using static LstmCourse.Tests.Training.TrainingKit;

namespace LstmCourse.Tests.Training;

/// <summary>A checkpoint whose checksum is right but whose content does not fit together fails to load with an error that
/// names the field, before anything is built from it.</summary>
public sealed class CheckpointValidationTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static readonly Lazy<byte[]> Saved = new(() =>
    {
        var trainer = new Trainer(TrainingConfig.Tiny with { MaxSteps = 20, EvaluateEvery = 10 }, Corpus());
        trainer.Run();
        string path = Path.Combine(Path.GetTempPath(), $"lstm-validation-{Guid.NewGuid():N}.ckpt");
        trainer.SaveCheckpoint(path);
        byte[] bytes = File.ReadAllBytes(path);
        File.Delete(path);
        return bytes;
    });

    /// <summary>The problem Load reports for the saved checkpoint after <paramref name="mutate"/>.</summary>
    private string ProblemAfter(Action<CheckpointFile> mutate)
    {
        var file = CheckpointFile.Read(Saved.Value);
        mutate(file);
        string path = folder.File($"{Guid.NewGuid():N}.ckpt");
        file.Save(path);
        var e = Assert.Throws<CheckpointFormatException>(() => Checkpoint.Load(path));
        Assert.DoesNotContain("checksum", e.Problem);
        return e.Problem;
    }

    private static void Config(CheckpointFile file, string field, JsonNode? value)
    {
        var json = JsonNode.Parse(Encoding.UTF8.GetString(file["config"]))!.AsObject();
        json[field] = value;
        file["config"] = Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    private static void Weights(CheckpointFile file, Func<List<(string Name, int Rows, int Cols, float[] Data)>, IEnumerable<(string, int, int, float[])>> change) =>
        file["weights"] = CheckpointFile.TensorsBody(change(CheckpointFile.Tensors(file["weights"], false, out _, out _)));

    [Fact]
    public void The_saved_file_loads_so_every_failure_below_is_the_mutation()
    {
        string path = folder.File("good.ckpt");
        CheckpointFile.Read(Saved.Value).Save(path);
        Assert.Null(Checkpoint.Load(path).Problem());
    }

    [Fact]
    public void A_huge_hidden_size_is_caught_against_the_weights_before_any_model_is_allocated()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        string problem = ProblemAfter(f => Config(f, "HiddenSize", 4096));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("weights: tensor 'layer0.Wx' is 64x29, but V = 29 characters in the vocabulary, HiddenSize = 4096", problem);
        Assert.Contains("make it 16384x29", problem);
        Assert.True(allocated < 20_000_000, $"{allocated:N0} bytes allocated to reject it; a 4096-unit model needs 4 GB");
    }

    [Theory]
    [InlineData("HiddenSize", "0", "the stored config is invalid: TrainingConfig.HiddenSize is 0")]
    [InlineData("Layers", "-1", "the stored config is invalid: TrainingConfig.Layers is -1")]
    [InlineData("LearningRate", "1e308", "the stored config is invalid: TrainingConfig.LearningRate is 1E+308")]
    [InlineData("Layers", "2", "weights lack layer1.Wx, layer1.Wh, layer1.b")]
    [InlineData("BatchSize", "5", "state: tensor 'layer0.h' is 4x16, but BatchSize = 5 and HiddenSize = 16 in the config make it 5x16")]
    [InlineData("Optimizer", "\"Sgd\"", "optimizer: the state is Adam's but the config trains with Sgd")]
    public void A_stored_config_that_is_invalid_or_does_not_fit_the_tensors_is_named(string field, string json, string expected)
    {
        Assert.Contains(expected, ProblemAfter(f => Config(f, field, JsonNode.Parse(json))));
    }

    [Fact]
    public void A_vocabulary_that_does_not_match_the_weights_is_named()
    {
        string problem = ProblemAfter(f =>
        {
            var vocabulary = new Vocabulary(Corpus().Vocabulary.Runes.Append(new Rune('Z')));      // 30 characters, weights for 29
            var body = new MemoryStream();
            using (var w = new BinaryWriter(body)) { w.Write(vocabulary.Size); foreach (var r in vocabulary.Runes) w.Write((uint)r.Value); }
            f["vocabulary"] = body.ToArray();
        });
        Assert.Contains("weights: tensor 'layer0.Wx' is 64x29, but V = 30 characters", problem);
    }

    [Theory]
    [InlineData(2u, 0xD83Du, "character 3 is U+D83D, a lone surrogate")]
    [InlineData(1u, 0xDE00u, "character 3 is U+DE00, a lone surrogate")]                  // format 1 held UTF-16 code units
    [InlineData(2u, 0x110000u, "character 3 is 0x110000, which is not a Unicode scalar value")]
    public void A_vocabulary_entry_that_is_not_a_character_is_named(uint version, uint value, string expected)
    {
        string problem = ProblemAfter(f =>
        {
            f.Version = version;
            var runes = Corpus().Vocabulary.Runes;
            var body = new MemoryStream();
            using (var w = new BinaryWriter(body))
            {
                w.Write(runes.Count);
                for (int k = 0; k < runes.Count; k++)
                {
                    uint c = k == 3 ? value : (uint)runes[k].Value;
                    if (version == 1) w.Write((ushort)c); else w.Write(c);
                }
            }
            f["vocabulary"] = body.ToArray();
        });
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void A_vocabulary_out_of_order_would_give_other_ids_and_is_named()
    {
        string problem = ProblemAfter(f =>
        {
            byte[] body = (byte[])f["vocabulary"].Clone();
            (body[4], body[8]) = (body[8], body[4]);                                             // swap characters 0 and 1
            f["vocabulary"] = body;
        });
        Assert.Contains("characters 0 and 1", problem);
        Assert.Contains("not in increasing order", problem);
    }

    [Theory]
    [InlineData(float.NaN, "weights: tensor 'Wy'[7] is NaN, not a finite number")]
    [InlineData(float.PositiveInfinity, "weights: tensor 'Wy'[7] is Infinity, not a finite number")]
    public void A_weight_that_is_not_finite_is_named(float value, string expected)
    {
        Assert.Contains(expected, ProblemAfter(f => Weights(f, ws => ws.Select(w => w.Name == "Wy" ? (w.Name, w.Rows, w.Cols, w.Data.Select((v, k) => k == 7 ? value : v).ToArray()) : w))));
    }

    [Fact]
    public void A_wrong_tensor_name_a_wrong_shape_a_missing_or_a_repeated_tensor_is_named()
    {
        Assert.Contains("weights: tensor 'layer0.Wz' is not one of", ProblemAfter(f => Weights(f, ws => ws.Select(w => w.Name == "layer0.Wx" ? ("layer0.Wz", w.Rows, w.Cols, w.Data) : w))));
        Assert.Contains("weights: tensor 'Wy' is 16x29, but", ProblemAfter(f => Weights(f, ws => ws.Select(w => w.Name == "Wy" ? (w.Name, w.Cols, w.Rows, w.Data) : w))));
        Assert.Contains("weights lack by", ProblemAfter(f => Weights(f, ws => ws.Where(w => w.Name != "by"))));
        Assert.Contains("weights: tensor 'by' appears twice", ProblemAfter(f => Weights(f, ws => ws.Append(ws.Last()))));
    }

    [Fact]
    public void Sizes_that_are_negative_or_larger_than_the_section_are_malformed_not_allocated()
    {
        Assert.Contains("section 'weights': tensor 'layer0.Wx' claims 64x-1 values", ProblemAfter(f => Weights(f, ws => ws.Select(w => w.Name == "layer0.Wx" ? (w.Name, w.Rows, -1, Array.Empty<float>()) : w))));
        Assert.Contains("section 'metrics': it announces 10000000 rows but holds only", ProblemAfter(f =>
        {
            byte[] body = (byte[])f["metrics"].Clone();
            BitConverter.GetBytes(10_000_000).CopyTo(body, 0);
            f["metrics"] = body;
        }));
        Assert.Contains("section 'vocabulary': a count of -5 characters", ProblemAfter(f =>
        {
            byte[] body = (byte[])f["vocabulary"].Clone();
            BitConverter.GetBytes(-5).CopyTo(body, 0);
            f["vocabulary"] = body;
        }));
    }

    [Fact]
    public void An_unusable_carried_state_or_random_state_is_named()
    {
        Assert.Contains("state: tensor 'layer0.c'[0] is NaN", ProblemAfter(f => f["state"] = CheckpointFile.TensorsBody(
            CheckpointFile.Tensors(f["state"], false, out _, out _).Select(t => t.Name == "layer0.c" ? (t.Name, t.Rows, t.Cols, t.Data.Select((v, k) => k == 0 ? float.NaN : v).ToArray()) : t))));
        Assert.Contains("state: 1 tensors, but a model of 1 layer(s) carries 2", ProblemAfter(f => f["state"] = CheckpointFile.TensorsBody(
            CheckpointFile.Tensors(f["state"], false, out _, out _).Take(1))));
        Assert.Contains("state: tensor 'layer0.h'[2] is 1.5, but h = o ⊙ tanh(c) lies in [-1, 1]", ProblemAfter(f => f["state"] = CheckpointFile.TensorsBody(
            CheckpointFile.Tensors(f["state"], false, out _, out _).Select(t => t.Name == "layer0.h" ? (t.Name, t.Rows, t.Cols, t.Data.Select((v, k) => k == 2 ? 1.5f : v).ToArray()) : t))));
        Assert.Contains("rng: the state is all zeros", ProblemAfter(f => f["rng"] = [4, 0, 0, 0, .. new byte[32]]));
    }

    [Fact]
    public void An_optimizer_buffer_shaped_unlike_its_parameter_is_named()
    {
        Assert.Contains("optimizer: tensor 'Wy.m' is 29x15", ProblemAfter(f =>
        {
            var buffers = CheckpointFile.Tensors(f["optimizer"], true, out string? name, out long steps);
            f["optimizer"] = CheckpointFile.TensorsBody(buffers.Select(b => b.Name == "Wy.m" ? (b.Name, 29, 15, new float[29 * 15]) : b), name, steps);
        }));
    }

    [Fact]
    public void A_position_out_of_range_is_named()
    {
        Assert.Contains("position: step -3 is outside", ProblemAfter(f =>
        {
            byte[] body = (byte[])f["position"].Clone();
            BitConverter.GetBytes(-3L).CopyTo(body, 0);
            f["position"] = body;
        }));
        Assert.Contains("position: elapsed time 1E+300 s is not a time of training", ProblemAfter(f =>       // found by the fuzzer: TimeSpan overflowed on resume
        {
            byte[] body = (byte[])f["position"].Clone();
            BitConverter.GetBytes(1e300).CopyTo(body, 16);                                      // step (8), epoch (4), batch (4), elapsed seconds
            f["position"] = body;
        }));
    }

    [Theory]
    [InlineData(3, double.NaN, "metrics: row 4 (step 5) has a train loss of NaN")]
    [InlineData(3, 1e300, "metrics: row 4 (step 5) has a train loss of 1E+300, not a number in [0, 1E+04]")]       // found by the fuzzer: a file name of 300 digits
    [InlineData(6, -1.0, "metrics: row 4 (step 5) has a gradient norm of -1")]
    public void A_metrics_row_with_a_number_no_run_can_give_is_named(int field, double value, string expected)
    {
        Assert.Contains(expected, ProblemAfter(f =>
        {
            byte[] body = (byte[])f["metrics"].Clone();
            BitConverter.GetBytes(value).CopyTo(body, 4 + 4 * 72 + field * 8);             // count, then rows: step, epoch, elapsed, loss, penalty, validation, norm, ...
            f["metrics"] = body;
        }));
    }

    [Fact]
    public void An_inconsistent_checkpoint_in_memory_neither_builds_a_model_nor_saves()
    {
        var path = folder.File("good.ckpt");
        CheckpointFile.Read(Saved.Value).Save(path);
        var good = Checkpoint.Load(path);
        var bad = new Checkpoint
        {
            Config = good.Config with { HiddenSize = 4096 }, Vocabulary = good.Vocabulary, Weights = good.Weights, Optimizer = good.Optimizer,
            RngState = good.RngState, Position = good.Position, CarriedState = good.CarriedState, History = good.History,
        };
        Assert.Contains("cannot build a model: weights: tensor 'layer0.Wx'", Assert.Throws<InvalidOperationException>(() => bad.CreateModel()).Message);
        Assert.Contains("cannot be saved, it would not load", Assert.Throws<InvalidOperationException>(() => bad.Save(folder.File("bad.ckpt"))).Message);
        Assert.False(File.Exists(folder.File("bad.ckpt")));
    }

    [Fact]
    public void A_vocabulary_outside_the_basic_multilingual_plane_round_trips_through_format_2()
    {
        var corpus = TextCorpus.FromText(string.Concat(Enumerable.Repeat("rain 🌧 then sun ☀ and 𠀀.\n", 60)), "emoji");
        var trainer = new Trainer(TrainingConfig.Tiny with { MaxSteps = 5 }, corpus);
        trainer.Run();
        string path = folder.File("emoji.ckpt");
        trainer.SaveCheckpoint(path);
        Assert.Equal(Checkpoint.FormatVersion, BitConverter.ToUInt32(File.ReadAllBytes(path), 8));
        var loaded = Checkpoint.Load(path);
        Assert.Equal(corpus.Vocabulary, loaded.Vocabulary);
        Assert.Contains(new Rune(0x1F327), loaded.Vocabulary.Runes);
    }
}

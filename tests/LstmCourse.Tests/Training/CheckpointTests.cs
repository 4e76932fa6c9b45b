using System.Security.Cryptography;
using LstmCourse.Training;
using static LstmCourse.Tests.Training.TrainingKit;

namespace LstmCourse.Tests.Training;

public sealed class CheckpointTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string Trained(out Trainer trainer, int steps = 12)
    {
        string path = folder.File("run.ckpt");
        trainer = new Trainer(Busy, Corpus());
        trainer.Run(steps: steps);
        trainer.SaveCheckpoint(path);
        return path;
    }

    [Fact]
    public void Everything_saved_is_loaded_back_equal()
    {
        string path = Trained(out var trainer);
        var saved = trainer.ToCheckpoint();
        var loaded = Checkpoint.Load(path);
        Assert.Equal(saved.Config, loaded.Config);
        Assert.Equal(saved.Vocabulary, loaded.Vocabulary);
        Assert.Equal(saved.Weights.Select(w => (w.Name, w.Rows, w.Cols)), loaded.Weights.Select(w => (w.Name, w.Rows, w.Cols)));
        Assert.Equal(saved.Weights.Select(w => w.Data), loaded.Weights.Select(w => w.Data));
        Assert.Equal(saved.Optimizer.Optimizer, loaded.Optimizer.Optimizer);
        Assert.Equal(12, loaded.Optimizer.Steps);
        Assert.Equal(saved.Optimizer.Buffers.Select(b => (b.Name, b.Data)), loaded.Optimizer.Buffers.Select(b => (b.Name, b.Data)));
        Assert.Equal(saved.RngState, loaded.RngState);
        Assert.Equal(saved.Position, loaded.Position);
        Assert.Equal(saved.CarriedState.Select(s => (s.Name, s.Data)), loaded.CarriedState.Select(s => (s.Name, s.Data)));
        Assert.Contains(loaded.CarriedState[0].Data, v => v != 0);                            // a real carried state, not zeros
        Assert.Equal(saved.History, loaded.History);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public void Resuming_from_a_checkpoint_gives_bit_identical_weights_and_losses()
    {
        const int k = 25;
        var straight = new Trainer(Busy, Corpus());
        straight.Run(steps: 2 * k);

        var first = new Trainer(Busy, Corpus());
        first.Run(steps: k);
        string path = folder.File("half.ckpt");
        first.SaveCheckpoint(path);
        var resumed = Trainer.Resume(path, Corpus());                                       // fresh model, optimizer, rng, streams
        resumed.Run(steps: k);

        Assert.Equal(2 * k, resumed.Step);
        Assert.Equal(straight.History.Select(r => r.TrainLoss), resumed.History.Select(r => r.TrainLoss));
        Assert.Equal(straight.History.Select(r => r.GradientNorm), resumed.History.Select(r => r.GradientNorm));
        Assert.Equal(straight.History.Select(r => r.LearningRate), resumed.History.Select(r => r.LearningRate));
        Assert.Equal(straight.History.Where(r => r.Step % 10 == 0).Select(r => r.ValidationLoss),
                     resumed.History.Where(r => r.Step % 10 == 0).Select(r => r.ValidationLoss));
        for (int i = 0; i < straight.Model.Parameters.Count; i++)
            Assert.Equal(straight.Model.Parameters[i].Value, resumed.Model.Parameters[i].Value);
        Assert.Equal(straight.ToCheckpoint().Position with { ElapsedSeconds = 0 }, resumed.ToCheckpoint().Position with { ElapsedSeconds = 0 });
    }

    [Fact]
    public void The_model_made_from_a_checkpoint_predicts_like_the_trained_one()
    {
        string path = Trained(out var trainer);
        var model = Checkpoint.Load(path).CreateModel();
        float[] a = new float[model.VocabSize], b = new float[model.VocabSize];
        trainer.Model.Step(3, trainer.Model.NewInferenceState(), a);
        model.Step(3, model.NewInferenceState(), b);
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(25)]
    [InlineData(-1)]                                                                         // one byte short of the whole file
    public void A_truncated_file_is_reported_as_truncated(int keep)
    {
        string path = Trained(out _);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(keep >= 0 ? keep : bytes.Length - 1)]);
        var e = Assert.Throws<CheckpointFormatException>(() => Checkpoint.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(2000)]
    [InlineData(-5)]                                                                         // inside the checksum itself
    public void A_flipped_byte_fails_the_checksum(int offset)
    {
        string path = Trained(out _);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[offset >= 0 ? offset : bytes.Length + offset] ^= 0x10;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<CheckpointFormatException>(() => Checkpoint.Load(path));
        Assert.Contains("checksum does not match", e.Message);
        Assert.Equal(Path.GetFullPath(path), e.Path);
    }

    [Fact]
    public void Another_format_version_is_named()
    {
        string path = Trained(out _);
        byte[] bytes = File.ReadAllBytes(path);
        BitConverter.GetBytes(3u).CopyTo(bytes, 8);
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<CheckpointFormatException>(() => Checkpoint.Load(path));
        Assert.Contains("format version 3", e.Message);
        Assert.Contains("reads versions 1 to 2", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_checkpoint_is_named_by_its_first_bytes()
    {
        string path = folder.File("notes.txt");
        File.WriteAllText(path, "these are my notes, not weights");
        var e = Assert.Throws<CheckpointFormatException>(() => Checkpoint.Load(path));
        Assert.Contains("not an LstmCourse checkpoint", e.Message);
        Assert.Contains("7468657365206172", e.Message);                                      // "these ar" in hex
    }

    [Fact]
    public void A_payload_with_a_valid_checksum_but_bad_content_is_malformed_not_a_crash()
    {
        string path = folder.File("forged.ckpt");
        byte[] payload = [3, (byte)'a', (byte)'b', (byte)'c', 200, 0, 0, 0, 0, 0, 0, 0];      // section "abc" claiming 200 bytes
        using (var w = new BinaryWriter(File.Create(path)))
        {
            w.Write("LSTMCKPT"u8); w.Write(1u); w.Write((long)payload.Length); w.Write(payload); w.Write(SHA256.HashData(payload));
        }
        var e = Assert.Throws<CheckpointFormatException>(() => Checkpoint.Load(path));
        Assert.Contains("malformed", e.Message);
        Assert.Contains("section 'abc'", e.Message);
    }

    [Fact]
    public void Resuming_with_a_different_data_layout_names_the_knob()
    {
        string path = Trained(out _);
        var e = Assert.Throws<ArgumentException>(() => Trainer.Resume(path, Corpus(), Busy with { SequenceLength = 8 }));
        Assert.Contains("SequenceLength = 8", e.Message);
        Assert.Contains("SequenceLength = 16", e.Message);
    }

    [Fact]
    public void Resuming_on_another_text_is_refused()
    {
        string path = Trained(out _);
        var other = LstmCourse.Text.TextCorpus.FromText(string.Concat(Enumerable.Repeat(Line.ToUpperInvariant() + Line, 20)));
        Assert.Contains("vocabulary", Assert.Throws<ArgumentException>(() => Trainer.Resume(path, other)).Message);
        var shuffled = LstmCourse.Text.TextCorpus.FromText(string.Concat(Enumerable.Repeat("lazy dog. the quick brown fox jumps over the\n", 40)));
        Assert.Contains("differs from the one the checkpoint was trained on", Assert.Throws<ArgumentException>(() => Trainer.Resume(path, shuffled)).Message);
    }
}

using System.Text;
using LstmCourse.Text;

namespace LstmCourse.Tests.Text;

public sealed class TextCorpusTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("lstm-corpus-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string File(string name, byte[] bytes)
    {
        string path = Path.Combine(folder, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void A_UTF8_file_loads_without_its_byte_order_mark_and_with_unix_newlines()
    {
        string path = File("a.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("café\r\nbar\n")]);
        var corpus = TextCorpus.Load(path);
        Assert.Equal("café\nbar\n", corpus.Text);
        Assert.Equal(Path.GetFullPath(path), corpus.Source);
        Assert.Equal("\nabcfr\u00e9", corpus.Vocabulary.Serialize());
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        string path = Path.Combine(folder, "nope.txt");
        var e = Assert.Throws<FileNotFoundException>(() => TextCorpus.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void A_folder_given_as_the_file_is_named()
    {
        var e = Assert.Throws<IOException>(() => TextCorpus.Load(folder));
        Assert.Contains(folder, e.Message);
        Assert.Contains("is a folder", e.Message);
    }

    [Fact]
    public void An_empty_file_is_named_as_empty()
    {
        string path = File("empty.txt", []);
        var e = Assert.Throws<InvalidDataException>(() => TextCorpus.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("is empty", e.Message);
    }

    [Fact]
    public void A_file_with_a_NUL_byte_is_called_binary_with_the_offset()
    {
        string path = File("nul.bin", [(byte)'a', (byte)'b', 0, (byte)'c', (byte)'d']);
        var e = Assert.Throws<InvalidDataException>(() => TextCorpus.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("NUL byte at offset 2", e.Message);
    }

    [Fact]
    public void Invalid_UTF8_is_reported_with_the_byte_position()
    {
        string path = File("latin1.txt", [(byte)'c', (byte)'a', (byte)'f', 0xE9, (byte)' ', (byte)'x']);
        var e = Assert.Throws<InvalidDataException>(() => TextCorpus.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("not valid UTF-8", e.Message);
        Assert.Contains("at byte 3", e.Message);
    }

    [Fact]
    public void Many_control_characters_make_a_file_binary()
    {
        string path = File("ctl.bin", Encoding.UTF8.GetBytes("abcdefgh\u0001\u0002\u0003ijklmnop"));
        var e = Assert.Throws<InvalidDataException>(() => TextCorpus.Load(path));
        Assert.Contains("control characters", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void The_validation_part_is_the_last_fraction_of_the_text()
    {
        var corpus = TextCorpus.FromText("abcdefghij");
        var split = corpus.Split(0.2);
        Assert.Equal("abcdefgh", corpus.Vocabulary.Decode(split.Train));
        Assert.Equal("ij", corpus.Vocabulary.Decode(split.Validation));
        Assert.Same(corpus.Vocabulary, split.Vocabulary);
    }

    [Fact]
    public void A_caller_given_split_point_is_used_and_zero_fraction_means_no_validation()
    {
        var corpus = TextCorpus.FromText("abcdefghij");
        var split = corpus.SplitAt(4);
        Assert.Equal("abcd", corpus.Vocabulary.Decode(split.Train));
        Assert.Equal("efghij", corpus.Vocabulary.Decode(split.Validation));
        Assert.Empty(corpus.Split(0).Validation);
    }

    [Fact]
    public void Splits_too_small_to_hold_a_pair_are_rejected_with_the_numbers()
    {
        var corpus = TextCorpus.FromText("abcdefghij");
        Assert.Contains("leaves 1 of the 10", Assert.Throws<ArgumentException>(() => corpus.Split(0.12)).Message);
        Assert.Contains("split index 9", Assert.Throws<ArgumentOutOfRangeException>(() => corpus.SplitAt(9)).Message);
        Assert.Contains("[0, 1)", Assert.Throws<ArgumentOutOfRangeException>(() => corpus.Split(1.0)).Message);
    }

    [Fact]
    public void Outside_the_basic_multilingual_plane_a_split_counts_characters_and_never_cuts_one_in_half()
    {
        var corpus = TextCorpus.FromText("😀😀😀😀😀😀😀😀a😀", "emoji");                    // 10 characters, 19 code units
        var split = corpus.Split(0.2);
        Assert.Equal(8, split.Train.Length);
        Assert.Equal(2, split.Validation.Length);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => corpus.SplitAt(3));
        Assert.Contains("cuts the character '😀' U+1F600 of emoji in half", e.Message);
        Assert.Equal(8, corpus.SplitAt(16).Train.Length);
        Assert.Contains("has 3 characters", Assert.Throws<ArgumentException>(() => TextCorpus.FromText("😀😀😀")).Message);
        Assert.Contains("lone surrogate", Assert.Throws<ArgumentException>(() => TextCorpus.FromText("abcd\uD83D")).Message);
    }
}

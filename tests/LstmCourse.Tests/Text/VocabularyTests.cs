using LstmCourse.Text;

namespace LstmCourse.Tests.Text;

public class VocabularyTests
{
    [Fact]
    public void The_vocabulary_is_the_sorted_set_of_characters()
    {
        var v = Vocabulary.FromText("hello world\n");
        Assert.Equal("\n dehlorw", v.Serialize());
        Assert.Equal(9, v.Size);
        Assert.Equal(0, v.IdOf('\n'));
        Assert.Equal('w', v[8]);
    }

    [Theory]
    [InlineData("To be, or not to be: that is the question.\n")]
    [InlineData("naïve café — 你好 😀\t\r\n")]
    public void Encode_then_decode_gives_the_text_back(string text)
    {
        var v = Vocabulary.FromText(text);
        int[] ids = v.Encode(text);
        Assert.All(ids, id => Assert.InRange(id, 0, v.Size - 1));
        Assert.Equal(text, v.Decode(ids));
    }

    [Fact]
    public void The_serialised_form_round_trips_even_with_lone_surrogates()
    {
        var v = Vocabulary.FromText("ab😀\uD800");
        var back = Vocabulary.Parse(v.Serialize());
        Assert.Equal(v, back);
        Assert.Equal(v.Characters, back.Characters);
    }

    [Fact]
    public void Unknown_characters_are_all_listed_escaped_with_counts_and_a_fix()
    {
        var v = Vocabulary.FromText("abc ");
        var e = Assert.Throws<UnknownCharactersException>(() => v.Encode("a\tb é\té!"));
        Assert.Equal(['\t', 'é', '!'], e.Characters);
        Assert.Contains(@"'\t' U+0009 ×2", e.Message);
        Assert.Contains("'é' U+00E9 ×2", e.Message);
        Assert.Contains("'!' ×1", e.Message);
        Assert.Contains("3 characters not in the vocabulary", e.Message);
        Assert.Contains("Remove them", e.Message);
        Assert.Contains("Vocabulary.FromText", e.Message);
    }

    [Fact]
    public void Characters_are_described_so_a_reader_can_see_them()
    {
        Assert.Equal("'a'", Vocabulary.Describe('a'));
        Assert.Equal(@"'\n' U+000A", Vocabulary.Describe('\n'));
        Assert.Equal("U+0001", Vocabulary.Describe('\u0001'));
        Assert.Equal("U+00A0", Vocabulary.Describe('\u00A0'));
        Assert.Equal(@"'\'' U+0027", Vocabulary.Describe('\''));
    }

    [Fact]
    public void Decoding_an_id_outside_the_vocabulary_names_it_and_the_range()
    {
        var e = Assert.Throws<ArgumentException>(() => Vocabulary.FromText("ab").Decode([0, 2]));
        Assert.Contains("tokens[1] is 2", e.Message);
        Assert.Contains("0..1", e.Message);
    }

    [Fact]
    public void Duplicate_and_empty_character_lists_are_rejected()
    {
        Assert.Contains("appears twice", Assert.Throws<ArgumentException>(() => new Vocabulary("aba")).Message);
        Assert.Contains("at least one character", Assert.Throws<ArgumentException>(() => new Vocabulary("")).Message);
    }
}

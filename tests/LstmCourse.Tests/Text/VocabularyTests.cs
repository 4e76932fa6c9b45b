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
        Assert.Equal(new System.Text.Rune('w'), v[8]);
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
    public void The_serialised_form_round_trips()
    {
        var v = Vocabulary.FromText("ab😀𠀀é\n");
        var back = Vocabulary.Parse(v.Serialize());
        Assert.Equal(v, back);
        Assert.Equal(v.Runes, back.Runes);
    }

    [Fact]
    public void Unknown_characters_are_all_listed_escaped_with_counts_and_a_fix()
    {
        var v = Vocabulary.FromText("abc ");
        var e = Assert.Throws<UnknownCharactersException>(() => v.Encode("a\tb é\té!"));
        Assert.Equal("\té!".EnumerateRunes(), e.Characters);
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

    [Fact]
    public void A_character_outside_the_basic_multilingual_plane_is_one_token()
    {
        var v = Vocabulary.FromText("a😀𠀀b");                                   // an emoji and a CJK Extension B ideograph: two code units each
        Assert.Equal(4, v.Size);
        Assert.Equal([0, 2, 3, 1], v.Encode("a😀𠀀b"));
        Assert.Equal(new System.Text.Rune(0x1F600), v[2]);
        Assert.Equal("😀b", v.Decode([2, 1]));
        Assert.Equal(2, v.IdOf(new System.Text.Rune(0x1F600)));
    }

    [Fact]
    public void An_unknown_emoji_is_shown_as_the_user_sees_it_not_as_two_surrogate_halves()
    {
        var e = Assert.Throws<UnknownCharactersException>(() => Vocabulary.FromText("abc").Encode("a😀"));
        Assert.Contains("1 character not in the vocabulary", e.Message);
        Assert.Contains("'😀' U+1F600 ×1", e.Message);
        Assert.DoesNotContain("U+D83D", e.Message);
        Assert.Equal([new System.Text.Rune(0x1F600)], e.Characters);
    }

    [Theory]
    [InlineData(@"ab\uD83D", 2)]
    [InlineData(@"\uDE00ab", 0)]
    [InlineData(@"a\uDE00\uD83Db", 1)]
    public void A_lone_surrogate_is_not_text_and_is_named_with_its_index(string escaped, int index)
    {
        string text = System.Text.RegularExpressions.Regex.Unescape(escaped);
        var e = Assert.Throws<ArgumentException>(() => Vocabulary.FromText(text));
        Assert.Contains("lone surrogate", e.Message);
        Assert.Contains($"at index {index}", e.Message);
        Assert.Contains("lone surrogate", Assert.Throws<ArgumentException>(() => Vocabulary.FromText("ab").Encode("a" + text)).Message);
        Assert.Contains("surrogate pair", Assert.Throws<ArgumentException>(() => new Vocabulary(text.ToCharArray().AsEnumerable())).Message);
    }

    [Fact]
    public void Characters_as_chars_exist_only_inside_the_basic_multilingual_plane()
    {
        Assert.Equal(['a', 'b'], Vocabulary.FromText("ba").Characters);
        var e = Assert.Throws<InvalidOperationException>(() => Vocabulary.FromText("a😀").Characters);
        Assert.Contains("'😀' U+1F600", e.Message);
        Assert.Contains("use Runes", e.Message);
    }
}

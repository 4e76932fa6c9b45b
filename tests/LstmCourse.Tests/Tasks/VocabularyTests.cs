using LstmCourse.Tasks;

namespace LstmCourse.Tests.Tasks;

public class VocabularyTests
{
    [Fact]
    public void Characters_round_trip_and_next_character_examples_shift_by_one()
    {
        var alphabet = new CharAlphabet("ab.");
        Assert.Equal([0, 1, 2, 0], alphabet.Encode("ab.a"));
        var e = alphabet.NextCharacterExample("ab.");
        Assert.Equal([[1.0, 0, 0], [0, 1.0, 0]], e.Xs);
        Assert.Equal([1, 2], e.Labels!);
    }

    [Fact]
    public void Words_split_at_spaces_with_punctuation_apart()
    {
        var vocabulary = new WordVocabulary(["a", "b", ",", "."]);
        Assert.Equal(["a", ",", "b", "."], WordVocabulary.Tokenize("a, b."));
        var e = vocabulary.NextWordExample("a, b.");
        Assert.Equal([2, 1, 3], e.Labels!);
    }

    [Fact]
    public void Duplicates_and_unknown_symbols_are_rejected()
    {
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => new CharAlphabet("aa")).Message);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => new WordVocabulary(["a", "a"])).Message);
        Assert.Contains("\"z\"", Assert.Throws<ArgumentException>(() => new WordVocabulary(["a"]).Encode("z")).Message);
        Assert.Contains("index 3", Assert.Throws<ArgumentException>(() => OneHot.Vector(3, 3)).Message);
    }
}

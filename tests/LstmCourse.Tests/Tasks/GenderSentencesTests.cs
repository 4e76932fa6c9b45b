using LstmCourse.Fitting;
using LstmCourse.Models;
using LstmCourse.Tasks;

namespace LstmCourse.Tests.Tasks;

public class GenderSentencesTests
{
    [Fact]
    public void Every_gendered_word_agrees_with_the_name_of_its_clause()
    {
        foreach (var s in GenderSentences.Generate(200, seed: 1))
        {
            Assert.Equal(".", s.Words[^1]);
            Assert.Equal(s.Words.Length, s.Gender.Length);
            string? name = null;
            foreach (var (w, t) in s.Words.Select((w, t) => (w, t)))
            {
                if (GenderSentences.FemaleNames.Contains(w) || GenderSentences.MaleNames.Contains(w)) name = w;
                if (w is "girl" or "she") Assert.Contains(name, GenderSentences.FemaleNames);
                if (w is "boy" or "he") Assert.Contains(name, GenderSentences.MaleNames);
                if (w is "girl" or "boy" or "she" or "he") Assert.Contains(t, s.GenderedPositions);
                if (s.Gender[t] >= 0) Assert.Equal(GenderSentences.MaleNames.Contains(name) ? 1 : 0, s.Gender[t]);
            }
            Assert.InRange(s.GenderedPositions.Length, 2, 4);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_sentences()
    {
        var a = GenderSentences.Generate(5, seed: 2).Select(s => s.Text);
        Assert.Equal(a, GenderSentences.Generate(5, seed: 2).Select(s => s.Text));
        Assert.NotEqual(a, GenderSentences.Generate(5, seed: 3).Select(s => s.Text));
    }

    [Fact]
    public void The_slides_sentence_is_in_the_vocabulary()
    {
        var words = WordVocabulary.Tokenize("Mary is a girl, but Bob is a boy.");
        Assert.Equal(["Mary", "is", "a", "girl", ",", "but", "Bob", "is", "a", "boy", "."], words);
        Assert.Equal(11, GenderSentences.Vocabulary.Encode("Mary is a girl, but Bob is a boy.").Length);
        Assert.Contains("\"Bobby\"", Assert.Throws<ArgumentException>(() => GenderSentences.Vocabulary.Encode("Bobby is a boy.")).Message);
    }

    [Fact]
    public void A_small_lstm_learns_the_gendered_words_and_one_cell_tracks_the_gender()
    {
        int V = GenderSentences.Vocabulary.Size;
        var model = SequenceModel.Lstm(V, 16, V, seed: 2017);
        var train = GenderSentences.Generate(200, seed: 2017);
        var test = GenderSentences.Generate(100, seed: 2018);
        Fitter.Fit(model, GenderSentences.Examples(train), new FitConfig { Epochs = 15, BatchSize = 8, LearningRate = 0.02, Seed = 2017 });
        double accuracy = GenderSentences.GenderAccuracy(model, test);
        var unit = GenderSentences.FindGenderUnit(model, test);
        Assert.True(accuracy >= 0.95, $"gender accuracy {accuracy:P1}");
        Assert.True(Math.Abs(unit.Correlation) >= 0.5, $"best unit {unit.Unit}, r = {unit.Correlation:F2}");
        var trace = GenderSentences.GenderTrace(model, unit, "Mary is a girl, but Bob is a boy.");
        Assert.Equal(11, trace.Length);
        Assert.True(trace[7].Value > trace[1].Value, "the unit reads higher at Bob's \"is\" than at Mary's");
    }
}

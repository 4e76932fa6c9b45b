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
    public void A_sentence_knows_its_clauses_and_subjects()
    {
        var s = new GenderSentence(WordVocabulary.Tokenize("Mary is a girl, but Bob is a boy."), [0, 0, 0, 0, -1, -1, 1, 1, 1, 1, -1], [3, 9]);
        Assert.Equal(4, s.Comma);
        Assert.Equal(0, s.FirstGender);
        Assert.Equal(1, s.SecondGender);
        Assert.Equal([1, 1, 1, 1, 0, 0, 2, 2, 2, 2, 0], Enumerable.Range(0, 11).Select(s.ClauseOf));
        Assert.Equal(3, s.LastGendered(1));
        Assert.Equal(9, s.LastGendered(2));
    }

    private static (SequenceModel Model, IReadOnlyList<GenderSentence> Test) Trained()
    {
        int V = GenderSentences.Vocabulary.Size;
        var model = SequenceModel.Lstm(V, 16, V, seed: 2017);
        var train = GenderSentences.Generate(200, seed: 2017);
        Fitter.Fit(model, GenderSentences.Examples(train), new FitConfig { Epochs = 15, BatchSize = 8, LearningRate = 0.02, Seed = 2017 });
        return (model, GenderSentences.Generate(100, seed: 2018));
    }

    [Fact]
    public void A_small_lstm_learns_the_gendered_words_and_one_cell_tracks_the_gender_in_both_clauses()
    {
        var (model, test) = Trained();
        double accuracy = GenderSentences.GenderAccuracy(model, test);
        var unit = GenderSentences.FindGenderUnit(model, test);
        Assert.True(accuracy >= 0.95, $"gender accuracy {accuracy:P1}");
        Assert.True(unit.WeakerCorrelation >= 0.5, $"best unit {unit.Unit}, r = {unit.FirstClause[unit.Unit]:F2} and {unit.SecondClause[unit.Unit]:F2}");
        for (int k = 0; k < 16; k++)                                                      // no other unit is better in both clauses
            Assert.True(Math.Min(Math.Abs(unit.FirstClause[k]), Math.Abs(unit.SecondClause[k])) <= unit.WeakerCorrelation + 1e-12
                        || Math.Sign(unit.FirstClause[k]) != Math.Sign(unit.SecondClause[k]), $"unit {k}");
        var mary = GenderSentences.GenderTrace(model, unit, "Mary is a girl, but Bob is a boy.");
        var bob = GenderSentences.GenderTrace(model, unit, "Bob is a boy, but Mary is a girl.");
        Assert.Equal(11, mary.Length);
        Assert.True(bob[2].Value > mary[2].Value, "clause 1: the unit reads higher at Bob's \"a\" than at Mary's");
        Assert.True(mary[8].Value > bob[8].Value, "clause 2: the same, the other way round");
    }

    [Fact]
    public void Separation_is_the_male_minus_female_mean_of_the_aligned_trace()
    {
        var (model, test) = Trained();
        var unit = GenderSentences.FindGenderUnit(model, test);
        var gap = GenderSentences.Separation(model, unit, test);
        var at = test.Select(s => (s, v: GenderSentences.GenderTrace(model, unit, s.Text).Select(p => p.Value).ToArray())).ToArray();
        double Mean(int g, Func<GenderSentence, int> gender, Func<GenderSentence, int> step) =>
            at.Where(p => gender(p.s) == g).Average(p => p.v[step(p.s)]);
        Assert.Equal(Mean(1, s => s.FirstGender, s => s.LastGendered(1) - 1) - Mean(0, s => s.FirstGender, s => s.LastGendered(1) - 1), gap.FirstWhileNeeded, 1e-12);
        Assert.Equal(Mean(1, s => s.FirstGender, s => s.Comma + 1) - Mean(0, s => s.FirstGender, s => s.Comma + 1), gap.FirstAtConnector, 1e-12);
        Assert.Equal(Mean(1, s => s.SecondGender, s => s.LastGendered(2) - 1) - Mean(0, s => s.SecondGender, s => s.LastGendered(2) - 1), gap.SecondWhileNeeded, 1e-12);
        Assert.True(gap.FirstWhileNeeded > 0 && gap.SecondWhileNeeded > 0, $"aligned: male above female, got {gap.FirstWhileNeeded:F3} and {gap.SecondWhileNeeded:F3}");
    }

    [Fact]
    public void The_final_state_names_the_second_subject_better_than_the_first()
    {
        var (model, _) = Trained();
        var readout = GenderSentences.ReadFinalState(model, GenderSentences.Generate(200, 5), GenderSentences.Generate(200, 6), seed: 1);
        Assert.True(readout.SecondSubject >= 0.95, $"second subject {readout.SecondSubject:P0}");
        Assert.True(readout.FirstSubject < readout.SecondSubject, $"first {readout.FirstSubject:P0}, second {readout.SecondSubject:P0}");
    }
}

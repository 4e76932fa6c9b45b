using LstmCourse.Fitting;
using LstmCourse.Models;
using LstmCourse.Numerics;

namespace LstmCourse.Tasks;

/// <summary>The slides' "Mary is a girl, but Bob is a boy.": sentences of two clauses, each naming someone of known
/// gender and, after optional distractor words, the gendered words that follow from it ("she"/"he", "girl"/"boy").</summary>
/// <remarks>
/// <code>
/// sentence = clause "," connector clause "."               connector ∈ {but, and, while}, independent of the genders
/// clause   = Name "is a" noun                              Mary is a girl
///          | Name distractor "," pronoun "is a" noun       Bob has a cat , he is a boy
/// </code>
/// Read one word at a time, a model that predicts the next word can only get girl/boy and she/he right by
/// remembering whose clause it is in: the gender has to sit in the cell state from the name to the gendered word,
/// across the distractor words, and be replaced at the second name. Word-level, so the memory is not blurred by
/// spelling; a model of H = 16 learns it in about two seconds. Taught in notebooks/04-lstm-cell.ipynb.
/// </remarks>
public static class GenderSentences
{
    public static readonly string[] FemaleNames = ["Mary", "Anna", "Lucy", "Jane", "Emma", "Kate"];
    public static readonly string[] MaleNames = ["Bob", "Tom", "Mark", "Paul", "John", "Jack"];
    public static readonly string[] Distractors = ["likes tea", "has a cat", "is tall", "sings"];
    public static readonly string[] Connectors = ["but", "and", "while"];

    /// <summary>Every word the sentences use (names, the distractors' words, connectors, "is a girl boy she he , .").</summary>
    public static WordVocabulary Vocabulary { get; } = new(
        FemaleNames.Concat(MaleNames)
            .Concat(["is", "a", "girl", "boy", "she", "he", ",", "."])
            .Concat(Distractors.SelectMany(WordVocabulary.Tokenize))
            .Concat(Connectors)
            .Distinct());

    /// <summary><paramref name="count"/> random sentences; same seed, same sentences.</summary>
    public static IReadOnlyList<GenderSentence> Generate(int count, int seed)
    {
        if (count <= 0) throw new ArgumentException($"count must be positive, got {count}.", nameof(count));
        var rng = new Rng(seed);
        return Enumerable.Range(0, count).Select(_ => Sentence(rng)).ToArray();
    }

    /// <summary>One random sentence.</summary>
    public static GenderSentence Sentence(Rng rng)
    {
        var words = new List<string>();
        var gender = new List<int>();
        var slots = new List<int>();
        void Add(string text, int g)
        {
            foreach (var w in WordVocabulary.Tokenize(text)) { words.Add(w); gender.Add(g); }
        }
        for (int clause = 0; clause < 2; clause++)
        {
            if (clause == 1) Add(", " + Connectors[rng.NextInt(Connectors.Length)], -1);
            int g = rng.NextInt(2);                                           // 0 = female, 1 = male
            var names = g == 0 ? FemaleNames : MaleNames;
            Add(names[rng.NextInt(names.Length)], g);
            if (rng.NextInt(2) == 1)
            {
                Add(Distractors[rng.NextInt(Distractors.Length)] + ",", g);
                slots.Add(words.Count);
                Add(g == 0 ? "she" : "he", g);
            }
            Add("is a", g);
            slots.Add(words.Count);
            Add(g == 0 ? "girl" : "boy", g);
        }
        Add(".", -1);
        return new GenderSentence(words.ToArray(), gender.ToArray(), slots.ToArray());
    }

    /// <summary>Next-word examples of the sentences.</summary>
    public static IReadOnlyList<Example> Examples(IEnumerable<GenderSentence> sentences) =>
        sentences.Select(s => Vocabulary.NextWordExample(s.Text)).ToArray();

    /// <summary>How often the model, just before a gendered word, scores it above the other gender's word
    /// ("girl" over "boy" after "Mary is a", "he" over "she" after "Bob has a cat ,").</summary>
    public static double GenderAccuracy(SequenceModel model, IReadOnlyList<GenderSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (sentences.Count == 0) throw new ArgumentException("sentences is empty.", nameof(sentences));
        int right = 0, total = 0;
        foreach (var s in sentences)
        {
            var zs = model.Forward(Vocabulary.OneHot(s.Text)).Zs;
            foreach (int p in s.GenderedPositions)
            {
                int correct = Vocabulary.IndexOf(s.Words[p]);
                int other = Vocabulary.IndexOf(Opposite(s.Words[p]));
                total++;
                if (zs[p - 1][correct] > zs[p - 1][other]) right++;               // z after word p−1 predicts word p
            }
        }
        return (double)right / total;
    }

    /// <summary>The cell unit whose state best separates the subject's gender: Pearson r between c_t[k] and the
    /// gender over every word from a name to the end of its clause.</summary>
    public static ProbeResult FindGenderUnit(SequenceModel model, IEnumerable<GenderSentence> sentences) =>
        UnitProbe.MostCorrelatedUnit(model, sentences.Select(s => (Vocabulary.OneHot(s.Text), s.Gender)));

    /// <summary>c_t[unit] after each word of any text over the vocabulary, e.g. "Mary is a girl, but Bob is a boy.",
    /// times the sign of the unit's correlation, so that high means male as on the slide (0 = female, 1 = male).</summary>
    public static (string Word, double Value)[] GenderTrace(SequenceModel model, ProbeResult unit, string text)
    {
        var words = WordVocabulary.Tokenize(text);
        var c = UnitProbe.Trace(model, Vocabulary.OneHot(text), unit.Unit);
        return words.Select((w, t) => (w, Math.Sign(unit.Correlation) * c[t])).ToArray();
    }

    private static string Opposite(string word) => word switch
    {
        "girl" => "boy", "boy" => "girl", "she" => "he", "he" => "she",
        _ => throw new ArgumentException($"\"{word}\" is not a gendered word."),
    };
}

/// <summary>A generated sentence as words, the subject's gender at each word (0 female, 1 male, −1 for the
/// connector and the final "."), and the positions of the gendered words (girl/boy, she/he).</summary>
public sealed record GenderSentence(string[] Words, int[] Gender, int[] GenderedPositions)
{
    /// <summary>The sentence as text: "Mary is a girl , but Bob is a boy ." (words joined by spaces).</summary>
    public string Text => string.Join(" ", Words);
}

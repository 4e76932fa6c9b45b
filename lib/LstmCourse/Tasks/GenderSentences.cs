using LstmCourse.FeedForward;
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

    /// <summary>The cell unit that follows the subject's gender in both clauses: Pearson r between c_t[k] and the gender
    /// over the words of the first clause, and again over the second; the unit whose weaker |r| is largest, with the
    /// same sign in both.</summary>
    /// <remarks>Correlating over both clauses at once would favour a unit that also tells the clauses apart (its level
    /// can differ between them); per clause, only the gender counts.</remarks>
    public static GenderUnit FindGenderUnit(SequenceModel model, IReadOnlyList<GenderSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sentences);
        if (sentences.Count == 0) throw new ArgumentException("sentences is empty.", nameof(sentences));
        double[] ClauseR(int clause) => UnitProbe.MostCorrelatedUnit(model, sentences.Select(s =>
            (Vocabulary.OneHot(s.Text), s.Gender.Select((g, t) => s.ClauseOf(t) == clause ? g : -1).ToArray()))).Correlations;
        double[] r1 = ClauseR(1), r2 = ClauseR(2);
        double Score(int k) => Math.Sign(r1[k]) == Math.Sign(r2[k]) ? Math.Min(Math.Abs(r1[k]), Math.Abs(r2[k])) : 0;
        int best = 0;
        for (int k = 1; k < r1.Length; k++)
            if (Score(k) > Score(best)) best = k;
        return new GenderUnit(best, r1, r2);
    }

    /// <summary>c_t[unit] after each word of any text over the vocabulary, e.g. "Mary is a girl, but Bob is a boy.",
    /// times the sign of the unit's correlation, so that high means male as on the slide (0 = female, 1 = male).</summary>
    public static (string Word, double Value)[] GenderTrace(SequenceModel model, GenderUnit unit, string text)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var words = WordVocabulary.Tokenize(text);
        var c = UnitProbe.Trace(model, Vocabulary.OneHot(text), unit.Unit);
        return words.Select((w, t) => (w, unit.Sign * c[t])).ToArray();
    }

    /// <summary>How far the unit's (sign-aligned) c moves with each subject's gender: mean over male subjects minus mean
    /// over female subjects, where the gender is still needed (just before the last gendered word of the first clause),
    /// at the connector, and just before the last gendered word of the second clause.</summary>
    public static GenderSeparation Separation(SequenceModel model, GenderUnit unit, IReadOnlyList<GenderSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(sentences);
        var traces = sentences.Select(s => GenderTrace(model, unit, s.Text).Select(p => p.Value).ToArray()).ToArray();
        double Gap(Func<GenderSentence, int> step, Func<GenderSentence, int> gender)
        {
            var sum = new double[2];
            var count = new int[2];
            for (int n = 0; n < sentences.Count; n++)
            {
                int g = gender(sentences[n]);
                sum[g] += traces[n][step(sentences[n])];
                count[g]++;
            }
            if (count[0] == 0 || count[1] == 0)
                throw new ArgumentException("the sentences need subjects of both genders in each clause; give more sentences.", nameof(sentences));
            return sum[1] / count[1] - sum[0] / count[0];
        }
        return new GenderSeparation(
            Gap(s => s.LastGendered(1) - 1, s => s.FirstGender),
            Gap(s => s.Comma + 1, s => s.FirstGender),
            Gap(s => s.LastGendered(2) - 1, s => s.SecondGender));
    }

    /// <summary>What the final cell state c_T (after the ".") still says about each subject: a linear read-out
    /// σ(w·c_T + b) per subject, fitted on <paramref name="train"/>, and its accuracy on <paramref name="test"/>.</summary>
    /// <remarks>The read-out is logistic regression (an <see cref="Mlp"/> with no hidden layer), trained with Adam
    /// (η = 0.05, 60 epochs of minibatches of 10): if it cannot name a gender from c_T, no linear read-out can.</remarks>
    public static FinalStateReadout ReadFinalState(SequenceModel model, IReadOnlyList<GenderSentence> train,
        IReadOnlyList<GenderSentence> test, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        if (train.Count == 0 || test.Count == 0) throw new ArgumentException("train and test need at least one sentence each.");
        double[] Final(GenderSentence s) => model.Forward(Vocabulary.OneHot(s.Text)).Layers[0].Final.C;
        var trainStates = train.Select(Final).ToArray();
        var testStates = test.Select(Final).ToArray();
        var fit = new FitConfig { Epochs = 60, BatchSize = 10, LearningRate = 0.05, Seed = seed };
        double Accuracy(Func<GenderSentence, int> gender)
        {
            var probe = new Mlp([model.HiddenSize, 1], HiddenActivation.Identity, seed);
            Fitter.Fit(probe, train.Select((s, n) => Example.Single(trainStates[n], gender(s))).ToArray(), fit);
            return Fitter.Evaluate(probe, test.Select((s, n) => Example.Single(testStates[n], gender(s))).ToArray()).Accuracy;
        }
        return new FinalStateReadout(Accuracy(s => s.FirstGender), Accuracy(s => s.SecondGender));
    }

    private static string Opposite(string word) => word switch
    {
        "girl" => "boy", "boy" => "girl", "she" => "he", "he" => "she",
        _ => throw new ArgumentException($"\"{word}\" is not a gendered word."),
    };
}

/// <summary>A generated sentence as words, the subject's gender at each word (0 female, 1 male, −1 for the
/// "," and the connector between the clauses and the final "."), and the positions of the gendered words (girl/boy, she/he).</summary>
public sealed record GenderSentence(string[] Words, int[] Gender, int[] GenderedPositions)
{
    /// <summary>The sentence as text: "Mary is a girl , but Bob is a boy ." (words joined by spaces).</summary>
    public string Text => string.Join(" ", Words);

    /// <summary>The index of the "," that ends the first clause (the connector follows it).</summary>
    public int Comma => Array.IndexOf(Gender, -1);

    /// <summary>The first and the second subject's gender (0 female, 1 male).</summary>
    public int FirstGender => Gender[0];
    public int SecondGender => Gender[^2];

    /// <summary>1 for a word of the first clause, 2 for the second, 0 for the "," and connector between them and the ".".</summary>
    public int ClauseOf(int t) => Gender[t] < 0 ? 0 : t < Comma ? 1 : 2;

    /// <summary>The position of the last gendered word (girl/boy) of clause 1 or 2.</summary>
    public int LastGendered(int clause) => GenderedPositions.Where(p => ClauseOf(p) == clause).Max();
}

/// <summary>The unit of <see cref="GenderSentences.FindGenderUnit"/>: its index and every unit's r in each clause.</summary>
public sealed record GenderUnit(int Unit, double[] FirstClause, double[] SecondClause)
{
    /// <summary>+1 when the unit's c is higher for male subjects, −1 when lower.</summary>
    public int Sign => Math.Sign(FirstClause[Unit]) >= 0 ? 1 : -1;

    /// <summary>The unit's weaker |r| of the two clauses (0 when their signs differ).</summary>
    public double WeakerCorrelation => Math.Sign(FirstClause[Unit]) == Math.Sign(SecondClause[Unit])
        ? Math.Min(Math.Abs(FirstClause[Unit]), Math.Abs(SecondClause[Unit])) : 0;
}

/// <summary>Male-minus-female means of the gender unit's sign-aligned c: by the first subject's gender just before the
/// first clause's last gendered word (while the gender is needed) and at the connector; by the second subject's gender
/// just before the second clause's last gendered word.</summary>
public sealed record GenderSeparation(double FirstWhileNeeded, double FirstAtConnector, double SecondWhileNeeded);

/// <summary>Accuracy of a linear read-out of the final cell state naming the first and the second subject's gender.</summary>
public sealed record FinalStateReadout(double FirstSubject, double SecondSubject);

using LstmCourse.Fitting;
using LstmCourse.Losses;
using LstmCourse.Models;
using LstmCourse.Numerics;

namespace LstmCourse.Tasks;

/// <summary>Character streams with nested brackets ( [ { and quoted text, where every opened bracket is closed by its
/// own partner: the slides' "when a quote is opened it must eventually be closed".</summary>
/// <remarks>
/// <code>
/// each step, outside a quote:  open ( [ {     with p_open  (while depth &lt; maxDepth)
///                              close the top  with p_close (while depth &gt; 0)
///                              open a quote   with p_quote
///                              else a letter or a space
/// inside a quote:              close it with p_close, else a letter or a space (no brackets inside quotes)
/// </code>
/// Which closer comes next depends on the bracket opened maybe dozens of characters earlier, under the brackets opened
/// since: a next-character model has to keep a small stack in its state. A bigram model, which sees only the previous
/// character, cannot. Taught in notebooks/06-modeling-sequences.ipynb.
/// </remarks>
public sealed class BracketsAndQuotes
{
    private const string Openers = "([{";
    private const string Closers = ")]}";

    public BracketsAndQuotes(int length = 60, int maxDepth = 3, double openProbability = 0.15, double closeProbability = 0.15, double quoteProbability = 0.04)
    {
        if (length < 2) throw new ArgumentException($"length must be at least 2 characters, got {length}.", nameof(length));
        if (maxDepth < 1) throw new ArgumentException($"maxDepth must be at least 1, got {maxDepth}.", nameof(maxDepth));
        foreach (var (p, name) in new[] { (openProbability, nameof(openProbability)), (closeProbability, nameof(closeProbability)), (quoteProbability, nameof(quoteProbability)) })
            if (!(p >= 0 && p <= 1)) throw new ArgumentException($"{name} must be a probability in [0, 1], got {p}.", name);
        if (openProbability + closeProbability + quoteProbability > 1)
            throw new ArgumentException($"openProbability + closeProbability + quoteProbability is {openProbability + closeProbability + quoteProbability}; they must add up to at most 1.", nameof(quoteProbability));
        Length = length;
        MaxDepth = maxDepth;
        OpenProbability = openProbability;
        CloseProbability = closeProbability;
        QuoteProbability = quoteProbability;
    }

    public int Length { get; }
    public int MaxDepth { get; }
    public double OpenProbability { get; }
    public double CloseProbability { get; }
    public double QuoteProbability { get; }

    /// <summary>The fit the lessons use with an LSTM of H = 24 on 400 streams: Adam, η = 0.02, minibatches of 8, 10 epochs.</summary>
    public static FitConfig Training => new() { Epochs = 10, BatchSize = 8, LearningRate = 0.02, Optimizer = OptimizerKind.Adam };

    /// <summary>Letters a–e, space, the three bracket pairs and the quote.</summary>
    public static CharAlphabet Alphabet { get; } = new("abcde ()[]{}\"");

    /// <summary>The closing characters: ) ] } and ".</summary>
    public static string ClosingCharacters => Closers + "\"";

    /// <summary><paramref name="count"/> streams of <see cref="Length"/> characters; same seed, same streams.</summary>
    public IReadOnlyList<string> Generate(int count, int seed)
    {
        if (count <= 0) throw new ArgumentException($"count must be positive, got {count}.", nameof(count));
        var rng = new Rng(seed);
        return Enumerable.Range(0, count).Select(_ => Stream(rng)).ToArray();
    }

    /// <summary>One stream.</summary>
    public string Stream(Rng rng)
    {
        var text = new System.Text.StringBuilder(Length);
        var stack = new Stack<int>();
        bool inQuote = false;
        while (text.Length < Length)
        {
            double u = rng.NextDouble();
            if (inQuote)
            {
                if (u < CloseProbability) { text.Append('"'); inQuote = false; }
                else text.Append(Filler(rng));
            }
            else if (u < OpenProbability)
            {
                if (stack.Count < MaxDepth) { int k = rng.NextInt(3); stack.Push(k); text.Append(Openers[k]); }
                else text.Append(Filler(rng));
            }
            else if (u < OpenProbability + CloseProbability)
            {
                if (stack.Count > 0) text.Append(Closers[stack.Pop()]);
                else text.Append(Filler(rng));
            }
            else if (u < OpenProbability + CloseProbability + QuoteProbability) { text.Append('"'); inQuote = true; }
            else text.Append(Filler(rng));
        }
        return text.ToString();
    }

    /// <summary>Next-character examples of the streams.</summary>
    public static IReadOnlyList<Example> Examples(IEnumerable<string> texts) => texts.Select(Alphabet.NextCharacterExample).ToArray();

    /// <summary>The bracket nesting depth after each character (brackets inside quotes do not count).</summary>
    public static int[] Depth(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var depth = new int[text.Length];
        int d = 0;
        bool inQuote = false;
        for (int t = 0; t < text.Length; t++)
        {
            char c = text[t];
            if (c == '"') inQuote = !inQuote;
            else if (!inQuote && Openers.Contains(c)) d++;
            else if (!inQuote && Closers.Contains(c)) d = Math.Max(0, d - 1);
            depth[t] = d;
        }
        return depth;
    }

    /// <summary>Whether each character leaves us inside a quote (the opening quote: true, the closing one: false).</summary>
    public static bool[] InsideQuote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var inside = new bool[text.Length];
        bool q = false;
        for (int t = 0; t < text.Length; t++)
        {
            if (text[t] == '"') q = !q;
            inside[t] = q;
        }
        return inside;
    }

    /// <summary>How often, just before a closing character, the model scores the right one highest among ) ] } and ".</summary>
    public static double CloserAccuracy(SequenceModel model, IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(model);
        return CloserAccuracy(texts, text => model.Forward(Alphabet.OneHot(text)).Zs);
    }

    /// <summary>P(next character = <paramref name="c"/>) after each character of <paramref name="text"/>, e.g. c = ')'.</summary>
    public static double[] ProbabilityOf(SequenceModel model, string text, char c)
    {
        ArgumentNullException.ThrowIfNull(model);
        int k = Alphabet.IndexOf(c);
        return model.Forward(Alphabet.OneHot(text)).Zs.Select(z => Softmax.Apply(z)[k]).ToArray();
    }

    /// <summary>The same measure for any scorer that gives, for a text, one score vector per character (over the alphabet).</summary>
    public static double CloserAccuracy(IReadOnlyList<string> texts, Func<string, IReadOnlyList<double[]>> scores)
    {
        ArgumentNullException.ThrowIfNull(texts);
        int right = 0, total = 0;
        var closers = ClosingCharacters.Select(Alphabet.IndexOf).ToArray();
        foreach (var text in texts)
        {
            var z = scores(text);
            for (int t = 1; t < text.Length; t++)
            {
                if (!ClosingCharacters.Contains(text[t])) continue;
                int best = closers.MaxBy(k => z[t - 1][k]);                   // z after character t−1 predicts character t
                total++;
                if (best == Alphabet.IndexOf(text[t])) right++;
            }
        }
        if (total == 0) throw new ArgumentException("no text contains a closing character; generate longer or more texts.", nameof(texts));
        return (double)right / total;
    }

    /// <summary>What a model must remember to name the closing character at each position (<see cref="CloserKind.None"/>
    /// where the character closes nothing). Brackets inside quotes do not count, as in <see cref="Depth"/>.</summary>
    /// <remarks>
    /// <code>
    /// "(" ")"                  NextToOpener     the previous character says it all (a bigram can do it)
    /// "(ab" ")"                LastOpened       its opener is the last bracket opened: one remembered bracket is enough
    /// "(a[b]c" ")"             UnderInnerPair   a pair opened and closed inside it since: only a stack gets it right
    /// '"ab' '"'                Quote            the closing quote
    /// </code>
    /// </remarks>
    public static CloserKind[] CloserKinds(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kinds = new CloserKind[text.Length];
        var open = new Stack<(int At, bool InnerClosed)>();                  // the brackets still open, innermost on top
        bool inQuote = false;
        for (int t = 0; t < text.Length; t++)
        {
            char c = text[t];
            if (c == '"')
            {
                if (inQuote) kinds[t] = CloserKind.Quote;
                inQuote = !inQuote;
            }
            else if (inQuote) continue;
            else if (Openers.Contains(c)) open.Push((t, false));
            else if (Closers.Contains(c) && open.Count > 0)
            {
                var (at, innerClosed) = open.Pop();
                kinds[t] = at == t - 1 ? CloserKind.NextToOpener : innerClosed ? CloserKind.UnderInnerPair : CloserKind.LastOpened;
                if (open.Count > 0) open.Push((open.Pop().At, true));          // the enclosing bracket now holds a closed pair
            }
        }
        return kinds;
    }

    /// <summary><see cref="CloserAccuracy(IReadOnlyList{string}, Func{string, IReadOnlyList{double[]}})"/> split by
    /// <see cref="CloserKind"/>: one row per kind that occurs, in the enum's order.</summary>
    /// <param name="indexOf">Where a character's score sits in a score vector (default: <see cref="Alphabet"/>'s index).</param>
    public static IReadOnlyList<CloserScore> CloserAccuracyByKind(IReadOnlyList<string> texts, Func<string, IReadOnlyList<double[]>> scores,
                                                                  Func<char, int>? indexOf = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(scores);
        indexOf ??= Alphabet.IndexOf;
        var kindsInOrder = Enum.GetValues<CloserKind>().Where(k => k != CloserKind.None).ToArray();
        var right = new int[kindsInOrder.Length];
        var total = new int[kindsInOrder.Length];
        var closers = ClosingCharacters.Select(indexOf).ToArray();
        foreach (var text in texts)
        {
            var z = scores(text);
            var kinds = CloserKinds(text);
            for (int t = 1; t < text.Length; t++)
            {
                if (kinds[t] == CloserKind.None) continue;
                int k = Array.IndexOf(kindsInOrder, kinds[t]);
                int best = closers.MaxBy(j => z[t - 1][j]);                   // z after character t−1 predicts character t
                total[k]++;
                if (best == indexOf(text[t])) right[k]++;
            }
        }
        if (total.Sum() == 0) throw new ArgumentException("no text contains a closing character; generate longer or more texts.", nameof(texts));
        return Enumerable.Range(0, kindsInOrder.Length).Where(k => total[k] > 0)
                         .Select(k => new CloserScore(kindsInOrder[k], total[k], (double)right[k] / total[k])).ToArray();
    }

    private static char Filler(Rng rng) => "abcde "[rng.NextInt(6)];
}

/// <summary>What naming a closing character takes (see <see cref="BracketsAndQuotes.CloserKinds"/>).</summary>
public enum CloserKind
{
    /// <summary>The character closes nothing.</summary>
    None,
    /// <summary>A bracket closed right after its opener: "()".</summary>
    NextToOpener,
    /// <summary>A bracket whose opener is the last bracket opened, with other characters between: "(ab)".</summary>
    LastOpened,
    /// <summary>A bracket with a pair opened and closed inside it since its opener: "(a[b]c)".</summary>
    UnderInnerPair,
    /// <summary>A closing quote.</summary>
    Quote,
}

/// <summary>How often a model ranked the right closer first, for the closers of one kind.</summary>
public sealed record CloserScore(CloserKind Kind, int Count, double Accuracy);

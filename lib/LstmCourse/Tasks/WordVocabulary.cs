using LstmCourse.Fitting;

namespace LstmCourse.Tasks;

/// <summary>A fixed list of words, each an index into one-hot vectors. Text is split at spaces, with "," and "."
/// as words of their own: "Mary is a girl, but" → [Mary, is, a, girl, ",", but].</summary>
public sealed class WordVocabulary
{
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);

    public WordVocabulary(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var list = words.ToList();
        if (list.Count == 0) throw new ArgumentException("words is empty; a vocabulary needs at least one word.", nameof(words));
        for (int k = 0; k < list.Count; k++)
            if (!index.TryAdd(list[k], k)) throw new ArgumentException($"\"{list[k]}\" appears twice in the vocabulary.", nameof(words));
        Words = list;
    }

    /// <summary>The words in index order.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>V, the number of words.</summary>
    public int Size => Words.Count;

    public int IndexOf(string word) =>
        index.TryGetValue(word, out int k) ? k
        : throw new ArgumentException($"\"{word}\" is not in the vocabulary ({string.Join(" ", Words)}).", nameof(word));

    /// <summary>The words of a text: split at spaces, "," and "." on their own.</summary>
    public static string[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace(",", " ,").Replace(".", " .").Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    public int[] Encode(string text) => Tokenize(text).Select(IndexOf).ToArray();

    /// <summary>One one-hot vector per word: (T x V).</summary>
    public double[][] OneHot(string text) => Tasks.OneHot.Sequence(Encode(text), Size);

    /// <summary>Next-word prediction: inputs are the words but the last, the label at step t is word t+1.</summary>
    public Example NextWordExample(string text)
    {
        var ids = Encode(text);
        if (ids.Length < 2) throw new ArgumentException($"\"{text}\" has {ids.Length} words; next-word prediction needs at least 2.", nameof(text));
        return Example.Classify(Tasks.OneHot.Sequence(ids[..^1], Size), ids[1..]);
    }
}

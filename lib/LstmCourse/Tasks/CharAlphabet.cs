using LstmCourse.Fitting;

namespace LstmCourse.Tasks;

/// <summary>A fixed set of characters, each an index into one-hot vectors: text in, one-hot steps out.</summary>
public sealed class CharAlphabet
{
    private readonly Dictionary<char, int> index = [];

    public CharAlphabet(string chars)
    {
        ArgumentNullException.ThrowIfNull(chars);
        if (chars.Length == 0) throw new ArgumentException("chars is empty; an alphabet needs at least one character.", nameof(chars));
        for (int k = 0; k < chars.Length; k++)
            if (!index.TryAdd(chars[k], k)) throw new ArgumentException($"'{chars[k]}' appears twice in the alphabet.", nameof(chars));
        Chars = chars;
    }

    /// <summary>The characters in index order.</summary>
    public string Chars { get; }

    /// <summary>V, the number of characters.</summary>
    public int Size => Chars.Length;

    public int IndexOf(char c) =>
        index.TryGetValue(c, out int k) ? k : throw new ArgumentException($"'{c}' is not in the alphabet \"{Chars}\".", nameof(c));

    public int[] Encode(string text) => text.Select(IndexOf).ToArray();

    /// <summary>One one-hot vector per character: (T x V).</summary>
    public double[][] OneHot(string text) => Tasks.OneHot.Sequence(Encode(text), Size);

    /// <summary>Next-character prediction: inputs are the text but its last character, the label at step t is character t+1.</summary>
    public Example NextCharacterExample(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 2) throw new ArgumentException($"text \"{text}\" has {text.Length} characters; next-character prediction needs at least 2.", nameof(text));
        var ids = Encode(text);
        return Example.Classify(Tasks.OneHot.Sequence(ids[..^1], Size), ids[1..]);
    }
}

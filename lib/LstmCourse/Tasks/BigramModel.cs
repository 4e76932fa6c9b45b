namespace LstmCourse.Tasks;

/// <summary>The baseline with no memory: P(next character | this character), counted from training text.</summary>
/// <remarks>
/// <code>
/// P(b | a) = (count(a b) + 1) / (count(a) + V)      add-one smoothing
/// </code>
/// Whatever came before the current character is invisible to it, so it cannot know which bracket is open.
/// </remarks>
public sealed class BigramModel
{
    private readonly double[][] logP;

    public BigramModel(CharAlphabet alphabet, IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        ArgumentNullException.ThrowIfNull(texts);
        Alphabet = alphabet;
        int V = alphabet.Size;
        var counts = Enumerable.Range(0, V).Select(_ => new double[V]).ToArray();
        foreach (var text in texts)
        {
            var ids = alphabet.Encode(text);
            for (int t = 1; t < ids.Length; t++) counts[ids[t - 1]][ids[t]]++;
        }
        logP = counts.Select(row =>
        {
            double total = row.Sum() + V;
            return row.Select(n => Math.Log((n + 1) / total)).ToArray();
        }).ToArray();
    }

    public CharAlphabet Alphabet { get; }

    /// <summary>log P(· | character) after each character of the text: one score vector per character.</summary>
    public IReadOnlyList<double[]> Scores(string text) => Alphabet.Encode(text).Select(k => logP[k]).ToArray();
}

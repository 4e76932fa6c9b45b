using System.Globalization;
using System.Text;

namespace LstmCourse.Text;

/// <summary>A text holds characters its vocabulary does not have; the message lists each one with its count.</summary>
public sealed class UnknownCharactersException : ArgumentException
{
    private UnknownCharactersException(string message, IReadOnlyList<Rune> characters) : base(message) => Characters = characters;

    /// <summary>The characters missing from the vocabulary, in order of first appearance.</summary>
    public IReadOnlyList<Rune> Characters { get; }

    internal static UnknownCharactersException For(Vocabulary vocabulary, string text, string what)
    {
        var counts = new Dictionary<Rune, int>();
        var order = new List<Rune>();
        foreach (var (c, _) in Vocabulary.Enumerate(text, what))
        {
            if (vocabulary.Contains(c)) continue;
            if (counts.TryGetValue(c, out int n)) counts[c] = n + 1;
            else { counts[c] = 1; order.Add(c); }
        }
        var listed = string.Join(", ", order.Select(c => $"{Vocabulary.Describe(c)} ×{counts[c].ToString(CultureInfo.InvariantCulture)}"));
        string message = $"{what} contains {order.Count} character{(order.Count == 1 ? "" : "s")} not in the vocabulary of {vocabulary.Size}: {listed}. "
                       + "Remove them from the text, or rebuild the vocabulary (Vocabulary.FromText) from a text that contains them.";
        return new UnknownCharactersException(message, order);
    }
}

using System.Globalization;
using System.Text;

namespace LstmCourse.Text;

/// <summary>The sorted set of characters of a text: character ↔ token id, id = position in ordinal order.</summary>
/// <remarks>
/// A character is one UTF-16 code unit (.NET <see cref="char"/>); a character outside the Basic Multilingual Plane,
/// such as an emoji, becomes two tokens (its surrogate pair). Sorting makes the ids independent of where a character
/// first appears, so the same text always gives the same vocabulary. Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public sealed class Vocabulary : IEquatable<Vocabulary>
{
    private readonly char[] characters;            // V, sorted, distinct
    private readonly Dictionary<char, int> ids;    // character -> id

    /// <summary>A vocabulary of exactly these characters (duplicates are an error; order does not matter).</summary>
    public Vocabulary(IEnumerable<char> characters)
    {
        ArgumentNullException.ThrowIfNull(characters);
        this.characters = characters.ToArray();
        Array.Sort(this.characters);
        if (this.characters.Length == 0)
            throw new ArgumentException("a vocabulary needs at least one character, got none.", nameof(characters));
        ids = new Dictionary<char, int>(this.characters.Length);
        for (int id = 0; id < this.characters.Length; id++)
            if (!ids.TryAdd(this.characters[id], id))
                throw new ArgumentException($"character {Describe(this.characters[id])} appears twice; a vocabulary lists each character once.", nameof(characters));
    }

    /// <summary>The vocabulary of a text: every distinct character it contains.</summary>
    public static Vocabulary FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
            throw new ArgumentException("text is empty; a vocabulary is built from a text with at least one character.", nameof(text));
        return new Vocabulary(new HashSet<char>(text));
    }

    /// <summary>V, the number of characters.</summary>
    public int Size => characters.Length;

    /// <summary>The characters in id order.</summary>
    public IReadOnlyList<char> Characters => characters;

    /// <summary>The character with this id.</summary>
    public char this[int id] => (uint)id < (uint)characters.Length
        ? characters[id]
        : throw new ArgumentOutOfRangeException(nameof(id), id, $"token id {id} is outside this vocabulary's 0..{Size - 1}.");

    public bool Contains(char c) => ids.ContainsKey(c);

    /// <summary>The id of a character; an <see cref="UnknownCharactersException"/> if it is not in the vocabulary.</summary>
    public int IdOf(char c) => ids.TryGetValue(c, out int id) ? id : throw UnknownCharactersException.For(this, c.ToString(), "character");

    /// <summary>Token ids of every character of <paramref name="text"/>; unknown characters are listed in one error.</summary>
    public int[] Encode(ReadOnlySpan<char> text, string what = "text")
    {
        var result = new int[text.Length];
        bool unknown = false;
        for (int k = 0; k < text.Length; k++)
        {
            if (ids.TryGetValue(text[k], out int id)) result[k] = id;
            else unknown = true;
        }
        if (unknown) throw UnknownCharactersException.For(this, text.ToString(), what);
        return result;
    }

    /// <summary>The text spelled by these token ids.</summary>
    public string Decode(ReadOnlySpan<int> tokens)
    {
        var sb = new StringBuilder(tokens.Length);
        for (int k = 0; k < tokens.Length; k++)
        {
            if ((uint)tokens[k] >= (uint)characters.Length)
                throw new ArgumentException($"tokens[{k}] is {tokens[k]}, outside this vocabulary's ids 0..{Size - 1}; decode with the vocabulary the tokens were encoded with.", nameof(tokens));
            sb.Append(characters[tokens[k]]);
        }
        return sb.ToString();
    }

    /// <summary>The characters as one string in id order: the serialised form (see <see cref="Parse"/>).</summary>
    public string Serialize() => new(characters);

    /// <summary>Reads the form written by <see cref="Serialize"/>.</summary>
    public static Vocabulary Parse(string serialized) => new(serialized);

    /// <summary>A character as a reader can see it: <c>'a'</c>, <c>'\t' U+0009</c>, <c>'é' U+00E9</c>.</summary>
    public static string Describe(char c)
    {
        string shown = c switch
        {
            '\t' => "\\t", '\n' => "\\n", '\r' => "\\r", '\0' => "\\0", '\'' => "\\'", '\\' => "\\\\",
            _ when char.IsControl(c) || char.IsSurrogate(c) || char.IsWhiteSpace(c) && c != ' ' => "",
            _ => c.ToString(),
        };
        string code = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        if (shown.Length == 0) return code;
        return c is >= ' ' and <= '~' && c != '\'' && c != '\\' ? $"'{shown}'" : $"'{shown}' {code}";
    }

    public bool Equals(Vocabulary? other) => other is not null && characters.AsSpan().SequenceEqual(other.characters);
    public override bool Equals(object? obj) => Equals(obj as Vocabulary);
    public override int GetHashCode() => string.GetHashCode(characters);
    public override string ToString() => $"Vocabulary of {Size} characters: {string.Join(" ", characters.Select(Describe))}";
}

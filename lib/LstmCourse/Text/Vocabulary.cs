using System.Buffers;
using System.Globalization;
using System.Text;

namespace LstmCourse.Text;

/// <summary>The sorted set of characters of a text: character ↔ token id, id = position in code-point order.</summary>
/// <remarks>
/// A character is one Unicode scalar value (<see cref="Rune"/>): an emoji or a CJK Extension B ideograph is one token,
/// as a reader sees it, although .NET strings hold it as two UTF-16 code units (a surrogate pair). So every sample is
/// valid text, and half a character cannot be drawn. Text with a lone surrogate (half a pair, not a character) is
/// rejected. Sorting makes the ids independent of where a character first appears, so the same text always gives the
/// same vocabulary. Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public sealed class Vocabulary : IEquatable<Vocabulary>
{
    private readonly Rune[] runes;                 // V, sorted, distinct
    private readonly Dictionary<Rune, int> ids;    // character -> id

    /// <summary>A vocabulary of exactly these characters (duplicates are an error; order does not matter).</summary>
    public Vocabulary(IEnumerable<Rune> characters)
    {
        ArgumentNullException.ThrowIfNull(characters);
        runes = characters.ToArray();
        Array.Sort(runes);
        if (runes.Length == 0)
            throw new ArgumentException("a vocabulary needs at least one character, got none.", nameof(characters));
        ids = new Dictionary<Rune, int>(runes.Length);
        for (int id = 0; id < runes.Length; id++)
            if (!ids.TryAdd(runes[id], id))
                throw new ArgumentException($"character {Describe(runes[id])} appears twice; a vocabulary lists each character once.", nameof(characters));
    }

    /// <summary>A vocabulary of the characters of <paramref name="characters"/>, read as text (a surrogate pair is one character).</summary>
    public Vocabulary(string characters) : this(RunesOf(characters ?? throw new ArgumentNullException(nameof(characters)), "the character list")) { }

    /// <summary>A vocabulary of these UTF-16 code units, each a character of the Basic Multilingual Plane (no surrogate halves).</summary>
    public Vocabulary(IEnumerable<char> characters)
        : this((characters ?? throw new ArgumentNullException(nameof(characters))).Select(c => char.IsSurrogate(c)
            ? throw new ArgumentException($"{Describe(c)} is half of a surrogate pair, not a character; give characters outside the Basic Multilingual Plane as Runes or as a string.", nameof(characters))
            : new Rune(c))) { }

    /// <summary>The vocabulary of a text: every distinct character it contains.</summary>
    public static Vocabulary FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
            throw new ArgumentException("text is empty; a vocabulary is built from a text with at least one character.", nameof(text));
        return new Vocabulary(new HashSet<Rune>(RunesOf(text, "text")));
    }

    /// <summary>V, the number of characters.</summary>
    public int Size => runes.Length;

    /// <summary>The characters in id order.</summary>
    public IReadOnlyList<Rune> Runes => runes;

    /// <summary>The characters in id order as UTF-16 code units, for a vocabulary inside the Basic Multilingual Plane.</summary>
    /// <exception cref="InvalidOperationException">A character needs two code units (an emoji, say): use <see cref="Runes"/>.</exception>
    public IReadOnlyList<char> Characters => runes.All(r => r.IsBmp)
        ? runes.Select(r => (char)r.Value).ToArray()
        : throw new InvalidOperationException($"this vocabulary holds characters outside the Basic Multilingual Plane ({string.Join(", ", runes.Where(r => !r.IsBmp).Select(Describe))}), "
                                            + "which are not one char each; use Runes.");

    /// <summary>The character with this id.</summary>
    public Rune this[int id] => (uint)id < (uint)runes.Length
        ? runes[id]
        : throw new ArgumentOutOfRangeException(nameof(id), id, $"token id {id} is outside this vocabulary's 0..{Size - 1}.");

    public bool Contains(Rune c) => ids.ContainsKey(c);

    public bool Contains(char c) => Rune.TryCreate(c, out var r) && ids.ContainsKey(r);

    /// <summary>The id of a character; an <see cref="UnknownCharactersException"/> if it is not in the vocabulary.</summary>
    public int IdOf(Rune c) => ids.TryGetValue(c, out int id) ? id : throw UnknownCharactersException.For(this, c.ToString(), "character");

    /// <summary>The id of a character of the Basic Multilingual Plane.</summary>
    public int IdOf(char c) => Rune.TryCreate(c, out var r)
        ? IdOf(r)
        : throw new ArgumentException($"{Describe(c)} is half of a surrogate pair, not a character; look the whole character up with IdOf(Rune).", nameof(c));

    /// <summary>Token ids of every character of <paramref name="text"/> (one per Unicode scalar value); unknown characters
    /// are listed in one error.</summary>
    /// <exception cref="ArgumentException">The text has a lone surrogate.</exception>
    public int[] Encode(ReadOnlySpan<char> text, string what = "text")
    {
        var result = new int[text.Length];
        int count = 0;
        bool unknown = false;
        for (int k = 0; k < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text[k..], out var rune, out int used) != OperationStatus.Done) throw LoneSurrogate(text, k, what);
            if (ids.TryGetValue(rune, out int id)) result[count++] = id;
            else unknown = true;
            k += used;
        }
        if (unknown) throw UnknownCharactersException.For(this, text.ToString(), what);
        return count == result.Length ? result : result[..count];
    }

    /// <summary>The text spelled by these token ids.</summary>
    public string Decode(ReadOnlySpan<int> tokens)
    {
        var sb = new StringBuilder(tokens.Length);
        for (int k = 0; k < tokens.Length; k++)
        {
            if ((uint)tokens[k] >= (uint)runes.Length)
                throw new ArgumentException($"tokens[{k}] is {tokens[k]}, outside this vocabulary's ids 0..{Size - 1}; decode with the vocabulary the tokens were encoded with.", nameof(tokens));
            Append(sb, runes[tokens[k]]);
        }
        return sb.ToString();
    }

    /// <summary>The characters as one string in id order: the serialised form (see <see cref="Parse"/>).</summary>
    public string Serialize() => string.Concat(runes.Select(r => r.ToString()));

    /// <summary>Reads the form written by <see cref="Serialize"/>.</summary>
    public static Vocabulary Parse(string serialized) => new(serialized);

    /// <summary>A character as a reader can see it: <c>'a'</c>, <c>'\t' U+0009</c>, <c>'é' U+00E9</c>, <c>'😀' U+1F600</c>.</summary>
    public static string Describe(Rune c)
    {
        string shown = c.Value switch
        {
            '\t' => "\\t", '\n' => "\\n", '\r' => "\\r", '\0' => "\\0", '\'' => "\\'", '\\' => "\\\\",
            _ when Rune.IsControl(c) || Rune.IsWhiteSpace(c) && c.Value != ' '
                   || Rune.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => "",
            _ => c.ToString(),
        };
        string code = "U+" + c.Value.ToString("X4", CultureInfo.InvariantCulture);
        if (shown.Length == 0) return code;
        return c.Value is >= ' ' and <= '~' && c.Value != '\'' && c.Value != '\\' ? $"'{shown}'" : $"'{shown}' {code}";
    }

    /// <summary>A UTF-16 code unit as a reader can see it; a surrogate half shows as its code, <c>U+D83D</c>.</summary>
    public static string Describe(char c) => Rune.TryCreate(c, out var r) ? Describe(r) : "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>The characters of <paramref name="text"/> with their UTF-16 index; a lone surrogate is an error naming it.</summary>
    internal static IEnumerable<(Rune Rune, int Index)> Enumerate(ReadOnlySpan<char> text, string what)
    {
        var found = new List<(Rune, int)>(text.Length);
        for (int k = 0; k < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text[k..], out var rune, out int used) != OperationStatus.Done) throw LoneSurrogate(text, k, what);
            found.Add((rune, k));
            k += used;
        }
        return found;
    }

    private static ArgumentException LoneSurrogate(ReadOnlySpan<char> text, int k, string what) =>
        new($"{what} has a lone surrogate {Describe(text[k])} at index {k}: half of a character outside the Basic Multilingual Plane without "
          + "its other half, which is not text. Remove it, or repair the text where it was cut.", "text");

    private static IEnumerable<Rune> RunesOf(string text, string what) => Enumerate(text, what).Select(p => p.Rune);

    /// <summary>Appends a character's one or two UTF-16 code units.</summary>
    internal static void Append(StringBuilder sb, Rune c)
    {
        Span<char> units = stackalloc char[2];
        sb.Append(units[..c.EncodeToUtf16(units)]);
    }

    public bool Equals(Vocabulary? other) => other is not null && runes.AsSpan().SequenceEqual(other.runes);
    public override bool Equals(object? obj) => Equals(obj as Vocabulary);
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var r in runes) hash.Add(r.Value);
        return hash.ToHashCode();
    }
    public override string ToString() => $"Vocabulary of {Size} characters: {string.Join(" ", runes.Select(Describe))}";
}

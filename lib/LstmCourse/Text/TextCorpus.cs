using System.Text;

namespace LstmCourse.Text;

/// <summary>A text to learn from, its vocabulary, and its split into a training part and a validation part.</summary>
/// <remarks>
/// The split is contiguous, never random: text repeats itself, so randomly drawn validation characters would sit
/// between training characters and the validation loss would flatter the model. By default the last 10% validates.
/// The vocabulary is built from the whole text so that the validation part encodes too.
/// Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public sealed class TextCorpus
{
    /// <summary>Share of control characters (other than tab, newline, carriage return) above which a file counts as binary.</summary>
    public const double MaxControlShare = 0.05;

    private TextCorpus(string text, string source)
    {
        Text = text;
        Source = source;
        Vocabulary = Vocabulary.FromText(text);
    }

    /// <summary>The whole text.</summary>
    public string Text { get; }

    /// <summary>Where the text came from: the file path, or a caller-given label.</summary>
    public string Source { get; }

    /// <summary>Every distinct character of <see cref="Text"/>.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>A corpus over an in-memory text (at least 4 characters, so that both parts of a split can hold a pair).</summary>
    /// <exception cref="ArgumentException">The text is too short or has a lone surrogate (half a character).</exception>
    public static TextCorpus FromText(string text, string source = "text")
    {
        ArgumentNullException.ThrowIfNull(text);
        int characters = Vocabulary.Enumerate(text, source).Count();
        if (characters < 4)
            throw new ArgumentException($"{source} has {characters} characters; a corpus needs at least 4 (training and validation each need an input and its next character).", nameof(text));
        return new TextCorpus(text, source);
    }

    /// <summary>Loads a UTF-8 text file (a byte-order mark is skipped; "\r\n" becomes "\n" unless <paramref name="normalizeNewlines"/> is false).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is empty, too short, or binary (NUL bytes, invalid UTF-8, many control characters).</exception>
    /// <exception cref="IOException">The file exists but cannot be read.</exception>
    public static TextCorpus Load(string path, bool normalizeNewlines = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new IOException($"'{full}' is a folder; give the path of a text file inside it.");
        if (!File.Exists(full))
            throw new FileNotFoundException($"Text file '{full}' does not exist; check the path (relative paths start from '{Environment.CurrentDirectory}').", full);
        byte[] bytes;
        try { bytes = File.ReadAllBytes(full); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Text file '{full}' cannot be read: {e.Message}", e);
        }
        string text = Decode(bytes, full);
        if (normalizeNewlines) text = text.Replace("\r\n", "\n");
        int characters = text.EnumerateRunes().Count();                  // valid UTF-8 decodes to whole characters: no lone surrogate
        if (characters < 4)
            throw new InvalidDataException($"Text file '{full}' holds only {characters} characters; a corpus needs at least 4. Use a longer text.");
        return new TextCorpus(text, full);
    }

    private static string Decode(byte[] bytes, string path)
    {
        if (bytes.Length == 0)
            throw new InvalidDataException($"Text file '{path}' is empty (0 bytes); give a file with text in it.");
        int nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
            throw new InvalidDataException($"'{path}' looks binary: it has a NUL byte at offset {nul}. Give a UTF-8 text file (a UTF-16 file must be saved as UTF-8 first).");
        int start = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        string text;
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start); }
        catch (DecoderFallbackException e)
        {
            string at = e.Index >= 0 ? $" at byte {start + e.Index}" : "";
            throw new InvalidDataException($"'{path}' is not valid UTF-8 (first invalid byte{at}); it is binary or in another encoding. Save it as UTF-8.", e);
        }
        if (text.Length == 0)
            throw new InvalidDataException($"Text file '{path}' is empty (only a byte-order mark); give a file with text in it.");
        int control = text.Count(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));
        double share = (double)control / text.Length;
        if (share > MaxControlShare)
            throw new InvalidDataException($"'{path}' looks binary: {control} of its {text.Length} characters ({share:P1}) are control characters, above the {MaxControlShare:P0} a text file has. Give a plain text file.");
        return text;
    }

    /// <summary>Training = the first (1 − f) of the text, validation = the last f (f = 0: no validation part).</summary>
    public TextSplit Split(double validationFraction = 0.1)
    {
        if (!(validationFraction >= 0 && validationFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, $"validationFraction must be in [0, 1), got {validationFraction}; 0.1 keeps the last 10% for validation.");
        int[] tokens = Vocabulary.Encode(Text, Source);
        int at = validationFraction == 0 ? tokens.Length : (int)Math.Round(tokens.Length * (1 - validationFraction));   // in characters
        if (validationFraction > 0 && tokens.Length - at < 2)
            throw new ArgumentException($"validationFraction {validationFraction} leaves {tokens.Length - at} of the {tokens.Length} characters of {Source} for validation; it needs at least 2. Raise validationFraction, use a longer text, or use 0 for no validation.", nameof(validationFraction));
        if (at < 2)
            throw new ArgumentException($"validationFraction {validationFraction} leaves {at} of the {tokens.Length} characters of {Source} for training; it needs at least 2. Lower validationFraction or use a longer text.", nameof(validationFraction));
        return new TextSplit(Vocabulary, tokens[..at], tokens[at..], Source);
    }

    /// <summary>Training = the text before string index <paramref name="index"/> (a UTF-16 position, as <c>text.Length</c>
    /// counts), validation = from there to the end.</summary>
    public TextSplit SplitAt(int index)
    {
        if (index > 0 && index < Text.Length && char.IsLowSurrogate(Text[index]) && char.IsHighSurrogate(Text[index - 1]))
            throw new ArgumentOutOfRangeException(nameof(index), index, $"split index {index} cuts the character {Vocabulary.Describe(Rune.GetRuneAt(Text, index - 1))} of {Source} in half (it takes two UTF-16 code units); split at {index - 1} or {index + 1}.");
        if (index < 0 || index > Text.Length)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"split index {index} is outside the text of {Source}, 0..{Text.Length}.");
        int[] train = Vocabulary.Encode(Text.AsSpan(0, index), Source), validation = Vocabulary.Encode(Text.AsSpan(index), Source);
        if (train.Length < 2 || validation.Length == 1)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"split index {index} leaves {train.Length} characters for training and {validation.Length} for validation (the text of {Source} has {train.Length + validation.Length}); training needs at least 2, validation either 0 or at least 2.");
        return new TextSplit(Vocabulary, train, validation, Source);
    }
}

/// <summary>Encoded training and validation token ids over one vocabulary.</summary>
/// <param name="Validation">Empty when there is no validation part.</param>
public sealed record TextSplit(Vocabulary Vocabulary, int[] Train, int[] Validation, string Source = "text");

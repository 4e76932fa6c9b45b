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
    public static TextCorpus FromText(string text, string source = "text")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 4)
            throw new ArgumentException($"{source} has {text.Length} characters; a corpus needs at least 4 (training and validation each need an input and its next character).", nameof(text));
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
        if (text.Length < 4)
            throw new InvalidDataException($"Text file '{full}' holds only {text.Length} characters; a corpus needs at least 4. Use a longer text.");
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
        int at = validationFraction == 0 ? Text.Length : (int)Math.Round(Text.Length * (1 - validationFraction));
        if (validationFraction > 0 && Text.Length - at < 2)
            throw new ArgumentException($"validationFraction {validationFraction} leaves {Text.Length - at} of the {Text.Length} characters of {Source} for validation; it needs at least 2. Raise validationFraction, use a longer text, or use 0 for no validation.", nameof(validationFraction));
        return SplitAt(at);
    }

    /// <summary>Training = characters [0, <paramref name="index"/>), validation = [<paramref name="index"/>, end).</summary>
    public TextSplit SplitAt(int index)
    {
        if (index < 2 || index > Text.Length || Text.Length - index == 1)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"split index {index} must leave at least 2 characters for training and either 0 or at least 2 for validation (the text of {Source} has {Text.Length}); use 2..{Text.Length - 2} or {Text.Length}.");
        return new TextSplit(Vocabulary, Vocabulary.Encode(Text.AsSpan(0, index), Source), Vocabulary.Encode(Text.AsSpan(index), Source), Source);
    }
}

/// <summary>Encoded training and validation token ids over one vocabulary.</summary>
/// <param name="Validation">Empty when there is no validation part.</param>
public sealed record TextSplit(Vocabulary Vocabulary, int[] Train, int[] Validation, string Source = "text");

using System.Text;
using LstmCourse.Fast;
using LstmCourse.Numerics;
using LstmCourse.Text;

namespace LstmCourse.Sampling;

/// <summary>Generates text from a trained <see cref="CharLstm"/>: feed a prime one character at a time, then repeatedly
/// pick a character from the logits and feed it back.</summary>
/// <remarks>
/// <code>
/// greedy:        x_{t+1} = argmax_k z_k
/// temperature:   p = softmax(z / τ),  x_{t+1} ~ p
/// top-k:         p_k ∝ exp(z_k / τ) for the k largest z_k, 0 elsewhere
/// </code>
/// The same model, prime, options and <see cref="Rng"/> state give the same text. Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public sealed class Sampler : ITextSampler
{
    public Sampler(CharLstm model, Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (model.VocabSize != vocabulary.Size)
            throw new ArgumentException($"the model predicts {model.VocabSize} characters but the vocabulary has {vocabulary.Size}; use the vocabulary the model was trained with (checkpoint.Vocabulary).", nameof(vocabulary));
        Model = model;
        Vocabulary = vocabulary;
    }

    public CharLstm Model { get; }
    public Vocabulary Vocabulary { get; }

    /// <summary><paramref name="length"/> characters (Unicode scalar values: always valid text) that continue <paramref name="prime"/> (the prime itself is not repeated).
    /// An empty prime starts after a newline ('\n', or the first character if the text had no newline).</summary>
    /// <param name="rng">The random source; may be null only for greedy sampling.</param>
    public string Sample(int length, Rng? rng, string prime = "", SamplingOptions? options = null)
    {
        if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), length, $"length must be 0 or more characters, got {length}.");
        return Continue(Prime(prime), length, stop: null, Check(options, rng), rng);
    }

    /// <summary>The continuation of <paramref name="prime"/> up to and including the first <paramref name="stop"/> the model
    /// writes, or <paramref name="maxLength"/> characters if it writes none (a document, a product, a line). The prime is
    /// not repeated; a stop inside the prime does not count.</summary>
    public string SampleUntil(string stop, int maxLength, Rng? rng, string prime = "", SamplingOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(stop);
        if (maxLength < 0) throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, $"maxLength must be 0 or more characters, got {maxLength}.");
        options = Check(options, rng);
        _ = Vocabulary.Encode(stop, "stop");                  // a stop the model cannot write is an error, not an endless sample
        return Continue(Prime(prime), maxLength, stop, options, rng);
    }

    /// <summary>Feeds <paramref name="prime"/> from a fresh state, then draws and feeds back up to <paramref name="maxLength"/>
    /// characters, ending early after <paramref name="stop"/>.</summary>
    private string Continue(int[] prime, int maxLength, string? stop, SamplingOptions options, Rng? rng)
    {
        var state = Model.NewInferenceState();
        var z = new float[Model.VocabSize];                   // V logits
        foreach (int token in prime) Model.Step(token, state, z);
        var text = new StringBuilder(Math.Min(maxLength, 1 << 16));
        for (int drawn = 0; drawn < maxLength && !(stop is not null && EndsWith(text, stop)); drawn++)
        {
            int next = Pick(z, options, rng);
            Vocabulary.Append(text, Vocabulary[next]);                 // one character: one or two UTF-16 code units
            Model.Step(next, state, z);
        }
        return text.ToString();
    }

    private static bool EndsWith(StringBuilder text, string suffix)
    {
        if (text.Length < suffix.Length) return false;
        for (int k = 1; k <= suffix.Length; k++)
            if (text[^k] != suffix[^k]) return false;
        return true;
    }

    /// <summary><paramref name="count"/> lines (product names, titles, ...), each <paramref name="prime"/> + the model's
    /// continuation up to its next '\n' (at most <paramref name="maxLineLength"/> characters). Lines follow one another in
    /// one state, as in the training text.</summary>
    public IReadOnlyList<string> SampleLines(int count, Rng? rng, string prime = "", SamplingOptions? options = null, int maxLineLength = 200)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be 0 or more lines, got {count}.");
        if (maxLineLength < 1) throw new ArgumentOutOfRangeException(nameof(maxLineLength), maxLineLength, $"maxLineLength must be at least 1, got {maxLineLength}.");
        options = Check(options, rng);
        if (!Vocabulary.Contains('\n'))
            throw new InvalidOperationException("the vocabulary has no '\\n' U+000A, so the model never learned where a line ends; use Sample for text without lines.");
        int newline = Vocabulary.IdOf('\n');
        int[] primeTokens = Vocabulary.Encode(prime ?? "", "prime");
        var state = Model.NewInferenceState();
        var z = new float[Model.VocabSize];
        Model.Step(newline, state, z);                        // the start of a line
        var lines = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            foreach (int token in primeTokens) Model.Step(token, state, z);
            var line = new StringBuilder(prime);
            for (int drawn = 0; drawn < maxLineLength; drawn++)
            {
                int next = Pick(z, options, rng);
                if (next == newline) break;
                Vocabulary.Append(line, Vocabulary[next]);
                Model.Step(next, state, z);
            }
            Model.Step(newline, state, z);                    // end the line, whether the model did or the limit did
            lines.Add(line.ToString());
        }
        return lines;
    }

    /// <summary>The next token from logits <paramref name="z"/>: argmax for greedy, else a draw from softmax(z / τ) over the top k.</summary>
    public static int Pick(ReadOnlySpan<float> z, SamplingOptions options, Rng? rng)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (z.Length == 0) throw new ArgumentException("logits are empty.", nameof(z));
        for (int k = 0; k < z.Length; k++)
            if (!float.IsFinite(z[k])) throw new ArgumentException($"logit {k} is {z[k]}; the model's weights are not finite (did training diverge?).", nameof(z));
        if (options.Greedy || options.TopK == 1) return ArgMax(z);
        if (rng is null) throw new ArgumentNullException(nameof(rng), "sampling with a temperature needs an Rng (new Rng(seed)); only Greedy sampling works without one.");

        int V = z.Length, K = Math.Min(options.TopK ?? V, V);
        var candidates = new int[V];
        for (int k = 0; k < V; k++) candidates[k] = k;
        var logits = z.ToArray();
        if (K < V) Array.Sort(candidates, (a, b) => logits[a] != logits[b] ? logits[b].CompareTo(logits[a]) : a.CompareTo(b));   // largest first, ties by id
        double max = double.NegativeInfinity;
        for (int j = 0; j < K; j++) max = Math.Max(max, logits[candidates[j]]);
        var p = new double[K];
        double sum = 0;
        for (int j = 0; j < K; j++) sum += p[j] = Math.Exp((logits[candidates[j]] - max) / options.Temperature);   // unnormalised softmax(z / τ)
        double u = rng.NextDouble() * sum;
        for (int j = 0; j < K; j++)
        {
            u -= p[j];
            if (u < 0) return candidates[j];
        }
        for (int j = K - 1; j >= 0; j--) if (p[j] > 0) return candidates[j];   // rounding left u ≥ 0: the last possible one
        return candidates[0];
    }

    /// <summary>The index of the largest logit (the first of ties).</summary>
    public static int ArgMax(ReadOnlySpan<float> z)
    {
        int best = 0;
        for (int k = 1; k < z.Length; k++) if (z[k] > z[best]) best = k;
        return best;
    }

    private static SamplingOptions Check(SamplingOptions? options, Rng? rng)
    {
        options = (options ?? new SamplingOptions()).Validate();
        if (rng is null && !(options.Greedy || options.TopK == 1))
            throw new ArgumentNullException(nameof(rng), "sampling with a temperature needs an Rng (new Rng(seed)); only Greedy sampling works without one.");
        return options;
    }

    private int[] Prime(string? prime)
    {
        if (!string.IsNullOrEmpty(prime)) return Vocabulary.Encode(prime, "prime");
        return [Vocabulary.Contains('\n') ? Vocabulary.IdOf('\n') : 0];
    }
}

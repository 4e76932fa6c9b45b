using System.Text;
using LstmCourse.Numerics;
using LstmCourse.Sampling;

namespace LstmCourse.Baselines;

/// <summary>Writing text with the n-gram model, the way <see cref="Sampler"/> writes with the LSTM.</summary>
/// <remarks>
/// <code>
/// z_c = ln P(c | the last n − 1 characters)      for every c of the vocabulary
/// x_{t+1} = Sampler.Pick(z, options)             softmax(z / τ) = P^(1/τ) / Σ P^(1/τ); greedy = the most probable
/// </code>
/// Taught in notebooks/08-weather-forecasts.ipynb (the 5-gram writes forecasts too, and the validator scores them).
/// </remarks>
public sealed partial class CharNGram : ITextSampler
{
    /// <summary>The continuation of <paramref name="prime"/> up to and including the first <paramref name="stop"/> the model
    /// writes, or <paramref name="maxLength"/> characters if it writes none; the prime is not repeated, a stop inside it
    /// does not count. The same prime, options and <see cref="Rng"/> state give the same text.</summary>
    public string SampleUntil(string stop, int maxLength, Rng? rng, string prime = "", SamplingOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(stop);
        ArgumentNullException.ThrowIfNull(prime);
        if (maxLength < 0) throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, $"maxLength must be 0 or more characters, got {maxLength}.");
        foreach (char ch in stop)
            if (!ids.ContainsKey(ch))
                throw new ArgumentException($"the stop contains '{ch}' (U+{(int)ch:X4}), which the model never writes; pick a stop made of its vocabulary.", nameof(stop));
        options ??= new SamplingOptions();
        var text = new StringBuilder(prime);
        var z = new float[Vocabulary.Count];
        int start = prime.Length;
        while (text.Length - start < maxLength && !EndsWithStop(text, start, stop))
        {
            int[] h = ContextIds(text.ToString(Math.Max(0, text.Length - (Order - 1)), Math.Min(Order - 1, text.Length)));
            for (int w = 1; w <= Vocabulary.Count; w++) z[w - 1] = (float)Math.Log(Probability(w, h));
            text.Append(Vocabulary[Sampler.Pick(z, options, rng)]);
        }
        return text.ToString(start, text.Length - start);
    }

    private static bool EndsWithStop(StringBuilder text, int start, string stop)
    {
        if (text.Length - start < stop.Length) return false;
        for (int k = 1; k <= stop.Length; k++)
            if (text[^k] != stop[^k]) return false;
        return true;
    }
}

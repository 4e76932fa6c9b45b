using LstmCourse.Numerics;
using LstmCourse.Sampling;

namespace LstmCourse.Weather;

/// <summary>The lab's measure of what a model learned: products sampled from a character model (the LSTM's
/// <see cref="Sampler"/> or the n-gram baseline), each primed with a real header, scored by <see cref="ForecastValidator"/>.</summary>
/// <remarks>
/// <code>
/// product k:  fresh state;  feed "\n" + header_k;  draw x ~ softmax(z / τ) and feed it back until the "\n$$" line
///             (or maxLength characters in all)
/// score:      ForecastValidator.Validate(product_0 + product_1 + ...)
/// </code>
/// The header carries the zone, the issuance time and its weekday, so the model must continue it consistently: the first
/// period must fit the time, the first weekday period must be the next day. The same sampler, headers, options and
/// <see cref="Rng"/> state give the same products. Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public static class ForecastSampling
{
    /// <summary>The line that ends a product.</summary>
    public const string Terminator = "\n$$";

    /// <summary>The products of a forecast text, each from its zone line through <c>$$</c> and a newline (text after the
    /// last <c>$$</c> is not a product).</summary>
    public static IReadOnlyList<string> Products(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split(Terminator, StringSplitOptions.None)[..^1]
                   .Select(p => p.Trim('\n'))
                   .Where(p => p.Trim().Length > 0)
                   .Select(p => p + "\n" + Terminator + "\n")                 // "...40S.\n\n$$\n", as in the corpus
                   .ToList();
    }

    /// <summary>A product's header: zone line, names, cities and issuance time, through the blank line after them.</summary>
    public static string Header(string product)
    {
        ArgumentNullException.ThrowIfNull(product);
        int blank = product.IndexOf("\n\n", StringComparison.Ordinal);
        if (blank < 0) throw new ArgumentException("the product has no blank line after its header (zone, names, cities, issuance time).", nameof(product));
        return product[..(blank + 2)];
    }

    /// <summary>The headers of <paramref name="count"/> products spread evenly over <paramref name="products"/>:
    /// product ⌊k·P/count⌋ for k = 0..count−1 (all of them when count = P).</summary>
    public static IReadOnlyList<string> SpreadHeaders(IReadOnlyList<string> products, int count)
    {
        ArgumentNullException.ThrowIfNull(products);
        if (count < 0 || count > products.Count)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be 0..{products.Count} (the products there are), got {count}.");
        return Enumerable.Range(0, count).Select(k => Header(products[(int)((long)k * products.Count / count)])).ToList();
    }

    /// <summary>The header followed by the model's continuation through its <c>$$</c> line, and a newline.</summary>
    public static string SampleProduct(ITextSampler sampler, string header, Rng? rng, SamplingOptions options, int maxLength = 2000)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(header);
        if (maxLength <= header.Length)
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, $"maxLength ({maxLength}) must exceed the header's {header.Length} characters; products are about 900 characters.");
        return header + sampler.SampleUntil(Terminator, maxLength - header.Length, rng, "\n" + header, options) + "\n";
    }

    /// <summary>One product sampled per header (in order, from one <paramref name="rng"/>), validated together.</summary>
    public static ForecastReport Score(ITextSampler sampler, IEnumerable<string> headers, Rng? rng, SamplingOptions options, int maxLength = 2000)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return ForecastValidator.Validate(string.Concat(headers.Select(h => SampleProduct(sampler, h, rng, options, maxLength))));
    }
}

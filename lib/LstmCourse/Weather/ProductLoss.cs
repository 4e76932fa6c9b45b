using LstmCourse.Fast;
using LstmCourse.Text;

namespace LstmCourse.Weather;

/// <summary>A character model's bits per character on forecast products, read two ways: each product from a fresh state, the
/// way <see cref="ForecastSampling"/> writes one, or in streams that carry the state from one product into the next, the
/// way a training run's validation reads its text.</summary>
/// <remarks>
/// <code>
/// fresh:    every product from a zero state:  inputs "\n" + product[..^1],  targets product
///           (N products per batch, each row padded to the longest; the padding is not scored; read T at a time)
/// carried:  N rows of consecutive products, row n = products ⌊nP/N⌋ .. ⌊(n+1)P/N⌋ − 1 joined by "\n" (a blank line, as
///           in the corpus), each from a zero state at its first product's start, read T characters at a time with the
///           state carried on; only the first L characters of every row are scored, L = the shortest row
/// bpc = Σ losses / scored characters / ln 2
/// </code>
/// Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public static class ProductLoss
{
    /// <summary>Bits per character over every character of every product, each product read from a fresh state after "\n"
    /// (<paramref name="window"/> characters at a time, which changes nothing but the memory it takes).</summary>
    public static double FreshBitsPerChar(CharLstm model, Vocabulary vocabulary, IReadOnlyList<string> products, int batchSize = 32, int window = 256)
    {
        if (window < 1) throw new ArgumentOutOfRangeException(nameof(window), window, $"window must be at least 1 character, got {window}.");
        var encoded = Encode(model, vocabulary, products, batchSize);
        int newline = vocabulary.Encode("\n", "the newline a product is primed with")[0];
        double sum = 0;
        long scored = 0;
        for (int first = 0; first < encoded.Count; first += batchSize)
        {
            var batch = encoded.Skip(first).Take(batchSize).ToArray();
            int N = batch.Length, longest = batch.Max(p => p.Length);
            var state = model.NewState(N);                                    // every product from a zero state
            for (int start = 0; start < longest; start += window)              // read in windows, the state carried within each product
            {
                int T = Math.Min(window, longest - start);
                var inputs = new int[N * T];
                var targets = new int[N * T];
                Array.Fill(inputs, newline);                                  // padding past a product's end: scored by the model, never counted
                Array.Fill(targets, newline);
                for (int n = 0; n < N; n++)
                    for (int t = 0; t < T && start + t < batch[n].Length; t++)
                    {
                        int at = start + t;
                        inputs[n * T + t] = at == 0 ? newline : batch[n][at - 1];
                        targets[n * T + t] = batch[n][at];
                    }
                var losses = model.Losses(inputs, targets, N, T, state);
                for (int n = 0; n < N; n++)
                    for (int t = 0; t < T && start + t < batch[n].Length; t++) sum += losses[n * T + t];
            }
            scored += batch.Sum(p => (long)p.Length);
        }
        return sum / scored / Math.Log(2);
    }

    /// <summary>Bits per character over the first L characters of N rows of consecutive products (L = the shortest row),
    /// each row from a zero state at its first product, read <paramref name="window"/> characters at a time with the state
    /// carried on (the window changes nothing but the memory it takes).</summary>
    public static double CarriedBitsPerChar(CharLstm model, Vocabulary vocabulary, IReadOnlyList<string> products, int batchSize = 32, int window = 256)
    {
        if (window < 1) throw new ArgumentOutOfRangeException(nameof(window), window, $"window must be at least 1 character, got {window}.");
        var encoded = Encode(model, vocabulary, products, batchSize);
        if (products.Count < batchSize)
            throw new ArgumentException($"{products.Count} products are too few for {batchSize} rows of consecutive products; pass at least {batchSize} or lower batchSize.", nameof(products));
        int newline = vocabulary.Encode("\n", "the newline a product is primed with")[0];
        int N = batchSize, P = encoded.Count;
        var rows = new int[N][];
        for (int n = 0; n < N; n++)
        {
            int from = (int)((long)n * P / N), to = (int)((long)(n + 1) * P / N);
            rows[n] = encoded.Skip(from).Take(to - from).SelectMany((int[] p, int k) => k == 0 ? p : p.Prepend(newline)).ToArray();   // joined by a blank line, as in the corpus
        }
        int L = rows.Min(r => r.Length);
        var state = model.NewState(N);
        double sum = 0;
        for (int start = 0; start < L; start += window)
        {
            int T = Math.Min(window, L - start);
            var inputs = new int[N * T];
            var targets = new int[N * T];
            for (int n = 0; n < N; n++)
                for (int t = 0; t < T; t++)
                {
                    int at = start + t;
                    inputs[n * T + t] = at == 0 ? newline : rows[n][at - 1];
                    targets[n * T + t] = rows[n][at];
                }
            var losses = model.Losses(inputs, targets, N, T, state);
            foreach (float l in losses) sum += l;
        }
        return sum / ((long)N * L) / Math.Log(2);
    }

    private static List<int[]> Encode(CharLstm model, Vocabulary vocabulary, IReadOnlyList<string> products, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(products);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"batchSize must be at least 1, got {batchSize}.");
        if (products.Count == 0) throw new ArgumentException("there are no products to score; pass ForecastSampling.Products(text).", nameof(products));
        if (vocabulary.Size != model.VocabSize)
            throw new ArgumentException($"the vocabulary has {vocabulary.Size} characters but the model {model.VocabSize}; use the vocabulary it was trained with.", nameof(vocabulary));
        return products.Select((p, k) => p.Length > 0 ? vocabulary.Encode(p, $"product {k}")
                                                      : throw new ArgumentException($"product {k} is empty.", nameof(products))).ToList();
    }
}

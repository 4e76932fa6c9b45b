namespace LstmCourse.Baselines;

/// <summary>A character n-gram language model with interpolated modified Kneser–Ney smoothing: the bar the lab's
/// LSTM must beat, in bits per character.</summary>
/// <remarks>
/// <code>
/// P_1(c)     = (N_1(c) + 1) / (Σ_c N_1(c) + V)                        add-one over the vocabulary (no zero anywhere)
/// P_k(c | h) = (max(N_k(hc) − D_k(N_k(hc)), 0) + γ_k(h) P_{k−1}(c | h′)) / Σ_c N_k(hc)     h′ = h without its oldest char
/// γ_k(h)     = D_k1 n1(h) + D_k2 n2(h) + D_k3 n3+(h)           n_j(h) = how many c have N_k(hc) = j (3+: at least 3)
/// N_k        = raw counts at k = n;  below it, continuation counts N_k(hc) = |{b : bhc occurs}|
/// D_kj       = j − (j + 1) Y m_{j+1} / m_j,  Y = m_1 / (m_1 + 2 m_2)    m_j = how many k-grams have N_k = j
///              (Chen and Goodman; when some m_j is 0 or a D_kj falls outside (0, j], every D_kj = 0.75)
/// an unseen context h (Σ_c N_k(hc) = 0) leaves P_{k−1} as it is
/// bits/char  = −(1/N) Σ_i log2 P(c_i | c_{i−n+1..i−1}), the first n − 1 characters with the shorter context they have
/// </code>
/// The vocabulary is the characters of the training text and of an optional extra text (pass the validation text);
/// characters never seen in training get probability only through the add-one unigram.
/// Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public sealed partial class CharNGram
{
    private readonly Dictionary<char, int> ids;             // character → id 1..V; 0 stands for "not in the vocabulary"
    private readonly int bits;                              // bits per packed character
    private readonly double[] unigram;                      // P_1 by id, index 0 unused
    private readonly Dictionary<long, int>[] counts;        // counts[k]: k-gram → N_k, k = 2..n
    private readonly Dictionary<long, ContextStats>[] contexts; // contexts[k]: (k−1)-gram → Σ N_k, n1, n2, n3+
    private readonly (double D1, double D2, double D3)[] discounts;

    private CharNGram(int order, char[] vocabulary, Dictionary<char, int> ids, int bits, double[] unigram,
        Dictionary<long, int>[] counts, Dictionary<long, ContextStats>[] contexts, (double, double, double)[] discounts)
    {
        Order = order;
        Vocabulary = vocabulary;
        this.ids = ids;
        this.bits = bits;
        this.unigram = unigram;
        this.counts = counts;
        this.contexts = contexts;
        this.discounts = discounts;
    }

    /// <summary>n: the model conditions each character on the n − 1 before it.</summary>
    public int Order { get; }

    /// <summary>The characters the model gives probability to, in ordinal order.</summary>
    public IReadOnlyList<char> Vocabulary { get; }

    /// <summary>Counts every k-gram of <paramref name="trainText"/> for k = 1..<paramref name="order"/>.</summary>
    /// <param name="vocabularyText">Extra characters for the vocabulary (pass the validation text), or null.</param>
    public static CharNGram Train(string trainText, int order = 5, string? vocabularyText = null)
    {
        ArgumentNullException.ThrowIfNull(trainText);
        if (order < 1) throw new ArgumentException($"order must be at least 1, got {order}.", nameof(order));
        if (trainText.Length == 0) throw new ArgumentException("trainText is empty; train on at least one character.", nameof(trainText));
        char[] vocabulary = trainText.Concat(vocabularyText ?? "").Distinct().Order().ToArray();
        var ids = new Dictionary<char, int>();
        for (int k = 0; k < vocabulary.Length; k++) ids[vocabulary[k]] = k + 1;
        int bits = 1;
        while ((1 << bits) <= vocabulary.Length) bits++;
        if (bits * order > 62)
            throw new ArgumentException($"{vocabulary.Length} distinct characters need {bits} bits each, so order can be at most {62 / bits}, got {order}.", nameof(order));
        int[] x = trainText.Select(c => ids[c]).ToArray();

        var raw = new Dictionary<long, int>[order + 1];
        for (int k = 1; k <= order; k++) raw[k] = CountKGrams(x, k, bits);
        var counts = new Dictionary<long, int>[order + 1];
        counts[order] = raw[order];
        for (int k = order - 1; k >= 1; k--) counts[k] = ContinuationCounts(raw[k + 1], k, bits);

        var unigram = new double[vocabulary.Length + 1];
        double total1 = counts[1].Values.Sum(v => (double)v);
        for (int id = 1; id <= vocabulary.Length; id++)
            unigram[id] = (counts[1].GetValueOrDefault(id) + 1) / (total1 + vocabulary.Length);

        var contexts = new Dictionary<long, ContextStats>[order + 1];
        var discounts = new (double, double, double)[order + 1];
        for (int k = 2; k <= order; k++)
        {
            contexts[k] = ContextTotals(counts[k], bits);
            discounts[k] = ModifiedKneserNeyDiscounts(counts[k].Values);
        }
        return new CharNGram(order, vocabulary, ids, bits, unigram, counts, contexts, discounts);
    }

    /// <summary>The discounts (D1, D2, D3+) used at order <paramref name="k"/> (2..n).</summary>
    public (double D1, double D2, double D3Plus) Discounts(int k)
    {
        if (k < 2 || k > Order) throw new ArgumentOutOfRangeException(nameof(k), k, $"orders with discounts are 2..{Order}.");
        return discounts[k];
    }

    /// <summary>P(<paramref name="next"/> | the last n − 1 characters of <paramref name="context"/>). Context characters
    /// outside the vocabulary are allowed (they match nothing); <paramref name="next"/> must be in it.</summary>
    public double Probability(char next, string context)
    {
        if (!ids.TryGetValue(next, out int w))
            throw new ArgumentException($"'{next}' (U+{(int)next:X4}) is not in the vocabulary; pass text containing it as vocabularyText to Train.", nameof(next));
        return Probability(w, ContextIds(context));
    }

    /// <summary>P(c | context) for every c of <see cref="Vocabulary"/>, in that order.</summary>
    public double[] Distribution(string context)
    {
        int[] h = ContextIds(context);
        return Enumerable.Range(1, Vocabulary.Count).Select(w => Probability(w, h)).ToArray();
    }

    /// <summary>−(1/N) Σ log2 P(c_i | c_{i−n+1..i−1}) over <paramref name="text"/>.</summary>
    public double BitsPerCharacter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) throw new ArgumentException("text is empty; bits per character need at least one character.", nameof(text));
        var x = new int[text.Length];
        for (int i = 0; i < text.Length; i++)
            if (!ids.TryGetValue(text[i], out x[i]))
                throw new ArgumentException($"text[{i}] = '{text[i]}' (U+{(int)text[i]:X4}) is not in the vocabulary; pass this text as vocabularyText to Train.", nameof(text));
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            int start = Math.Max(0, i - (Order - 1));
            sum -= Math.Log2(Probability(x[i], x.AsSpan(start, i - start)));
        }
        return sum / x.Length;
    }

    private double Probability(int w, ReadOnlySpan<int> context)
    {
        double p = unigram[w];
        int maxK = Math.Min(Order, context.Length + 1);
        for (int k = 2; k <= maxK; k++)
        {
            long h = Pack(context[(context.Length - (k - 1))..], bits);
            if (!contexts[k].TryGetValue(h, out var s)) continue;
            int c = counts[k].GetValueOrDefault((h << bits) | (long)w);
            var (d1, d2, d3) = discounts[k];
            double d = c == 0 ? 0 : c == 1 ? d1 : c == 2 ? d2 : d3;
            double gamma = d1 * s.N1 + d2 * s.N2 + d3 * s.N3Plus;
            p = (Math.Max(c - d, 0) + gamma * p) / s.Total;
        }
        return p;
    }

    private int[] ContextIds(string context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int m = Math.Min(Order - 1, context.Length);
        return context[(context.Length - m)..].Select(ch => ids.GetValueOrDefault(ch)).ToArray();
    }
}

using System.Globalization;
using LstmCourse.Baselines;
using LstmCourse.Tests.Weather;
using LstmCourse.Weather;

namespace LstmCourse.Tests.Baselines;

public class CharNGramTests
{
    private static readonly string Forecasts = string.Join("\n", ForecastGenerator.Generate(5, new DateOnly(2015, 3, 1), 10, zonesPerIssuance: 1).Select(p => p.Text));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    public void Probabilities_over_the_vocabulary_sum_to_one_in_seen_and_unseen_contexts(int n)
    {
        var model = CharNGram.Train(Forecasts, n, vocabularyText: "#@");
        string[] contexts = ["", "T", "TONIGHT...", "LOWS IN THE MI", "QXQXQXQ", "9Z9Z", "#@#@", "LOWS #", "éé€", "\n$$\n\n"];
        foreach (string context in contexts)
        {
            double sum = model.Distribution(context).Sum();
            Assert.True(Math.Abs(sum - 1) < 1e-9, $"n = {n}, context '{context}': probabilities sum to {sum:R}");
        }
    }

    [Fact]
    public void Order_one_is_the_add_one_unigram()
    {
        const string train = "ABRACADABRA";
        var model = CharNGram.Train(train, 1, vocabularyText: "XYZ");
        Assert.Equal("ABCDRXYZ", new string(model.Vocabulary.ToArray()));
        foreach (char c in model.Vocabulary)
        {
            double expected = (train.Count(t => t == c) + 1) / (double)(train.Length + model.Vocabulary.Count);  // (N(c) + 1) / (N + V)
            Assert.Equal(expected, model.Probability(c, "ANY CONTEXT"), 15);
        }
    }

    [Fact]
    public void A_periodic_text_costs_almost_nothing_once_n_exceeds_its_period()
    {
        string train = string.Concat(Enumerable.Repeat("HELLO", 400)), test = string.Concat(Enumerable.Repeat("HELLO", 100));
        Assert.True(CharNGram.Train(train, 6).BitsPerCharacter(test) < 0.02);     // ~0.003 per char plus the context-free start
        Assert.True(CharNGram.Train(train, 1).BitsPerCharacter(test) > 1.5);      // 5 letters, L twice: ~1.9 bits
    }

    [Fact]
    public void Training_twice_gives_the_same_model()
    {
        var a = CharNGram.Train(Forecasts, 5);
        var b = CharNGram.Train(Forecasts, 5);
        Assert.Equal(a.BitsPerCharacter(Forecasts[..3000]), b.BitsPerCharacter(Forecasts[..3000]));
        Assert.Equal(a.Distribution("HIGHS IN THE "), b.Distribution("HIGHS IN THE "));
        Assert.Equal(a.Discounts(5), b.Discounts(5));
    }

    [Fact]
    public void It_matches_a_plain_string_implementation_of_the_formulas()
    {
        string train = Forecasts[..4000];
        const int n = 4;
        var model = CharNGram.Train(train, n, vocabularyText: "#");
        var reference = new PlainKneserNey(train, n, model.Vocabulary.ToArray());
        Assert.Contains(Enumerable.Range(2, n - 1), k => model.Discounts(k) != (0.75, 0.75, 0.75));   // estimated discounts run too
        foreach (string context in new[] { "", "S", "OW", "LOWS IN THE", ".TO", "QQQ", "#HI", "50S" })
            foreach (char c in model.Vocabulary)
            {
                string h = context.Length > n - 1 ? context[^(n - 1)..] : context;
                Assert.Equal(reference.P(c, h), model.Probability(c, context), 12);
            }
    }

    [Fact]
    public void Discounts_lie_in_their_valid_ranges()
    {
        var model = CharNGram.Train(Forecasts, 6);
        for (int k = 2; k <= 6; k++)
        {
            var (d1, d2, d3) = model.Discounts(k);
            Assert.True(d1 is > 0 and <= 1 && d2 is > 0 and <= 2 && d3 is > 0 and <= 3, $"order {k}: {d1}, {d2}, {d3}");
        }
    }

    [Fact]
    public void A_character_of_the_vocabulary_never_seen_in_training_gets_a_small_positive_probability()
    {
        var model = CharNGram.Train(Forecasts, 5, vocabularyText: "#");
        double p = model.Probability('#', "HIGHS IN THE ");
        Assert.InRange(p, 1e-12, 1e-4);
    }

    [Fact]
    public void A_character_outside_the_vocabulary_is_refused_with_the_fix()
    {
        var model = CharNGram.Train(Forecasts, 3);
        var e = Assert.Throws<ArgumentException>(() => model.BitsPerCharacter("HIGHS #"));
        Assert.Contains("'#'", e.Message);
        Assert.Contains("vocabularyText", e.Message);
        Assert.Throws<ArgumentException>(() => model.Probability('#', ""));
    }

    [Fact]
    public void Bad_arguments_are_refused_by_name()
    {
        Assert.Equal("order", Assert.Throws<ArgumentException>(() => CharNGram.Train("ABC", 0)).ParamName);
        Assert.Equal("trainText", Assert.Throws<ArgumentException>(() => CharNGram.Train("", 3)).ParamName);
        string wide = new(Enumerable.Range(0, 100).Select(i => (char)(' ' + i)).ToArray());     // 100 symbols: 7 bits, order ≤ 8
        Assert.Contains("at most 8", Assert.Throws<ArgumentException>(() => CharNGram.Train(wide, 9)).Message);
        Assert.Equal(8, CharNGram.Train(wide, 8).Order);
    }

    [Fact]
    public void On_the_weather_corpus_the_5_gram_beats_the_3_gram_and_scores_what_the_readme_states()
    {
        var (train, validation) = WeatherCorpus.Read(RepositoryFiles.WeatherDataset);
        double five = CharNGram.Train(train, 5, validation).BitsPerCharacter(validation);
        double three = CharNGram.Train(train, 3, validation).BitsPerCharacter(validation);
        Assert.True(five < three - 0.5, $"5-gram {five:F3} vs 3-gram {three:F3} bits/char");
        string readme = File.ReadAllText(Path.Combine(RepositoryFiles.WeatherDataset, "README.md"));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"| 5 | {five:F3} |"), readme);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"| 3 | {three:F3} |"), readme);
    }

    /// <summary>The remarks of <see cref="CharNGram"/> written with strings and recursion, slow and plain.</summary>
    private sealed class PlainKneserNey
    {
        private readonly int n;
        private readonly char[] vocabulary;
        private readonly Dictionary<string, int>[] counts;

        public PlainKneserNey(string text, int n, char[] vocabulary)
        {
            this.n = n;
            this.vocabulary = vocabulary;
            counts = new Dictionary<string, int>[n + 1];
            for (int k = 1; k <= n; k++)
            {
                int length = k == n ? k : k + 1;                                   // continuation counts look one char further back
                var grams = Enumerable.Range(0, text.Length - length + 1).Select(i => text.Substring(i, length));
                counts[k] = k == n
                    ? grams.GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count())
                    : grams.Distinct().GroupBy(g => g[1..]).ToDictionary(g => g.Key, g => g.Count());
            }
        }

        private int N(int k, string gram) => counts[k].GetValueOrDefault(gram);

        private double D(int k, int c)
        {
            if (c == 0) return 0;
            double[] m = [.. Enumerable.Range(0, 5).Select(j => (double)counts[k].Values.Count(v => v == j))];
            double y = m[1] / (m[1] + 2 * m[2]);
            double[] d = [0, 1 - 2 * y * m[2] / m[1], 2 - 3 * y * m[3] / m[2], 3 - 4 * y * m[4] / m[3]];
            bool valid = m[1] > 0 && m[2] > 0 && m[3] > 0 && m[4] > 0 && d[1] is > 0 and <= 1 && d[2] is > 0 and <= 2 && d[3] is > 0 and <= 3;
            return valid ? d[Math.Min(c, 3)] : 0.75;
        }

        public double P(char w, string h)
        {
            if (h.Length == 0)
                return (N(1, w.ToString()) + 1.0) / (counts[1].Values.Sum() + vocabulary.Length);
            int k = h.Length + 1;
            double lower = P(w, h[1..]);
            double total = vocabulary.Sum(c => N(k, h + c));
            if (total == 0) return lower;
            double gamma = vocabulary.Sum(c => D(k, N(k, h + c)));
            int count = N(k, h + w);
            return (Math.Max(count - D(k, count), 0) + gamma * lower) / total;
        }
    }
}

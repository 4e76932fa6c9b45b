using LstmCourse.Fitting;
using LstmCourse.Models;
using LstmCourse.Tasks;

namespace LstmCourse.Tests.Tasks;

public class BracketsAndQuotesTests
{
    [Fact]
    public void Every_closer_matches_the_last_open_bracket_and_quotes_hold_no_brackets()
    {
        var task = new BracketsAndQuotes(length: 80, maxDepth: 3);
        foreach (var text in task.Generate(100, seed: 1))
        {
            Assert.Equal(80, text.Length);
            var stack = new Stack<char>();
            bool inQuote = false;
            foreach (char c in text)
            {
                if (c == '"') { inQuote = !inQuote; continue; }
                if (inQuote) { Assert.DoesNotContain(c, "()[]{}"); continue; }
                if ("([{".Contains(c)) { stack.Push(c); Assert.True(stack.Count <= 3); }
                if (")]}".Contains(c)) Assert.Equal("([{"[")]}".IndexOf(c)], stack.Pop());
            }
        }
    }

    [Fact]
    public void Depth_and_inside_quote_read_the_text()
    {
        const string text = "a(b[c]\"(\")d";
        Assert.Equal([0, 1, 1, 2, 2, 1, 1, 1, 1, 0, 0], BracketsAndQuotes.Depth(text));
        Assert.Equal([false, false, false, false, false, false, true, true, false, false, false], BracketsAndQuotes.InsideQuote(text));
    }

    [Fact]
    public void The_same_seed_gives_the_same_streams()
    {
        var task = new BracketsAndQuotes();
        Assert.Equal(task.Generate(3, seed: 4), task.Generate(3, seed: 4));
        Assert.NotEqual(task.Generate(3, seed: 4), task.Generate(3, seed: 5));
    }

    [Fact]
    public void Bad_settings_are_rejected_naming_the_setting()
    {
        Assert.Contains("maxDepth", Assert.Throws<ArgumentException>(() => new BracketsAndQuotes(maxDepth: 0)).Message);
        Assert.Contains("closeProbability", Assert.Throws<ArgumentException>(() => new BracketsAndQuotes(closeProbability: 1.5)).Message);
        Assert.Contains("add up to at most 1", Assert.Throws<ArgumentException>(() => new BracketsAndQuotes(openProbability: 0.6, closeProbability: 0.6)).Message);
        Assert.Contains("'x'", Assert.Throws<ArgumentException>(() => BracketsAndQuotes.Alphabet.Encode("x")).Message);
    }

    [Fact]
    public void The_bigram_baseline_uses_only_the_previous_character()
    {
        var bigram = new BigramModel(BracketsAndQuotes.Alphabet, ["ab", "ab", "ac"]);
        var scores = bigram.Scores("a");
        int b = BracketsAndQuotes.Alphabet.IndexOf('b'), c = BracketsAndQuotes.Alphabet.IndexOf('c');
        int V = BracketsAndQuotes.Alphabet.Size;
        Assert.Equal(Math.Log(3.0 / (3 + V)), scores[0][b], 1e-12);                   // (2 + 1) / (3 + V)
        Assert.Equal(Math.Log(2.0 / (3 + V)), scores[0][c], 1e-12);
    }

    [Fact]
    public void A_trained_lstm_picks_the_right_closer_more_often_than_the_bigram()
    {
        var task = new BracketsAndQuotes();
        var train = task.Generate(200, seed: 2017);
        var test = task.Generate(100, seed: 2018);
        int V = BracketsAndQuotes.Alphabet.Size;
        var model = SequenceModel.Lstm(V, 16, V, seed: 2017);
        Fitter.Fit(model, BracketsAndQuotes.Examples(train), BracketsAndQuotes.Training with { Epochs = 6, Seed = 2017 });
        double lstm = BracketsAndQuotes.CloserAccuracy(model, test);
        double bigram = BracketsAndQuotes.CloserAccuracy(test, new BigramModel(BracketsAndQuotes.Alphabet, train).Scores);
        Assert.True(lstm >= bigram + 0.08, $"LSTM {lstm:P1}, bigram {bigram:P1}");
        Assert.All(BracketsAndQuotes.ProbabilityOf(model, test[0], ')'), p => Assert.InRange(p, 0, 1));
    }

    [Fact]
    public void Closer_kinds_say_what_must_be_remembered()
    {
        const string text = "()(ab)(a[b]c)\"a)b\"{";
        var kinds = BracketsAndQuotes.CloserKinds(text);
        var expected = new CloserKind[text.Length];
        expected[1] = CloserKind.NextToOpener;                        // ()
        expected[5] = CloserKind.LastOpened;                          // (ab)
        expected[10] = CloserKind.LastOpened;                         // [b] inside (a...
        expected[12] = CloserKind.UnderInnerPair;                     // (a[b]c)
        expected[17] = CloserKind.Quote;                              // "a)b": the ) inside the quote closes nothing
        Assert.Equal(expected, kinds);
    }

    [Fact]
    public void Accuracy_by_kind_counts_each_closer_once_under_its_kind()
    {
        const string text = "(a[b]c)()";
        int V = BracketsAndQuotes.Alphabet.Size;
        // a scorer that always ranks ')' first: right at positions 6 and 8 (')'), wrong at 4 (']')
        IReadOnlyList<double[]> AlwaysParen(string s) => s.Select(_ => { var z = new double[V]; z[BracketsAndQuotes.Alphabet.IndexOf(')')] = 1; return z; }).ToArray();
        var rows = BracketsAndQuotes.CloserAccuracyByKind([text], AlwaysParen);
        Assert.Equal([CloserKind.NextToOpener, CloserKind.LastOpened, CloserKind.UnderInnerPair], rows.Select(r => r.Kind));
        Assert.Equal([1, 1, 1], rows.Select(r => r.Count));
        Assert.Equal([1.0, 0.0, 1.0], rows.Select(r => r.Accuracy));
        // another index order: the same answers when the scorer's vectors follow it
        string order = new string(BracketsAndQuotes.Alphabet.Chars.Reverse().ToArray());
        IReadOnlyList<double[]> Reordered(string s) => AlwaysParen(s).Select(z => order.Select(c => z[BracketsAndQuotes.Alphabet.IndexOf(c)]).ToArray()).ToArray();
        Assert.Equal(rows, BracketsAndQuotes.CloserAccuracyByKind([text], Reordered, c => order.IndexOf(c)));
        Assert.Throws<ArgumentException>(() => BracketsAndQuotes.CloserAccuracyByKind(["abc"], AlwaysParen));
    }
}

using LstmCourse.Numerics;
using LstmCourse.Tasks;

namespace LstmCourse.Tests.Tasks;

public class RecallTaskTests
{
    [Fact]
    public void A_sequence_is_dish_then_fillers_then_question_and_the_answer_is_the_dish()
    {
        var task = new RecallTask(dishes: 3, fillerLength: 5, fillerWords: 2);
        var examples = task.Generate(30, seed: 1);
        Assert.Equal(6, task.VocabularySize);
        foreach (var (e, n) in examples.Select((e, n) => (e, n)))
        {
            Assert.Equal(7, e.Steps);
            var tokens = e.Xs.Select(x => Array.IndexOf(x, 1.0)).ToArray();
            Assert.All(e.Xs, x => Assert.Equal(1.0, x.Sum()));                         // one-hot
            Assert.Equal(n % 3, tokens[0]);                                             // dishes in turn
            Assert.All(tokens[1..^1], t => Assert.InRange(t, 3, 4));                    // fillers
            Assert.Equal(task.Question, tokens[^1]);
            Assert.Equal([-1, -1, -1, -1, -1, -1, tokens[0]], e.Labels!);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_sequences()
    {
        var task = new RecallTask();
        var a = task.Tokens(1, new Rng(3));
        Assert.Equal(a, task.Tokens(1, new Rng(3)));
        Assert.NotEqual(a, task.Tokens(1, new Rng(4)));
    }

    [Fact]
    public void Tokens_have_readable_names()
    {
        var task = new RecallTask(dishes: 2, fillerLength: 3, fillerWords: 2);
        Assert.Equal(["spare ribs", "braised pork", "then", "add", "?"], Enumerable.Range(0, 5).Select(task.TokenName));
    }

    [Fact]
    public void Bad_settings_are_rejected_naming_the_setting()
    {
        Assert.Contains("dishes", Assert.Throws<ArgumentException>(() => new RecallTask(dishes: 1)).Message);
        Assert.Contains("fillerLength", Assert.Throws<ArgumentException>(() => new RecallTask(fillerLength: -1)).Message);
        Assert.Contains("fillerWords", Assert.Throws<ArgumentException>(() => new RecallTask(fillerWords: 0)).Message);
        Assert.Contains("dish 4", Assert.Throws<ArgumentException>(() => new RecallTask(dishes: 4).Tokens(4, new Rng(1))).Message);
        Assert.Contains("L + 2", Assert.Throws<ArgumentException>(() => new RecallTask(fillerLength: 3).ToExample([0, 1])).Message);
    }

    [Fact]
    public void The_length_curve_trains_one_model_per_length_and_seed_and_averages_them()
    {
        var seen = new List<(int L, int seed)>();
        var curve = RecallTask.AccuracyByLength([1, 3], (task, s) => { seen.Add((task.FillerLength, s)); return task.CreateRnn(4, s); },
            repeats: 2, trainCount: 16, config: RecallTask.Training with { Epochs = 1 }, seed: 5);
        Assert.Equal([(1, 5), (1, 1005), (3, 5), (3, 1005)], seen);
        Assert.Equal([1, 3], curve.Select(p => p.FillerLength));
        Assert.All(curve, p => Assert.Equal(p.Accuracies.Average(), p.MeanAccuracy, 1e-15));
        Assert.Equal(0.5, new RecallCurvePoint(1, 0, [0.25, 1.0, 0.5]).MedianAccuracy);
        Assert.Equal(0.375, new RecallCurvePoint(1, 0, [0.25, 1.0, 0.5, 0.25]).MedianAccuracy);
        Assert.Contains("repeats", Assert.Throws<ArgumentException>(() =>
            RecallTask.AccuracyByLength([1], (task, s) => task.CreateRnn(4, s), repeats: 0)).Message);
    }

    [Fact]
    public void The_lstm_is_built_to_keep_by_default_and_write_rarely()
    {
        var model = new RecallTask().CreateLstm(hiddenSize: 4, seed: 1);
        var b = model.Parameters["layer0.b"].Value.Data;
        Assert.All(b[..4], v => Assert.Equal(-4, v));                                   // input gate
        Assert.All(b[4..8], v => Assert.Equal(6, v));                                   // forget gate
    }

    [Fact]
    public void Anywhere_puts_the_dish_at_a_random_step_and_the_feature_marks_it()
    {
        var task = new RecallTask(dishes: 3, fillerLength: 6, fillerWords: 2, anywhere: true, dishFeature: true);
        Assert.Equal(7, task.InputSize);                                                // 3 + 2 + 1 tokens, then the feature
        var steps = new HashSet<int>();
        foreach (var (e, n) in task.Generate(60, seed: 2).Select((e, n) => (e, n)))
        {
            int p = task.DishStep(e);
            steps.Add(p);
            Assert.InRange(p, 0, 6);                                                    // never the question's step
            Assert.Equal(n % 3, e.Labels![^1]);
            Assert.Equal(n % 3, Array.IndexOf(e.Xs[p], 1.0));
            for (int t = 0; t < e.Steps; t++) Assert.Equal(t == p ? 1.0 : 0.0, e.Xs[t][^1]);
            Assert.Equal(task.Question, Array.IndexOf(e.Xs[^1], 1.0));
        }
        Assert.Equal(7, steps.Count);                                                   // every step 0..6 occurs
        Assert.Equal(7, task.CreateAttention(4, 1).InputSize);
        Assert.Equal(7, task.CreateLstm(4, 1).InputSize);
    }

    [Fact]
    public void Without_the_new_options_the_sequences_are_unchanged()
    {
        var plain = new RecallTask(dishes: 4, fillerLength: 5, fillerWords: 4);
        Assert.Equal(plain.VocabularySize, plain.InputSize);
        Assert.Equal([2, 6, 6, 4, 5, 5, 8], plain.Tokens(2, new Rng(9)));               // as before the options existed (notebook 05 uses these)
        Assert.Equal(0, plain.DishStep(plain.Generate(1, 3)[0]));
    }

    [Fact]
    public void Over_fifty_fillers_the_lstm_remembers_the_dish_and_the_rnn_does_not()
    {
        var task = new RecallTask(dishes: 4, fillerLength: 50, fillerWords: 8);
        var config = RecallTask.Training with { Epochs = 6 };
        var lstm = task.Run(task.CreateLstm(seed: 2017), trainCount: 320, config: config, seed: 2017);
        var rnn = task.Run(task.CreateRnn(seed: 2017), trainCount: 320, config: config, seed: 2017);
        Assert.True(lstm.TestAccuracy >= 0.9, $"LSTM {lstm.TestAccuracy:P0}");
        Assert.True(rnn.TestAccuracy <= 0.6, $"RNN {rnn.TestAccuracy:P0}");
    }
}

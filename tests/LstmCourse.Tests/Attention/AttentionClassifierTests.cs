using LstmCourse.Attention;
using LstmCourse.Diagnostics;
using LstmCourse.Fitting;
using LstmCourse.Numerics;
using LstmCourse.Tasks;

namespace LstmCourse.Tests.Attention;

public class AttentionClassifierTests
{
    private static Example RandomExample(int T, int D, int V, int seed)
    {
        var rng = new Rng(seed);
        var xs = Enumerable.Range(0, T).Select(_ => Enumerable.Range(0, D).Select(_ => rng.NextGaussian()).ToArray()).ToArray();
        return Example.ManyToOne(xs, rng.NextInt(V));
    }

    [Theory]
    [InlineData(true, 6, 3, 4, 3)]
    [InlineData(false, 6, 3, 4, 3)]
    [InlineData(true, 1, 2, 2, 2)]
    [InlineData(false, 9, 2, 5, 4)]
    public void Analytic_gradients_match_centered_differences_through_the_encoder(bool lstm, int T, int D, int H, int V)
    {
        var model = lstm ? AttentionClassifier.Lstm(D, H, V, seed: 3) : AttentionClassifier.Rnn(D, H, V, seed: 3);
        var examples = new[] { RandomExample(T, D, V, 11), RandomExample(T, D, V, 12) };
        double Loss() => examples.Sum(e => model.Evaluate(e, false).Loss);
        var report = GradientCheck.Run(model.Parameters.All, Loss, () =>
        {
            model.Parameters.ZeroGrad();
            foreach (var e in examples) model.Evaluate(e, true);
        });
        report.ThrowIfAbove(1e-6);
        Assert.Equal(["layer0.Wx", "layer0.Wh", "layer0.b", "q", "Wy", "by"], model.Parameters.Names);
    }

    [Fact]
    public void Attention_weights_are_a_distribution_and_the_context_their_average()
    {
        var model = AttentionClassifier.Lstm(3, 4, 2, seed: 1);
        var e = RandomExample(7, 3, 2, 5);
        var trace = model.Forward(e.Xs);
        Assert.Equal(1.0, trace.Alpha.Sum(), 1e-14);
        Assert.All(trace.Alpha, a => Assert.True(a > 0));
        for (int k = 0; k < 4; k++)
            Assert.Equal(Enumerable.Range(0, 7).Sum(t => trace.Alpha[t] * trace.Hs[t][k]), trace.Context[k], 1e-14);
    }

    [Fact]
    public void Labels_before_the_last_step_are_rejected()
    {
        var model = AttentionClassifier.Rnn(1, 2, 2);
        var ex = Assert.Throws<ArgumentException>(() => model.Evaluate(Example.Classify([[1.0], [2.0]], [0, 1]), false));
        Assert.Contains("step 0", ex.Message);
    }

    [Fact]
    public void Attention_recalls_the_first_token_where_the_final_state_rnn_cannot()
    {
        var task = new RecallTask(dishes: 4, fillerLength: 60, fillerWords: 8);
        var config = RecallTask.Training with { Epochs = 6 };
        var attention = task.Run(task.CreateAttention(seed: 2017), trainCount: 240, config: config, seed: 2017);
        var rnn = task.Run(task.CreateRnn(seed: 2017), trainCount: 240, config: config, seed: 2017);
        Assert.True(attention.TestAccuracy >= 0.9, $"attention {attention.TestAccuracy:P0}");
        Assert.True(rnn.TestAccuracy <= 0.6, $"final-state RNN {rnn.TestAccuracy:P0}");
    }
}

using LstmCourse.Diagnostics;
using LstmCourse.Fitting;
using LstmCourse.Models;
using LstmCourse.Numerics;
using LstmCourse.Parameters;

namespace LstmCourse.Tests.Fitting;

public class FitterTests
{
    /// <summary>Random sequences of 2-4 steps, D = 3, labels in 0..2 at some steps.</summary>
    private static IReadOnlyList<Example> Data(int count, int seed)
    {
        var rng = new Rng(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            int T = 2 + rng.NextInt(3);
            var xs = Enumerable.Range(0, T).Select(_ => new[] { rng.NextGaussian(), rng.NextGaussian(), rng.NextGaussian() }).ToArray();
            var ys = Enumerable.Range(0, T).Select(t => t == T - 1 || rng.NextInt(2) == 0 ? rng.NextInt(3) : -1).ToArray();
            return Example.Classify(xs, ys);
        }).ToArray();
    }

    [Fact]
    public void The_same_seed_gives_the_same_history_and_weights_bit_for_bit()
    {
        var data = Data(20, 1);
        var config = new FitConfig { Epochs = 3, BatchSize = 6, Seed = 5, ClipNorm = 1, L2 = 1e-3 };
        var m1 = SequenceModel.Lstm(3, 4, 3, seed: 2);
        var m2 = SequenceModel.Lstm(3, 4, 3, seed: 2);
        var h1 = Fitter.Fit(m1, data, config);
        var h2 = Fitter.Fit(m2, data, config);
        Assert.Equal(h1.TrainLoss, h2.TrainLoss);
        Assert.Equal(h1.GradientNorm, h2.GradientNorm);
        foreach (var (p1, p2) in m1.Parameters.All.Zip(m2.Parameters.All)) Assert.Equal(p1.Value.Data, p2.Value.Data);
    }

    [Fact]
    public void Another_seed_shuffles_differently()
    {
        var data = Data(20, 1);
        var m1 = SequenceModel.Rnn(3, 4, 3, seed: 2);
        var m2 = SequenceModel.Rnn(3, 4, 3, seed: 2);
        Fitter.Fit(m1, data, new FitConfig { Epochs = 1, BatchSize = 4, Seed = 1 });
        Fitter.Fit(m2, data, new FitConfig { Epochs = 1, BatchSize = 4, Seed = 2 });
        Assert.NotEqual(m1.Parameters["Wy"].Value.Data, m2.Parameters["Wy"].Value.Data);
    }

    [Fact]
    public void One_full_batch_sgd_step_uses_the_mean_of_the_example_gradients()
    {
        var data = Data(5, 3);
        var model = SequenceModel.Lstm(3, 4, 3, seed: 7);
        var before = model.Parameters.Export();
        var sum = model.Parameters.All.Select(p => new double[p.Count]).ToArray();
        foreach (var e in data)                                           // Σ_e dL_e/dθ, one example at a time
        {
            model.Parameters.ZeroGrad();
            model.LossAndGradients(e.Xs, e.Labels!);
            for (int i = 0; i < sum.Length; i++)
                for (int k = 0; k < sum[i].Length; k++) sum[i][k] += model.Parameters.All[i].Grad.Data[k];
        }
        Fitter.Fit(model, data, new FitConfig { Epochs = 1, BatchSize = 5, Optimizer = OptimizerKind.Sgd, LearningRate = 0.3, Shuffle = false });
        for (int i = 0; i < sum.Length; i++)
            for (int k = 0; k < sum[i].Length; k++)
                Assert.Equal(before[i].Data[k] - 0.3 * sum[i][k] / 5, model.Parameters.All[i].Value.Data[k], 1e-14);
    }

    [Fact]
    public void The_history_has_one_report_per_epoch_and_the_callback_sees_each()
    {
        var data = Data(12, 4);
        var seen = new List<int>();
        var history = Fitter.Fit(SequenceModel.Rnn(3, 4, 3, seed: 1), data, new FitConfig { Epochs = 4, BatchSize = 5 },
            validation: Data(6, 5), onEpoch: r => seen.Add(r.Epoch));
        Assert.Equal([1, 2, 3, 4], seen);
        Assert.Equal(4, history.Epochs.Count);
        Assert.All(history.Epochs, r => Assert.True(double.IsFinite(r.ValidationLoss) && r.ValidationAccuracy is >= 0 and <= 1));
        Assert.All(history.Epochs, r => Assert.True(r.MaxGradientNorm >= r.GradientNorm && r.GradientNorm > 0));
    }

    [Fact]
    public void Without_a_validation_set_its_numbers_are_NaN()
    {
        var history = Fitter.Fit(SequenceModel.Rnn(3, 4, 3, seed: 1), Data(4, 4), FitConfig.Tiny);
        Assert.True(double.IsNaN(history.Last.ValidationLoss));
        Assert.True(double.IsNaN(history.Last.ValidationAccuracy));
    }

    [Fact]
    public void Training_lowers_the_loss_on_a_learnable_task()
    {
        // label at the last step = the sign pattern of the first input's first entry: a one-bit memory over 3 steps
        var rng = new Rng(9);
        var data = Enumerable.Range(0, 60).Select(n =>
        {
            var xs = Enumerable.Range(0, 3).Select(t => new[] { t == 0 ? (n % 2 == 0 ? 1.0 : -1.0) : 0.3 * rng.NextGaussian() }).ToArray();
            return Example.ManyToOne(xs, n % 2);
        }).ToArray();
        var model = SequenceModel.Lstm(1, 4, 2, seed: 3);
        var history = Fitter.Fit(model, data, new FitConfig { Epochs = 15, BatchSize = 6, LearningRate = 0.05 });
        Assert.True(history.Last.TrainLoss < 0.25 * history.Epochs[0].TrainLoss, history.ToString());
        Assert.Equal(1.0, Accuracy.PerStep(new SequenceModelFit(model), data));
    }

    [Fact]
    public void Regression_targets_train_with_squared_error_and_report_no_accuracy()
    {
        var xs = Enumerable.Range(0, 6).Select(t => new[] { Math.Sin(t) }).ToArray();
        var targets = Enumerable.Range(0, 6).Select(t => (double[]?)[Math.Sin(t + 1)]).ToArray();
        var data = new[] { Example.Regress(xs, targets) };
        var model = SequenceModel.Lstm(1, 4, 1, seed: 1);
        var history = Fitter.Fit(model, data, new FitConfig { Epochs = 50, BatchSize = 1, LearningRate = 0.02 });
        Assert.True(history.Last.TrainLoss < 0.1 * history.Epochs[0].TrainLoss, history.ToString());
        Assert.True(double.IsNaN(history.Last.TrainAccuracy));
    }

    [Fact]
    public void The_fit_adapter_gradient_matches_centered_differences_for_squared_error()
    {
        var rng = new Rng(2);
        var xs = Enumerable.Range(0, 4).Select(_ => new[] { rng.NextGaussian(), rng.NextGaussian() }).ToArray();
        var targets = new double[]?[] { [0.5, -1], null, [1, 0.2], [-0.3, 0.7] };
        var example = Example.Regress(xs, targets);
        var fit = new SequenceModelFit(SequenceModel.Lstm(2, 3, 2, seed: 4));
        var report = GradientCheck.Run(fit.Parameters.All, () => fit.Evaluate(example, false).Loss,
            () => { fit.Parameters.ZeroGrad(); fit.Evaluate(example, true); });
        report.ThrowIfAbove(1e-6);
        Assert.True(report.Passes(1e-6));
    }

    [Fact]
    public void A_loss_that_turns_NaN_stops_the_run_with_advice()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Fitter.Fit(new NaNModel(), Data(3, 1), FitConfig.Tiny));
        Assert.Contains("LearningRate", ex.Message);
    }

    [Theory]
    [InlineData(0, 4, "Epochs")]
    [InlineData(2, 0, "BatchSize")]
    public void Bad_configs_are_rejected_naming_the_knob(int epochs, int batch, string knob)
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Fitter.Fit(SequenceModel.Rnn(3, 2, 3), Data(3, 1), new FitConfig { Epochs = epochs, BatchSize = batch }));
        Assert.Contains(knob, ex.Message);
    }

    [Fact]
    public void Inputs_of_the_wrong_size_are_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Fitter.Fit(SequenceModel.Rnn(5, 2, 3), Data(3, 1), FitConfig.Tiny));
        Assert.Contains("size 3", ex.Message);
    }

    private sealed class NaNModel : IFittable
    {
        public ParameterSet Parameters { get; } = new([new Parameter("w", new Matrix(1, 1))]);
        public ExampleOutcome Evaluate(Example example, bool backward) => new(double.NaN, 0, 1);
    }
}

using LstmCourse.Models;
using LstmCourse.Fitting;
using LstmCourse.Numerics;
using LstmCourse.Tasks;

namespace LstmCourse.Tests.Tasks;

public class OscillationsTests
{
    [Fact]
    public void A_signal_stays_within_its_amplitude_band_plus_noise()
    {
        var osc = new Oscillations(noise: 0);
        foreach (var x in osc.Normal(50, seed: 1))
        {
            Assert.Equal(80, x.Length);
            Assert.All(x, v => Assert.InRange(v, -2 * 0.6, 2 * 0.6));
        }
    }

    [Fact]
    public void Anomalies_change_the_signal_only_from_their_start()
    {
        var osc = new Oscillations();
        foreach (var kind in Enum.GetValues<AnomalyKind>())
        {
            var normal = osc.Signal(new Rng(7), null, 0);
            var odd = osc.Signal(new Rng(7), kind, 40);
            Assert.Equal(normal[..40], odd[..40]);
            Assert.NotEqual(normal[40..], odd[40..]);
        }
        var flat = osc.Signal(new Rng(7), AnomalyKind.FlatLine, 40);
        Assert.All(flat[40..53], v => Assert.Equal(flat[39], v));                   // stuck for Length / 6 steps
    }

    [Fact]
    public void Anomalous_sets_cycle_through_the_kinds_and_start_in_the_middle_third()
    {
        var osc = new Oscillations();
        var set = osc.Anomalous(8, seed: 3);
        Assert.Equal(Enum.GetValues<AnomalyKind>().Concat(Enum.GetValues<AnomalyKind>()), set.Select(s => s.Kind));
        Assert.All(set, s => Assert.InRange(s.Start, 26, 52));
    }

    [Fact]
    public void The_example_predicts_the_next_sample()
    {
        var e = Oscillations.ToExample([1.0, 2.0, 3.0]);
        Assert.Equal([[1.0], [2.0]], e.Xs);
        Assert.Equal([[2.0], [3.0]], e.Targets!);
    }

    [Fact]
    public void Auc_counts_ordered_pairs_and_ties_as_half()
    {
        Assert.Equal(1.0, Oscillations.Auc([0.1, 0.2], [0.3, 0.4]));
        Assert.Equal(0.0, Oscillations.Auc([0.3, 0.4], [0.1, 0.2]));
        Assert.Equal(0.625, Oscillations.Auc([0.1, 0.3], [0.3, 0.2]));           // (0.5 + 1 + 0 + 1) / 4
    }

    [Fact]
    public void Bad_settings_are_rejected_naming_the_setting()
    {
        Assert.Contains("length", Assert.Throws<ArgumentException>(() => new Oscillations(length: 5)).Message);
        Assert.Contains("fMin", Assert.Throws<ArgumentException>(() => new Oscillations(fMin: 0.1, fMax: 0.05)).Message);
        Assert.Contains("window", Assert.Throws<ArgumentException>(() => new Oscillations().Score(SequenceModel.Lstm(1, 2, 1), new double[80], 0)).Message);
    }

    [Fact]
    public void After_training_on_normal_signals_anomalies_score_clearly_higher()
    {
        var osc = new Oscillations();
        var model = SequenceModel.Lstm(1, 8, 1, seed: 2017);
        Fitter.Fit(model, Oscillations.Examples(osc.Normal(100, seed: 2017)), Oscillations.Training with { Epochs = 8, Seed = 2017 });
        var normal = osc.Normal(40, seed: 2018).Select(s => osc.Score(model, s)).ToArray();
        var anomalous = osc.Anomalous(40, seed: 2019).Select(s => osc.Score(model, s.Signal)).ToArray();
        double auc = Oscillations.Auc(normal, anomalous);
        Assert.True(auc > 0.9, $"AUC {auc:F3}");
    }
}

using LstmCourse.Models;
using LstmCourse.Numerics;
using LstmCourse.Tasks;

namespace LstmCourse.Tests.Tasks;

public class UnitProbeTests
{
    [Fact]
    public void Correlations_match_pearson_computed_directly()
    {
        var model = SequenceModel.Lstm(3, 5, 2, seed: 4);
        var rng = new Rng(6);
        var data = Enumerable.Range(0, 6).Select(_ =>
        {
            var xs = Enumerable.Range(0, 7).Select(_ => new[] { rng.NextGaussian(), rng.NextGaussian(), rng.NextGaussian() }).ToArray();
            var labels = Enumerable.Range(0, 7).Select(_ => rng.NextInt(4) - 1).ToArray();          // −1 skips a step
            return (xs, labels);
        }).ToArray();
        var result = UnitProbe.MostCorrelatedUnit(model, data);
        for (int k = 0; k < 5; k++)
        {
            var pairs = data.SelectMany(d => UnitProbe.Trace(model, d.xs, k).Zip(d.labels).Where(p => p.Second >= 0)).ToArray();
            double mc = pairs.Average(p => p.First), my = pairs.Average(p => (double)p.Second);
            double cov = pairs.Sum(p => (p.First - mc) * (p.Second - my));
            double r = cov / Math.Sqrt(pairs.Sum(p => (p.First - mc) * (p.First - mc)) * pairs.Sum(p => (p.Second - my) * (p.Second - my)));
            Assert.Equal(r, result.Correlations[k], 1e-12);
        }
        Assert.Equal(result.Correlations.Max(Math.Abs), Math.Abs(result.Correlation));
    }

    [Fact]
    public void The_trace_is_the_cell_state_of_the_unit()
    {
        var model = SequenceModel.Lstm(2, 3, 2, seed: 1);
        double[][] xs = [[1, 0], [0, 1], [1, 1]];
        var cs = model.Forward(xs).Layers[0].Cs;
        Assert.Equal(cs.Select(c => c[2]), UnitProbe.Trace(model, xs, 2));
    }

    [Fact]
    public void Constant_labels_and_bad_units_are_rejected()
    {
        var model = SequenceModel.Lstm(1, 2, 2, seed: 1);
        double[][] xs = [[1.0], [2.0]];
        Assert.Contains("same label", Assert.Throws<ArgumentException>(() => UnitProbe.MostCorrelatedUnit(model, [(xs, new[] { 1, 1 })])).Message);
        Assert.Contains("unit 2", Assert.Throws<ArgumentException>(() => UnitProbe.Trace(model, xs, 2)).Message);
    }

    [Fact]
    public void Correlations_of_recorded_states_match_the_two_pass_formula()
    {
        var rng = new LstmCourse.Numerics.Rng(4);
        int T = 50, K = 6;
        var feature = Enumerable.Range(0, T).Select(t => (double)(t % 7)).ToArray();
        var states = Enumerable.Range(0, T).Select(t => Enumerable.Range(0, K).Select(k => k switch
        {
            0 => (float)(2 * feature[t] + 1),                                   // r = 1
            1 => (float)(-feature[t]),                                          // r = −1
            2 => 3f,                                                            // constant: r = 0
            _ => (float)rng.NextGaussian(),
        }).ToArray()).ToList();

        var r = UnitProbe.Correlations(states, feature);
        for (int k = 0; k < K; k++)
        {
            var c = states.Select(s => (double)s[k]).ToArray();
            double mc = c.Average(), mf = feature.Average();
            double cov = c.Zip(feature, (a, b) => (a - mc) * (b - mf)).Sum();
            double den = Math.Sqrt(c.Sum(a => (a - mc) * (a - mc)) * feature.Sum(b => (b - mf) * (b - mf)));
            Assert.Equal(den == 0 ? 0 : cov / den, r[k], 1e-9);
        }
        Assert.Equal(1, r[0], 1e-9);
        Assert.Equal(-1, r[1], 1e-9);
        Assert.Equal(0, r[2]);
        Assert.Contains("one value per step", Assert.Throws<ArgumentException>(() => UnitProbe.Correlations(states, feature[..10])).Message);
    }
}

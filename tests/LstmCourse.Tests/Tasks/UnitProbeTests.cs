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
}

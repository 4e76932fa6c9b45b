using LstmCourse.Diagnostics;
using LstmCourse.Losses;
using LstmCourse.Models;
using LstmCourse.Numerics;
using LstmCourse.Tests.Support;
using Xunit.Abstractions;

namespace LstmCourse.Tests.Models;

public class OutputLayerTests(ITestOutputHelper output)
{
    [Fact]
    public void Forward_is_Wy_h_plus_by()
    {
        var rng = new Rng(1);
        var layer = new OutputLayer(3, 2, rng);
        var h = TestData.Vector(rng, 3);
        var z = layer.Forward(h);
        for (int v = 0; v < 2; v++)
            Assert.Equal(layer.by.Value[v, 0] + Enumerable.Range(0, 3).Sum(j => layer.Wy.Value[v, j] * h[j]), z[v], 1e-15);
    }

    /// <summary>The read-out followed by the softmax cross-entropy: dWy, dby and dL/dh.</summary>
    [Theory]
    [InlineData(4, 5, 2)]
    [InlineData(1, 1, 0)]
    [InlineData(1, 3, 1)]
    [InlineData(6, 2, 1)]
    public void Gradients_with_cross_entropy_match_centered_differences(int H, int V, int y)
    {
        var rng = new Rng(H * 10 + V);
        var layer = new OutputLayer(H, V, rng);
        var h = TestData.Wrap("h", TestData.Vector(rng, H, 2.0));
        void Gradients()
        {
            foreach (var p in layer.Parameters) p.Grad.Clear();
            var dz = new double[V];
            CrossEntropy.LossAndGradient(layer.Forward(h.Value.Data), y, dz);
            TestData.SetGrad(h, layer.Backward(h.Value.Data, dz));
        }
        var report = GradientCheck.Run([.. layer.Parameters, h], () => CrossEntropy.Loss(layer.Forward(h.Value.Data), y), Gradients);
        if (V == 1) Assert.All(report.Rows, r => Assert.Equal(0.0, r.Analytic));   // one class: the loss is 0 whatever the weights
        GradientAssert.Passes(report, output);
    }

    [Fact]
    public void Gradients_with_mean_squared_error_match_centered_differences()
    {
        var rng = new Rng(7);
        var layer = new OutputLayer(4, 3, rng);
        var h = TestData.Wrap("h", TestData.Vector(rng, 4));
        var target = TestData.Vector(rng, 3);
        double Loss() => MeanSquaredError.LossAndGradient(layer.Forward(h.Value.Data), target, new double[3]);
        void Gradients()
        {
            foreach (var p in layer.Parameters) p.Grad.Clear();
            var dz = new double[3];
            MeanSquaredError.LossAndGradient(layer.Forward(h.Value.Data), target, dz);
            TestData.SetGrad(h, layer.Backward(h.Value.Data, dz));
        }
        GradientAssert.Passes(GradientCheck.Run([.. layer.Parameters, h], Loss, Gradients), output);
    }

    [Fact]
    public void Wrong_sizes_are_rejected_naming_the_argument_and_both_sizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new OutputLayer(0, 3, new Rng(0)));
        Assert.Contains("hiddenSize must be a positive size, got 0", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => new OutputLayer(3, 0, new Rng(0)));
        Assert.Contains("outputSize must be a positive size, got 0", ex.Message);
        var layer = new OutputLayer(3, 2, new Rng(0));
        ex = Assert.Throws<ArgumentException>(() => layer.Forward(new double[4]));
        Assert.Equal("h", ex.ParamName);
        Assert.Contains("h has length 4, expected 3", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => layer.Backward(new double[3], new double[3]));
        Assert.Equal("dz", ex.ParamName);
        Assert.Contains("dz has length 3, expected 2", ex.Message);
    }
}

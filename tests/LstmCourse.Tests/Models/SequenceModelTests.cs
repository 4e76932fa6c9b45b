using LstmCourse.Cells;
using LstmCourse.Losses;
using LstmCourse.Models;
using LstmCourse.Numerics;
using LstmCourse.Parameters;
using LstmCourse.Tests.Support;

namespace LstmCourse.Tests.Models;

/// <summary>Two implementations agree (truncated BPTT vs chunks, chunked forward vs one pass, the one-call loss vs
/// the parts), and bad input is refused with a message naming the argument and the sizes.</summary>
public class SequenceModelTests
{
    private static SequenceModel Model(bool lstm, int layers) =>
        lstm ? SequenceModel.Lstm(3, 4, 5, layers, seed: 8) : SequenceModel.Rnn(3, 4, 5, layers, seed: 8);

    private static (double[][] xs, int[] ys, RecurrentState[] initial) Data(bool lstm, int layers, int T)
    {
        var rng = new Rng(31);
        var xs = TestData.Sequence(rng, T, 3);
        var ys = TestData.Targets(rng, T, 5);
        var initial = Enumerable.Range(0, layers)
            .Select(_ => new RecurrentState(TestData.Vector(rng, 4, 0.5), lstm ? TestData.Vector(rng, 4, 0.5) : []))
            .ToArray();
        return (xs, ys, initial);
    }

    private static RecurrentState[] Copy(IEnumerable<RecurrentState> s) => s.Select(x => x.Copy()).ToArray();

    private static List<double[]> Grads(SequenceModel m) => m.Parameters.All.Select(p => (double[])p.Grad.Data.Clone()).ToList();

    [Theory]
    [InlineData(true, 1)]
    [InlineData(true, 2)]
    [InlineData(false, 2)]
    public void A_window_of_T_or_more_gives_exactly_full_BPTT(bool lstm, int layers)
    {
        const int T = 7;
        var (xs, ys, initial) = Data(lstm, layers, T);
        var model = Model(lstm, layers);
        model.Parameters.ZeroGrad();
        double full = model.LossAndGradients(xs, ys, Copy(initial));
        var fullGrads = Grads(model);
        foreach (int window in new[] { T, T + 1, 100 })
        {
            model.Parameters.ZeroGrad();
            Assert.Equal(full, model.LossAndGradients(xs, ys, Copy(initial), window));
            Assert.Equal(fullGrads, Grads(model));
        }
    }

    /// <summary>Truncated BPTT with window k equals running chunks of k steps with the state carried forward (not
    /// differentiated), each chunk's mean loss weighted by its share of the targets and backpropagated on its own,
    /// gradients summed.</summary>
    [Theory]
    [InlineData(true, 1, 8, 3)]
    [InlineData(true, 2, 8, 3)]
    [InlineData(true, 2, 9, 2)]
    [InlineData(true, 1, 5, 1)]
    [InlineData(false, 2, 8, 3)]
    [InlineData(false, 1, 7, 4)]
    public void Truncated_BPTT_equals_chunks_with_carried_state_and_summed_gradients(bool lstm, int layers, int T, int window)
    {
        var (xs, ys, initial) = Data(lstm, layers, T);
        var whole = Model(lstm, layers);
        whole.Parameters.ZeroGrad();
        var wholeTrace = whole.Forward(xs, Copy(initial));
        var (wholeLoss, wholeDzs) = CrossEntropy.SequenceLossAndGradients(wholeTrace.Zs, ys);
        var (wholeDx, wholeD0) = whole.Backward(wholeTrace, wholeDzs, null, window);

        var chunked = Model(lstm, layers);
        chunked.Parameters.ZeroGrad();
        var state = Copy(initial);
        double loss = 0;
        var dxs = new List<double[]>();
        RecurrentState[]? d0 = null;
        for (int s = 0; s < T; s += window)
        {
            int n = Math.Min(window, T - s);
            var trace = chunked.Forward(xs.Skip(s).Take(n).ToArray(), state);
            var chunkYs = ys.Skip(s).Take(n).ToArray();
            var (chunkLoss, dzs) = CrossEntropy.SequenceLossAndGradients(trace.Zs, chunkYs);
            double share = (double)n / T;                                  // every step has a target here
            loss += share * chunkLoss;
            foreach (var dz in dzs) for (int k = 0; k < dz!.Length; k++) dz[k] *= share;
            var (chunkDx, chunkD0) = chunked.Backward(trace, dzs);
            dxs.AddRange(chunkDx);
            d0 ??= chunkD0;                                                // only the first chunk reaches h0, c0
            state = Copy(trace.Final);
        }

        const double tol = 1e-15;                                          // the same sums in another order
        Assert.Equal(wholeLoss, loss, tol);
        for (int i = 0; i < whole.Parameters.All.Count; i++)
            AssertClose(whole.Parameters.All[i].Grad.Data, chunked.Parameters.All[i].Grad.Data, tol, "d" + whole.Parameters.All[i].Name);
        for (int t = 0; t < T; t++) AssertClose(wholeDx[t], dxs[t], tol, $"dx[{t}]");
        for (int l = 0; l < layers; l++)
        {
            AssertClose(wholeD0[l].H, d0![l].H, tol, $"dh0[{l}]");
            AssertClose(wholeD0[l].C, d0[l].C, tol, $"dc0[{l}]");
        }
    }

    [Theory]
    [InlineData(true, 2, 1)]
    [InlineData(true, 2, 3)]
    [InlineData(false, 2, 4)]
    public void Chunked_forward_with_carried_state_equals_one_pass_exactly(bool lstm, int layers, int chunk)
    {
        const int T = 10;
        var (xs, _, initial) = Data(lstm, layers, T);
        var model = Model(lstm, layers);
        var one = model.Forward(xs, Copy(initial));
        var state = Copy(initial);
        var zs = new List<double[]>();
        var hs = Enumerable.Range(0, layers).Select(_ => new List<double[]>()).ToArray();
        var cs = Enumerable.Range(0, layers).Select(_ => new List<double[]>()).ToArray();
        for (int s = 0; s < T; s += chunk)
        {
            var trace = model.Forward(xs.Skip(s).Take(chunk).ToArray(), state);
            zs.AddRange(trace.Zs);
            for (int l = 0; l < layers; l++)
            {
                hs[l].AddRange(trace.Layers[l].Hs);
                cs[l].AddRange(trace.Layers[l].Cs);
            }
            state = trace.Final;
        }
        Assert.Equal(one.Zs, zs);
        for (int l = 0; l < layers; l++)
        {
            Assert.Equal(one.Layers[l].Hs, hs[l]);
            Assert.Equal(one.Layers[l].Cs, cs[l]);
        }
    }

    [Fact]
    public void LossAndGradients_equals_Forward_then_CrossEntropy_then_Backward_and_Loss()
    {
        var (xs, ys, initial) = Data(true, 2, 6);
        ys[2] = -1;
        var a = Model(true, 2);
        var b = Model(true, 2);
        a.Parameters.ZeroGrad();
        b.Parameters.ZeroGrad();
        double loss = a.LossAndGradients(xs, ys, Copy(initial));
        var trace = b.Forward(xs, Copy(initial));
        var (parts, dzs) = CrossEntropy.SequenceLossAndGradients(trace.Zs, ys);
        Assert.Null(dzs[2]);
        b.Backward(trace, dzs);
        Assert.Equal(parts, loss);
        Assert.Equal(loss, a.Loss(xs, ys, Copy(initial)));
        Assert.Equal(Grads(b), Grads(a));
    }

    [Fact]
    public void Parameters_are_named_like_PyTorch_layers_in_order()
    {
        var model = SequenceModel.Lstm(3, 4, 5, layers: 2);
        Assert.Equal(["layer0.Wx", "layer0.Wh", "layer0.b", "layer1.Wx", "layer1.Wh", "layer1.b", "Wy", "by"], model.Parameters.Names);
        Assert.Equal([(16, 3), (16, 4), (16, 1), (16, 4), (16, 4), (16, 1), (5, 4), (5, 1)],
            model.Parameters.All.Select(p => (p.Value.Rows, p.Value.Cols)));
    }

    [Fact]
    public void Export_then_Import_reproduces_the_model_exactly()
    {
        var (xs, ys, _) = Data(true, 2, 5);
        var a = SequenceModel.Lstm(3, 4, 5, 2, seed: 1);
        var b = SequenceModel.Lstm(3, 4, 5, 2, seed: 2);
        Assert.NotEqual(a.Loss(xs, ys), b.Loss(xs, ys));
        b.Parameters.Import(a.Parameters.Export());
        Assert.Equal(a.Loss(xs, ys), b.Loss(xs, ys));
    }

    [Fact]
    public void Sizes_that_are_zero_or_do_not_fit_are_rejected_naming_the_argument_and_sizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => SequenceModel.Lstm(3, 4, 5, layers: 0));
        Assert.Contains("layers must be a positive size, got 0", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => SequenceModel.Rnn(0, 4, 5));
        Assert.Contains("inputSize must be a positive size, got 0", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => SequenceModel.Lstm(3, 4, 0));
        Assert.Contains("outputSize must be a positive size, got 0", ex.Message);

        var model = Model(true, 2);
        var (xs, ys, initial) = Data(true, 2, 4);
        ex = Assert.Throws<ArgumentException>(() => model.Forward(xs, initial.Take(1).ToArray()));
        Assert.Equal("initial", ex.ParamName);
        Assert.Contains("initial has 1 states but the model has 2 layers", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => model.Forward([]));
        Assert.Contains("xs is empty", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => model.Forward([new double[3], new double[4]]));
        Assert.Contains("xs[1] has length 4, expected the layer's input size 3", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => model.LossAndGradients(xs, ys.Take(3).ToArray()));
        Assert.Equal("ys", ex.ParamName);
        Assert.Contains("there are 4 steps of logits but 3 targets", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => model.Loss(xs, [1, 2, 5, 0]));
        Assert.Equal("ys", ex.ParamName);
        Assert.Contains("ys[2] is 5, outside the 5 classes (0..4)", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => model.Loss(xs, [-1, -1, -1, -1]));
        Assert.Contains("no step has a target", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => model.LossAndGradients(xs, ys, window: -2));
        Assert.Contains("window must be a positive number of steps, got -2", ex.Message);
        var trace = model.Forward(xs);
        ex = Assert.Throws<ArgumentException>(() => model.Backward(trace, new double[]?[3]));
        Assert.Contains("dzs has 3 steps, the trace has 4", ex.Message);
    }

    [Fact]
    public void Import_rejects_unknown_names_wrong_shapes_and_bad_values_and_changes_nothing()
    {
        var model = Model(true, 1);
        var good = model.Parameters.Export();
        var before = model.Parameters.Export();
        NamedTensor[] With(NamedTensor t) => [.. good.Where(g => g.Name != t.Name), t];

        var ex = Assert.Throws<ArgumentException>(() => model.Parameters.Import([.. good, new NamedTensor("layer7.Wx", 1, 1, [0])]));
        Assert.Equal("tensors", ex.ParamName);
        Assert.Contains("Unknown parameter 'layer7.Wx'", ex.Message);
        Assert.Contains("Known parameters: layer0.Wx, layer0.Wh, layer0.b, Wy, by", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => model.Parameters.Import(With(new NamedTensor("layer0.Wx", 3, 16, new double[48]))));
        Assert.Contains("Parameter 'layer0.Wx' is 16x3 but the import gives 3x16", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => model.Parameters.Import(With(new NamedTensor("by", 5, 1, new double[4]))));
        Assert.Contains("Parameter 'by' declares 5x1 but carries 4 values", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => model.Parameters.Import(With(new NamedTensor("by", 5, 1, [0, 0, double.NaN, 0, 0]))));
        Assert.Contains("by[2] is", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => model.Parameters.Import([.. good, good[0]]));
        Assert.Contains("Parameter 'layer0.Wx' appears twice", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => model.Parameters.Import(good.Skip(1)));
        Assert.Contains("The import lacks parameters: layer0.Wx", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => _ = model.Parameters["Wz"]);
        Assert.Contains("No parameter named 'Wz'", ex.Message);

        var zeros = good.Select(t => t with { Data = new double[t.Count] }).ToList();
        Assert.Throws<ArgumentException>(() => model.Parameters.Import([.. zeros, new NamedTensor("extra", 1, 1, [0])]));
        Assert.Equal(before.Select(t => t.Data), model.Parameters.Export().Select(t => t.Data));   // nothing was half-imported
        model.Parameters.Import(zeros.Take(2), requireAll: false);
        Assert.All(model.Parameters["layer0.Wh"].Value.Data, v => Assert.Equal(0.0, v));
        Assert.Equal(before[2].Data, model.Parameters["layer0.b"].Value.Data);
    }

    private static void AssertClose(double[] expected, double[] actual, double tol, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
            Assert.True(Math.Abs(expected[k] - actual[k]) <= tol, $"{what}[{k}]: truncated whole sequence {expected[k]:R}, chunks {actual[k]:R}");
    }
}

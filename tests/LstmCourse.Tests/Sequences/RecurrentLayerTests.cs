using LstmCourse.Cells;
using LstmCourse.Diagnostics;
using LstmCourse.Numerics;
using LstmCourse.Parameters;
using LstmCourse.Sequences;
using LstmCourse.Tests.Support;
using Xunit.Abstractions;

namespace LstmCourse.Tests.Sequences;

public class RecurrentLayerTests(ITestOutputHelper output)
{
    private static RecurrentLayer Layer(bool lstm, int D, int H, Rng rng) =>
        new(lstm ? new LstmCell(D, H, rng) : new RnnCell(D, H, rng));

    /// <summary>L = Σ_t a_tᵀ h_t + eᵀ c_T (e only for an LSTM, entering through dFinal): every weight, every x_t,
    /// h_0 and c_0 are checked through T steps of BPTT.</summary>
    [Theory]
    [InlineData(true, 7, 3, 4)]
    [InlineData(true, 1, 3, 4)]
    [InlineData(true, 5, 1, 3)]
    [InlineData(true, 6, 2, 1)]
    [InlineData(true, 1, 1, 1)]
    [InlineData(false, 7, 3, 4)]
    [InlineData(false, 1, 2, 1)]
    [InlineData(false, 5, 1, 3)]
    public void BPTT_gradients_match_centered_differences_for_weights_inputs_and_initial_state(bool lstm, int T, int D, int H)
    {
        var rng = new Rng(T * 100 + D * 10 + H);
        var layer = Layer(lstm, D, H, rng);
        var xs = Enumerable.Range(0, T).Select(t => TestData.Wrap($"x[{t}]", TestData.Vector(rng, D))).ToArray();
        var h0 = TestData.Wrap("h0", TestData.Vector(rng, H, 0.5));
        var c0 = lstm ? TestData.Wrap("c0", TestData.Vector(rng, H)) : null;
        var a = TestData.Sequence(rng, T, H);
        var e = lstm ? TestData.Vector(rng, H) : [];
        IReadOnlyList<double[]> Xs() => xs.Select(x => x.Value.Data).ToArray();
        RecurrentState Initial() => new(h0.Value.Data, c0?.Value.Data ?? []);

        double Loss()
        {
            var trace = layer.Forward(Xs(), Initial());
            return Enumerable.Range(0, T).Sum(t => TestData.Dot(a[t], trace.Hs[t])) + TestData.Dot(e, trace.Final.C);
        }
        void Gradients()
        {
            foreach (var p in layer.Parameters) p.Grad.Clear();
            var trace = layer.Forward(Xs(), Initial());
            var (dxs, dInitial) = layer.Backward(trace, a, new RecurrentState(new double[H], e));
            for (int t = 0; t < T; t++) TestData.SetGrad(xs[t], dxs[t]);
            TestData.SetGrad(h0, dInitial.H);
            if (c0 is not null) TestData.SetGrad(c0, dInitial.C);
        }

        IEnumerable<Parameter> all = [.. layer.Parameters, .. xs, h0, .. c0 is null ? Array.Empty<Parameter>() : [c0]];
        GradientAssert.Passes(GradientCheck.Run(all, Loss, Gradients), output);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_window_of_T_or_more_gives_exactly_full_BPTT(bool lstm)
    {
        const int T = 6, D = 3, H = 4;
        foreach (int? window in new int?[] { T, T + 1, 50 })
        {
            var (full, fullDx, fullD0) = RunBackward(lstm, T, D, H, null);
            var (cut, cutDx, cutD0) = RunBackward(lstm, T, D, H, window);
            for (int i = 0; i < full.Count; i++) Assert.Equal(full[i], cut[i]);
            for (int t = 0; t < T; t++) Assert.Equal(fullDx[t], cutDx[t]);
            Assert.Equal(fullD0.H, cutD0.H);
            Assert.Equal(fullD0.C, cutD0.C);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_window_shorter_than_T_changes_the_gradient(bool lstm)
    {
        var (full, _, fullD0) = RunBackward(lstm, 6, 3, 4, null);
        var (cut, _, cutD0) = RunBackward(lstm, 6, 3, 4, 3);
        Assert.NotEqual(full[1], cut[1]);                      // dWh: the recurrent weight sees fewer steps back
        Assert.NotEqual(fullD0.H, cutD0.H);                    // dh0 only hears the first chunk's losses
    }

    /// <summary>Layer-level truncated BPTT with window k equals running chunks of k steps, each started from the previous
    /// chunk's final state (carried, not differentiated) and backpropagated on its own, gradients summed.</summary>
    [Theory]
    [InlineData(true, 8, 3)]
    [InlineData(true, 7, 1)]
    [InlineData(true, 9, 4)]
    [InlineData(false, 8, 3)]
    [InlineData(false, 5, 2)]
    public void Truncated_BPTT_equals_chunks_backpropagated_separately(bool lstm, int T, int window)
    {
        const int D = 3, H = 4;
        var (whole, wholeDx, wholeD0) = RunBackward(lstm, T, D, H, window);

        var (layer, xs, h0c0, dhs) = Setup(lstm, T, D, H);
        var state = h0c0;
        var dxs = new List<double[]>();
        RecurrentState? d0 = null;
        for (int s = 0; s < T; s += window)
        {
            int n = Math.Min(window, T - s);
            var trace = layer.Forward(xs.Skip(s).Take(n).ToArray(), state.Copy());
            var (chunkDx, chunkD0) = layer.Backward(trace, dhs.Skip(s).Take(n).ToArray());
            dxs.AddRange(chunkDx);
            d0 ??= chunkD0;                                   // only the first chunk reaches h0, c0
            state = trace.Final;
        }
        const double tol = 1e-15;                             // the same sums in another order
        for (int i = 0; i < whole.Count; i++) AssertClose(whole[i], layer.Parameters[i].Grad.Data, tol, layer.Parameters[i].Name);
        for (int t = 0; t < T; t++) AssertClose(wholeDx[t], dxs[t], tol, $"dx[{t}]");
        AssertClose(wholeD0.H, d0!.H, tol, "dh0");
        AssertClose(wholeD0.C, d0.C, tol, "dc0");
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(true, 3)]
    [InlineData(false, 4)]
    public void Chunked_forward_with_carried_state_equals_one_pass_exactly(bool lstm, int chunk)
    {
        const int T = 10;
        var (layer, xs, h0c0, _) = Setup(lstm, T, 3, 4);
        var one = layer.Forward(xs, h0c0);
        var state = h0c0;
        var hs = new List<double[]>();
        var cs = new List<double[]>();
        for (int s = 0; s < T; s += chunk)
        {
            var trace = layer.Forward(xs.Skip(s).Take(chunk).ToArray(), state);
            hs.AddRange(trace.Hs);
            cs.AddRange(trace.Cs);
            state = trace.Final;
        }
        Assert.Equal(one.Hs, hs);
        Assert.Equal(one.Cs, cs);
        Assert.Equal(one.Final, state, (p, q) => p.H.SequenceEqual(q.H) && p.C.SequenceEqual(q.C));
    }

    [Fact]
    public void Forward_rejects_empty_null_and_wrong_length_steps_and_a_wrong_initial_state()
    {
        var layer = new RecurrentLayer(new LstmCell(3, 4, new Rng(0)));
        var ex = Assert.Throws<ArgumentException>(() => layer.Forward([]));
        Assert.Equal("xs", ex.ParamName);
        Assert.Contains("xs is empty", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => layer.Forward([new double[3], new double[2]]));
        Assert.Contains("xs[1] has length 2, expected the layer's input size 3", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => layer.Forward([new double[3], [0, 0, 0], [0, double.NaN, 0]]));
        Assert.Equal("xs[2]", ex.ParamName);
        Assert.Contains("xs[2][1] is", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => layer.Forward([new double[3], null!]));
        Assert.Contains("xs[1] is null", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => layer.Forward([new double[3]], new RecurrentState(new double[4], [])));
        Assert.Equal("initial", ex.ParamName);
        Assert.Contains("initial.C has length 0, expected 4", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => layer.Forward([new double[3]], new RecurrentState(new double[3], new double[4])));
        Assert.Contains("initial.H has length 3, expected hidden size 4", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => layer.Forward([new double[3]], new RecurrentState([0, 0, double.NaN, 0], new double[4])));
        Assert.Equal("initial.H", ex.ParamName);
        Assert.Contains("initial.H[2] is", ex.Message);
        Assert.Throws<ArgumentNullException>(() => layer.Forward(null!));
    }

    [Fact]
    public void Backward_rejects_wrong_step_counts_lengths_windows_and_a_consumed_trace()
    {
        var (layer, xs, h0c0, dhs) = Setup(true, 4, 3, 4);
        var trace = layer.Forward(xs, h0c0);
        var ex = Assert.Throws<ArgumentException>(() => layer.Backward(trace, dhs.Take(3).ToArray()));
        Assert.Equal("dhs", ex.ParamName);
        Assert.Contains("dhs has 3 steps, but the trace has 4", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => layer.Backward(trace, dhs, window: 0));
        Assert.Contains("window must be a positive number of steps, got 0", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => layer.Backward(trace, dhs, new RecurrentState(new double[4], new double[3])));
        Assert.Contains("dFinal.C has length 3, expected 4", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => layer.Backward(trace, dhs, new RecurrentState(new double[4], [0, double.NaN, 0, 0])));
        Assert.Contains("dFinal.C[1] is", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => layer.Backward(trace, [.. dhs.Take(3), new double[5]]));
        Assert.Contains("dhs[3] has length 5, expected hidden size 4", ex.Message);

        var fresh = layer.Forward(xs, h0c0);
        layer.Backward(fresh, dhs);
        ex = Assert.Throws<ArgumentException>(() => layer.Backward(fresh, dhs));
        Assert.Equal("trace", ex.ParamName);
        Assert.Contains("already consumed", ex.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_stack_holds_one_cache_per_step_after_forward_and_none_after_backward(bool lstm)
    {
        var (layer, xs, h0c0, dhs) = Setup(lstm, T: 5, D: 2, H: 3);
        var trace = layer.Forward(xs, h0c0);
        Assert.Equal(5, trace.StackDepth);
        Assert.Same(trace.InOrder[^1], trace.Stack.Peek());                  // the top is the last step
        layer.Backward(trace, dhs);
        Assert.Equal(0, trace.StackDepth);
        Assert.Equal(5, trace.Steps);                                        // the time-ordered view stays readable
    }

    private static (RecurrentLayer layer, double[][] xs, RecurrentState h0c0, double[][] dhs) Setup(bool lstm, int T, int D, int H)
    {
        var rng = new Rng(21);
        var layer = Layer(lstm, D, H, rng);
        var xs = TestData.Sequence(rng, T, D);
        var h0c0 = new RecurrentState(TestData.Vector(rng, H, 0.5), lstm ? TestData.Vector(rng, H, 0.5) : []);
        var dhs = TestData.Sequence(rng, T, H);
        return (layer, xs, h0c0, dhs);
    }

    /// <summary>Forward and backward over the whole sequence: parameter gradients, dxs and d(initial state).</summary>
    private static (List<double[]> grads, double[][] dxs, RecurrentState d0) RunBackward(bool lstm, int T, int D, int H, int? window)
    {
        var (layer, xs, h0c0, dhs) = Setup(lstm, T, D, H);
        var (dxs, d0) = layer.Backward(layer.Forward(xs, h0c0), dhs, window: window);
        return (layer.Parameters.Select(p => (double[])p.Grad.Data.Clone()).ToList(), dxs, d0);
    }

    private static void AssertClose(double[] expected, double[] actual, double tol, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
            Assert.True(Math.Abs(expected[k] - actual[k]) <= tol, $"{what}[{k}]: whole sequence {expected[k]:R}, chunks {actual[k]:R}");
    }
}

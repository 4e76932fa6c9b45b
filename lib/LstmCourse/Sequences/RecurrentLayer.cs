using LstmCourse.Cells;
using LstmCourse.Numerics;
using LstmCourse.Parameters;

namespace LstmCourse.Sequences;

/// <summary>A cell run over a sequence: the forward pass pushes each step's activations on a stack,
/// backpropagation through time (BPTT) pops them in reverse, optionally truncated to a window.</summary>
/// <remarks>
/// <code>
/// forward:  for t = 1..T:  (h_t, c_t) = cell(x_t, h_{t−1}, c_{t−1});  push cache_t
/// backward: for t = T..1:  pop cache_t;  dstate_t += dL_t/dh_t;  (dx_t, dstate_{t−1}) = cell'(cache_t, dstate_t)
///           truncated with window k: dstate_{t−1} is cut (set to 0) when t−1 is a multiple of k,
///           exactly as if the sequence were run in chunks of k with the state carried but not differentiated.
/// </code>
/// Taught in notebooks/05-bptt.ipynb.
/// </remarks>
public sealed class RecurrentLayer
{
    public RecurrentLayer(IRecurrentCell cell) => Cell = cell;

    public IRecurrentCell Cell { get; }

    public IReadOnlyList<Parameter> Parameters => Cell.Parameters;

    public RecurrentState ZeroState() => RecurrentState.Zero(Cell.HiddenSize, Cell.HasCellState);

    /// <summary>Runs every step from <paramref name="initial"/> (zeros when null) and keeps the stack of activations.</summary>
    public SequenceTrace Forward(IReadOnlyList<double[]> xs, RecurrentState? initial = null)
    {
        ArgumentNullException.ThrowIfNull(xs);
        if (xs.Count == 0) throw new ArgumentException("xs is empty: a sequence needs at least one step.", nameof(xs));
        var start = initial ?? ZeroState();
        CheckState(nameof(initial), start);
        var state = start;
        var stack = new Stack<StepCache>(xs.Count);
        for (int t = 0; t < xs.Count; t++)
        {
            if (xs[t] is null) throw new ArgumentException($"xs[{t}] is null.", nameof(xs));
            if (xs[t].Length != Cell.InputSize)
                throw new ArgumentException($"xs[{t}] has length {xs[t].Length}, expected the layer's input size {Cell.InputSize}.", nameof(xs));
            Check.Finite($"xs[{t}]", xs[t]);
            var step = Cell.Forward(xs[t], state);
            stack.Push(step);
            state = step.Next;
        }
        return new SequenceTrace(start, stack);
    }

    /// <summary>Pops the stack: given dL/dh_t for each step (null where no loss reaches h_t) and optionally the
    /// gradient reaching the final state from later chunks, accumulates every parameter gradient and returns
    /// dL/dx_t for each step and dL/d(initial state). The trace is consumed.</summary>
    /// <param name="window">Truncation window k (null = full BPTT).</param>
    public (double[][] dxs, RecurrentState dInitial) Backward(
        SequenceTrace trace, IReadOnlyList<double[]?> dhs, RecurrentState? dFinal = null, int? window = null)
    {
        int T = trace.Steps, H = Cell.HiddenSize;
        if (trace.Stack.Count != T) throw new ArgumentException("this trace was already consumed by a backward pass; run Forward again.", nameof(trace));
        if (dhs.Count != T) throw new ArgumentException($"dhs has {dhs.Count} steps, but the trace has {T}.", nameof(dhs));
        if (window is <= 0) throw new ArgumentException($"window must be a positive number of steps, got {window}.", nameof(window));
        var dState = dFinal?.Copy() ?? ZeroState();
        CheckState(nameof(dFinal), dState);
        var dxs = new double[T][];
        for (int t = T - 1; t >= 0; t--)
        {
            var step = trace.Stack.Pop();
            var dh = dhs[t];
            if (dh is not null)
            {
                if (dh.Length != H) throw new ArgumentException($"dhs[{t}] has length {dh.Length}, expected hidden size {H}.", nameof(dhs));
                for (int k = 0; k < H; k++) dState.H[k] += dh[k];
            }
            (dxs[t], dState) = Cell.Backward(step, dState);
            if (window is int w && t % w == 0 && t > 0) dState = ZeroState();  // truncate at the chunk boundary
        }
        return (dxs, dState);
    }

    private void CheckState(string name, RecurrentState s)
    {
        if (s.H.Length != Cell.HiddenSize)
            throw new ArgumentException($"{name}.H has length {s.H.Length}, expected hidden size {Cell.HiddenSize}.", name);
        int expectedC = Cell.HasCellState ? Cell.HiddenSize : 0;
        if (s.C.Length != expectedC)
            throw new ArgumentException($"{name}.C has length {s.C.Length}, expected {expectedC}.", name);
        Check.Finite($"{name}.H", s.H);
        Check.Finite($"{name}.C", s.C);
    }
}

using LstmCourse.Cells;

namespace LstmCourse.Sequences;

/// <summary>The stack of per-step activations a forward pass builds and BPTT pops (top = last step).</summary>
/// <remarks>Backward consumes <see cref="Stack"/>; the time-ordered views below are taken when the trace is made
/// and stay readable afterwards.</remarks>
public sealed class SequenceTrace
{
    public SequenceTrace(RecurrentState initial, Stack<StepCache> stack)
    {
        Initial = initial;
        Stack = stack;
        var inOrder = stack.Reverse().ToArray();
        InOrder = inOrder;
        Final = inOrder.Length == 0 ? initial : inOrder[^1].Next;
    }

    /// <summary>The state before the first step (h_0, c_0).</summary>
    public RecurrentState Initial { get; }

    /// <summary>One cache per step; <c>Stack.Peek()</c> is the last step not yet popped by backward.</summary>
    public Stack<StepCache> Stack { get; }

    /// <summary>How many caches are on <see cref="Stack"/> now: T after the forward pass, 0 once backward has popped them
    /// (an int, so a notebook cell can show it without binding the stack's type).</summary>
    public int StackDepth => Stack.Count;

    /// <summary>The step caches in time order (for reading gate activations).</summary>
    public IReadOnlyList<StepCache> InOrder { get; }

    public int Steps => InOrder.Count;

    /// <summary>The state after the last step, to carry into the next chunk.</summary>
    public RecurrentState Final { get; }

    /// <summary>h_1 … h_T in time order.</summary>
    public IReadOnlyList<double[]> Hs => InOrder.Select(s => s.Next.H).ToArray();

    /// <summary>c_1 … c_T in time order (empty arrays for an RNN).</summary>
    public IReadOnlyList<double[]> Cs => InOrder.Select(s => s.Next.C).ToArray();
}

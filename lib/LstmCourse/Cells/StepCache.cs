namespace LstmCourse.Cells;

/// <summary>Everything one forward step computed that its backward step needs: one entry of the BPTT stack.</summary>
public abstract class StepCache
{
    /// <summary>The step's input x_t.</summary>
    public required double[] X { get; init; }

    /// <summary>The state the step started from (h_{t−1}, c_{t−1}).</summary>
    public required RecurrentState Prev { get; init; }

    /// <summary>The state the step produced (h_t, c_t).</summary>
    public required RecurrentState Next { get; init; }
}

using LstmCourse.Parameters;

namespace LstmCourse.Cells;

/// <summary>One step of a recurrent network: (x_t, state_{t−1}) → state_t, and the step backwards.</summary>
public interface IRecurrentCell
{
    int InputSize { get; }
    int HiddenSize { get; }

    /// <summary>True for an LSTM (it carries c), false for a plain RNN.</summary>
    bool HasCellState { get; }

    IReadOnlyList<Parameter> Parameters { get; }

    StepCache Forward(double[] x, RecurrentState prev);

    /// <summary>Given dL/dstate_t (the gradient reaching h_t and c_t), adds this step's share to every
    /// parameter's <c>Grad</c> and returns dL/dx_t and dL/dstate_{t−1}.</summary>
    (double[] dx, RecurrentState dPrev) Backward(StepCache step, RecurrentState dNext);
}

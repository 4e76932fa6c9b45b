namespace LstmCourse.Cells;

/// <summary>What a recurrent cell carries from step to step: hidden state h and, for an LSTM, cell state c.</summary>
/// <remarks>For a plain RNN <see cref="C"/> is empty.</remarks>
public sealed record RecurrentState(double[] H, double[] C)
{
    /// <summary>h = 0 (and c = 0 when <paramref name="hasCellState"/>), the usual start of a sequence.</summary>
    public static RecurrentState Zero(int hiddenSize, bool hasCellState) =>
        new(new double[hiddenSize], hasCellState ? new double[hiddenSize] : []);

    /// <summary>A deep copy (records reserve the name Clone).</summary>
    public RecurrentState Copy() => new((double[])H.Clone(), (double[])C.Clone());
}

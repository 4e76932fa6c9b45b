namespace LstmCourse.Parameters;

/// <summary>One exported weight: a name, a shape and row-major values. The exchange format between the
/// reference engine, the fast engine, checkpoints and PyTorch fixtures.</summary>
public sealed record NamedTensor(string Name, int Rows, int Cols, double[] Data)
{
    public int Count => Rows * Cols;
}

using static LstmCourse.Kernels.Kernels;

namespace LstmCourse.Fast;

/// <summary>A float32 weight matrix with its gradient of the same shape: <c>Value</c> and <c>Grad</c> (dValue), row-major.</summary>
/// <remarks>Names and shapes are the reference engine's (<c>layer0.Wx</c> is 4H x V); an optimizer updates
/// <see cref="Value"/> from <see cref="Grad"/> in place.</remarks>
public sealed class FloatParameter
{
    internal FloatParameter(string name, int rows, int cols)
    {
        Name = name;
        Rows = rows;
        Cols = cols;
        Value = PinnedFloats(rows * cols);   // pinned: kernels keep its address
        Grad = PinnedFloats(rows * cols);
    }

    public string Name { get; }
    public int Rows { get; }
    public int Cols { get; }

    /// <summary>The weights, <c>W[r, c] = Value[r * Cols + c]</c>.</summary>
    public float[] Value { get; }

    /// <summary>dL/dValue from the last <see cref="CharLstm.ForwardBackward"/> (overwritten, not accumulated).</summary>
    public float[] Grad { get; }

    public int Count => Rows * Cols;

    public override string ToString() => $"{Name} ({Rows}x{Cols})";
}

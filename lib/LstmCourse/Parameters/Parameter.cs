using LstmCourse.Numerics;

namespace LstmCourse.Parameters;

/// <summary>A named weight matrix with its gradient of the same shape: <c>Value</c> and <c>Grad</c> (dValue).</summary>
/// <remarks>Names are the math: <c>Wx</c>, <c>Wh</c>, <c>b</c>, <c>Wy</c>, <c>by</c>; a layer prefixes its index (<c>layer0.Wx</c>).</remarks>
public sealed class Parameter
{
    public string Name { get; }
    public Matrix Value { get; }
    public Matrix Grad { get; }

    public Parameter(string name, Matrix value)
    {
        Name = name;
        Value = value;
        Grad = new Matrix(value.Rows, value.Cols);
    }

    public int Count => Value.Data.Length;

    public override string ToString() => $"{Name} ({Value.Rows}x{Value.Cols})";
}

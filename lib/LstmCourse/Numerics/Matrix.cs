namespace LstmCourse.Numerics;

/// <summary>A dense row-major matrix of doubles: <c>A[r, c] = Data[r * Cols + c]</c>.</summary>
/// <remarks>The reference engine's only container. Vectors are plain <c>double[]</c>.</remarks>
public sealed class Matrix
{
    public int Rows { get; }
    public int Cols { get; }
    public double[] Data { get; }

    public Matrix(int rows, int cols)
    {
        if (rows <= 0) throw new ArgumentException($"rows must be positive, got {rows}.", nameof(rows));
        if (cols <= 0) throw new ArgumentException($"cols must be positive, got {cols}.", nameof(cols));
        Rows = rows;
        Cols = cols;
        Data = new double[rows * cols];
    }

    public Matrix(int rows, int cols, double[] data) : this(rows, cols)
    {
        if (data.Length != rows * cols)
            throw new ArgumentException($"data has {data.Length} values but a {rows}x{cols} matrix needs {rows * cols}.", nameof(data));
        Array.Copy(data, Data, data.Length);
    }

    public ref double this[int r, int c] => ref Data[r * Cols + c];

    /// <summary>Entries drawn from U(-scale, scale), the way PyTorch initialises recurrent layers (scale = 1/sqrt(H)).</summary>
    public static Matrix Uniform(int rows, int cols, double scale, Rng rng)
    {
        var m = new Matrix(rows, cols);
        for (int k = 0; k < m.Data.Length; k++) m.Data[k] = (2 * rng.NextDouble() - 1) * scale;
        return m;
    }

    public Matrix Clone() => new(Rows, Cols, Data);

    public void Clear() => Array.Clear(Data);

    public override string ToString() => $"Matrix({Rows}x{Cols})";
}

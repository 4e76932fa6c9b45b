namespace LstmCourse.Numerics;

/// <summary>The few plain loops the reference engine needs, written for reading, not speed.</summary>
public static class Linalg
{
    /// <summary>y = A x + y, A is (R x C), x has C entries, y has R.</summary>
    public static void MulAdd(Matrix A, ReadOnlySpan<double> x, Span<double> y)
    {
        Check.Length(nameof(x), x.Length, A.Cols);
        Check.Length(nameof(y), y.Length, A.Rows);
        for (int r = 0; r < A.Rows; r++)
        {
            double s = 0;
            var row = A.Data.AsSpan(r * A.Cols, A.Cols);
            for (int c = 0; c < row.Length; c++) s += row[c] * x[c];
            y[r] += s;
        }
    }

    /// <summary>y = Aᵀ d + y: how a gradient flows back through A x. A is (R x C), d has R entries, y has C.</summary>
    public static void MulTransposedAdd(Matrix A, ReadOnlySpan<double> d, Span<double> y)
    {
        Check.Length(nameof(d), d.Length, A.Rows);
        Check.Length(nameof(y), y.Length, A.Cols);
        for (int r = 0; r < A.Rows; r++)
        {
            double dr = d[r];
            if (dr == 0) continue;
            var row = A.Data.AsSpan(r * A.Cols, A.Cols);
            for (int c = 0; c < row.Length; c++) y[c] += row[c] * dr;
        }
    }

    /// <summary>dA += d xᵀ: the gradient of a weight matrix from one step (outer product).</summary>
    public static void OuterAdd(Matrix dA, ReadOnlySpan<double> d, ReadOnlySpan<double> x)
    {
        Check.Length(nameof(d), d.Length, dA.Rows);
        Check.Length(nameof(x), x.Length, dA.Cols);
        for (int r = 0; r < dA.Rows; r++)
        {
            double dr = d[r];
            if (dr == 0) continue;
            var row = dA.Data.AsSpan(r * dA.Cols, dA.Cols);
            for (int c = 0; c < row.Length; c++) row[c] += dr * x[c];
        }
    }

    /// <summary>y += x.</summary>
    public static void AddInPlace(Span<double> y, ReadOnlySpan<double> x)
    {
        Check.Length(nameof(x), x.Length, y.Length);
        for (int k = 0; k < y.Length; k++) y[k] += x[k];
    }

    /// <summary>‖x‖₂.</summary>
    public static double Norm(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (var v in x) s += v * v;
        return Math.Sqrt(s);
    }
}

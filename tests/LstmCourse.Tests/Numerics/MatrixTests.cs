using LstmCourse.Numerics;

namespace LstmCourse.Tests.Numerics;

public class MatrixTests
{
    [Fact]
    public void Is_row_major_and_Clone_copies()
    {
        var m = new Matrix(2, 3, [1, 2, 3, 4, 5, 6]);
        Assert.Equal(6.0, m[1, 2]);
        Assert.Equal(4.0, m[1, 0]);
        var c = m.Clone();
        c[0, 0] = 9;
        Assert.Equal(1.0, m[0, 0]);
    }

    [Fact]
    public void Uniform_stays_within_the_scale_and_is_reproducible()
    {
        var a = Matrix.Uniform(8, 8, 0.25, new Rng(2));
        Assert.All(a.Data, v => Assert.InRange(v, -0.25, 0.25));
        Assert.Equal(a.Data, Matrix.Uniform(8, 8, 0.25, new Rng(2)).Data);
    }

    [Fact]
    public void Zero_sizes_and_data_of_the_wrong_length_are_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Matrix(0, 2));
        Assert.Equal("rows", ex.ParamName);
        Assert.Contains("rows must be positive, got 0", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => new Matrix(2, -1));
        Assert.Contains("cols must be positive, got -1", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => new Matrix(2, 2, [1, 2, 3]));
        Assert.Contains("data has 3 values but a 2x2 matrix needs 4", ex.Message);
    }
}

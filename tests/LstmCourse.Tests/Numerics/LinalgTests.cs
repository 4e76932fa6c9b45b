using LstmCourse.Numerics;

namespace LstmCourse.Tests.Numerics;

public class LinalgTests
{
    private static readonly Matrix A = new(2, 3, [1, 2, 3, 4, 5, 6]);

    [Fact]
    public void MulAdd_MulTransposedAdd_and_OuterAdd_add_to_what_is_there()
    {
        var y = new double[] { 10, 20 };
        Linalg.MulAdd(A, [1, 0, -1], y);
        Assert.Equal([8.0, 18.0], y);
        var x = new double[] { 1, 1, 1 };
        Linalg.MulTransposedAdd(A, [1, -1], x);
        Assert.Equal([-2.0, -2.0, -2.0], x);
        var dA = new Matrix(2, 3, [1, 1, 1, 1, 1, 1]);
        Linalg.OuterAdd(dA, [2, 0], [1, 2, 3]);
        Assert.Equal([3.0, 5.0, 7.0, 1.0, 1.0, 1.0], dA.Data);
        Assert.Equal(5.0, Linalg.Norm([3, 4]));
    }

    [Fact]
    public void Lengths_that_do_not_fit_are_rejected_naming_both_sizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Linalg.MulAdd(A, new double[2], new double[2]));
        Assert.Contains("x has length 2, expected 3", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Linalg.MulAdd(A, new double[3], new double[3]));
        Assert.Contains("y has length 3, expected 2", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Linalg.MulTransposedAdd(A, new double[3], new double[3]));
        Assert.Contains("d has length 3, expected 2", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Linalg.OuterAdd(A, new double[2], new double[4]));
        Assert.Contains("x has length 4, expected 3", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Linalg.AddInPlace(new double[2], new double[3]));
        Assert.Contains("x has length 3, expected 2", ex.Message);
    }
}

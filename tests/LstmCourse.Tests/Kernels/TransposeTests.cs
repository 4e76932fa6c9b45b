using K = LstmCourse.Kernels.Kernels;

namespace LstmCourse.Tests.Kernels;

/// <summary>The blocked transpose moves every entry exactly, for every shape up to three 8 x 8 blocks and one more.</summary>
public unsafe class TransposeTests
{
    [Fact]
    public void Transpose_moves_every_entry_for_every_shape_up_to_25_by_25()
    {
        for (int rows = 1; rows <= 25; rows++)
            for (int cols = 1; cols <= 25; cols++)
            {
                var src = Enumerable.Range(0, rows * cols).Select(k => (float)k).ToArray();
                var dst = new float[rows * cols + 1];
                dst[^1] = -1;                                   // a guard past the end must survive
                fixed (float* s = src, d = dst) K.Transpose(s, rows, cols, d);
                for (int r = 0; r < rows; r++)
                    for (int c = 0; c < cols; c++)
                        Assert.True(dst[c * rows + r] == src[r * cols + c], $"{rows}x{cols}: dst[{c},{r}] = {dst[c * rows + r]}, expected {src[r * cols + c]}");
                Assert.Equal(-1, dst[^1]);
            }
    }
}

using LstmCourse.Numerics;
using LstmCourse.Parameters;

namespace LstmCourse.Tests.Parameters;

public class ParameterSetTests
{
    private static ParameterSet Set() => new([
        new Parameter("Wx", new Matrix(2, 3, [1, 2, 3, 4, 5, 6])),
        new Parameter("b", new Matrix(2, 1, [7, 8])),
    ]);

    [Fact]
    public void Keeps_order_names_and_counts()
    {
        var set = Set();
        Assert.Equal(["Wx", "b"], set.Names);
        Assert.Equal(8, set.TotalCount);
        Assert.True(set.Contains("b"));
        Assert.False(set.Contains("B"));
        Assert.Equal(8.0, set["b"].Value[1, 0]);
    }

    [Fact]
    public void Export_is_a_copy_and_ExportGradients_carries_the_gradients()
    {
        var set = Set();
        var exported = set.Export();
        exported[0].Data[0] = 99;
        Assert.Equal(1.0, set["Wx"].Value.Data[0]);
        set["b"].Grad.Data[1] = -3;
        var grads = set.ExportGradients();
        Assert.Equal(["Wx", "b"], grads.Select(g => g.Name));
        Assert.Equal([0.0, -3.0], grads[1].Data);
        set.ZeroGrad();
        Assert.All(set.All, p => Assert.All(p.Grad.Data, g => Assert.Equal(0.0, g)));
    }

    [Fact]
    public void A_second_parameter_with_the_same_name_is_rejected()
    {
        var set = Set();
        var ex = Assert.Throws<ArgumentException>(() => set.Add(new Parameter("b", new Matrix(1, 1))));
        Assert.Contains("A parameter named 'b' is already in the set", ex.Message);
    }
}

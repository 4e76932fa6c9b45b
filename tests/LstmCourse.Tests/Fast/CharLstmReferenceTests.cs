using LstmCourse.Fast;
using LstmCourse.Kernels;
using LstmCourse.Numerics;

namespace LstmCourse.Tests.Fast;

/// <summary>The fast float32 engine against the double reference engine: loss, every gradient and the final state.</summary>
/// <remarks>Tolerance |fast − reference| ≤ 2e-7 + 1e-5·|reference| per entry. Float32 rounding (2⁻²⁴ ≈ 6e-8 per
/// operation) through sums of a few hundred terms and T steps stays a few 1e-7 relative; the polynomial σ and tanh add
/// at most 3e-7 relative; a dropped derivative term or a wrong index gives errors of 1e-2 and more. The absolute
/// part covers entries near zero, where relative error means nothing.</remarks>
public class CharLstmReferenceTests
{
    private const double Rtol = 1e-5, Atol = 2e-7;

    public static TheoryData<int, int, int, int, int, string> Shapes()
    {
        var data = new TheoryData<int, int, int, int, int, string>();
        foreach (var path in LstmCourse.Kernels.Kernels.AvailablePaths.Select(p => p.ToString()))
        {
            data.Add(1, 1, 1, 4, 5, path);      // layers, N, T, H, V: the smallest case
            data.Add(1, 1, 6, 8, 11, path);     // batch 1
            data.Add(1, 3, 5, 7, 13, path);     // odd sizes
            data.Add(2, 4, 5, 7, 13, path);     // two layers, odd sizes
            data.Add(2, 5, 4, 17, 19, path);    // H past one 512-bit vector
            data.Add(1, 9, 3, 33, 40, path);    // sizes past the micro-kernel tiles
            data.Add(3, 2, 3, 12, 6, path);     // three layers
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Forward_and_backward_match_the_reference_engine(int layers, int N, int T, int H, int V, string path)
    {
        var rng = new Rng(17);
        var fast = new CharLstm(V, H, layers, seed: 3) { Path = Enum.Parse<KernelPath>(path) };
        var reference = Reference.Twin(fast);
        var inputs = Reference.Tokens(N, T, V, rng);
        var targets = Reference.Tokens(N, T, V, rng);
        var state = fast.NewState(N);
        Reference.Randomize(state, rng);
        var initial = state.Copy();

        float loss = fast.ForwardBackward(inputs, targets, N, T, state);
        var (refLoss, refGrads, refFinal) = Reference.Run(reference, inputs, targets, N, T, initial);

        Assert.True(Math.Abs(loss - refLoss) <= Atol + Rtol * Math.Abs(refLoss), $"loss: fast {loss} vs reference {refLoss}");
        foreach (var p in fast.Parameters) Reference.Close("d" + p.Name, p.Grad, refGrads[p.Name], Rtol, Atol);
        for (int l = 0; l < layers; l++)
        {
            var h = Enumerable.Range(0, N).SelectMany(n => refFinal[n][l].H).ToArray();
            var c = Enumerable.Range(0, N).SelectMany(n => refFinal[n][l].C).ToArray();
            Reference.Close($"h(layer {l})", state.H(l), h, Rtol, Atol);
            Reference.Close($"c(layer {l})", state.C(l), c, Rtol, Atol);
        }
    }

    [Fact]
    public void Initial_weights_are_the_reference_engines_rounded_to_float()
    {
        var fast = new CharLstm(13, 7, 2, seed: 9, forgetBias: 0.5f);
        var reference = LstmCourse.Models.SequenceModel.Lstm(13, 7, 13, 2, seed: 9, forgetBias: 0.5);
        var expected = reference.Parameters.Export();
        var actual = fast.Export();
        Assert.Equal(expected.Select(t => (t.Name, t.Rows, t.Cols)), actual.Select(t => (t.Name, t.Rows, t.Cols)));
        for (int p = 0; p < expected.Count; p++)
            Assert.Equal(expected[p].Data.Select(v => (double)(float)v), actual[p].Data);
    }
}

using LstmCourse.Kernels;
using LstmCourse.Numerics;
using K = LstmCourse.Kernels.Kernels;

namespace LstmCourse.Tests.Kernels;

/// <summary>The fused LSTM forward and backward rows against the cell's equations in double, for every H up to three
/// 512-bit vectors and one more, so every vector tail runs, on every path.</summary>
/// <remarks>Tolerance 1e-6·(1 + |exact|): the gate activations carry up to 3e-7 relative error and each output goes
/// through at most four roundings after them; a wrong gate index or derivative is off by 1e-2 or more.</remarks>
public unsafe class LstmKernelTests
{
    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string>();
        foreach (var p in K.AvailablePaths) data.Add(p.ToString());
        return data;
    }

    private static float[] Random(int n, Rng rng, float scale) => Enumerable.Range(0, n).Select(_ => scale * (2 * rng.NextFloat() - 1)).ToArray();

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static void Close(string what, double expected, float actual, int H, int k)
    {
        if (!(Math.Abs(actual - expected) <= 1e-6 * (1 + Math.Abs(expected))))
            Assert.Fail($"H={H} {what}[{k}]: kernel {actual}, exact {expected}");
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Forward_row_matches_the_cell_equations_for_every_width(string pathName)
    {
        var path = Enum.Parse<KernelPath>(pathName);
        var rng = new Rng(4);
        for (int H = 1; H <= 3 * 16 + 1; H++)
        {
            float[] zRec = Random(4 * H, rng, 4), zIn = Random(4 * H, rng, 4), b = Random(4 * H, rng, 1), cPrev = Random(H, rng, 2);
            float[] gates = new float[4 * H], c = new float[H], tanhC = new float[H], h = new float[H];
            fixed (float* pr = zRec, pi = zIn, pb = b, pc = cPrev, pg = gates, pcn = c, pt = tanhC, ph = h)
                K.LstmForward(H, pr, pi, pb, pc, pg, pcn, pt, ph, path);
            for (int k = 0; k < H; k++)
            {
                double Z(int gate) => (double)zRec[gate * H + k] + zIn[gate * H + k] + b[gate * H + k];
                double i = Sigmoid(Z(0)), f = Sigmoid(Z(1)), g = Math.Tanh(Z(2)), o = Sigmoid(Z(3));
                double cn = f * cPrev[k] + i * g;
                Close("i", i, gates[k], H, k);
                Close("f", f, gates[H + k], H, k);
                Close("g", g, gates[2 * H + k], H, k);
                Close("o", o, gates[3 * H + k], H, k);
                Close("c", cn, c[k], H, k);
                Close("tanh c", Math.Tanh(cn), tanhC[k], H, k);
                Close("h", o * Math.Tanh(cn), h[k], H, k);
            }
        }
    }

    private static (float[] dz, float[] dc) Backward(int H, KernelPath path, Rng rng)
    {
        float[] dhOut = Random(H, rng, 1), dhRec = Random(H, rng, 1), dc = Random(H, rng, 1), cPrev = Random(H, rng, 2);
        float[] gates = Enumerable.Range(0, 4 * H).Select(j => j / H == 2 ? 2 * rng.NextFloat() - 1 : rng.NextFloat()).ToArray();
        float[] tanhC = Random(H, rng, 1);
        var dz = (float[])gates.Clone();
        var dcOut = (float[])dc.Clone();
        fixed (float* po = dhOut, pr = dhRec, pd = dcOut, pz = dz, pc = cPrev, pt = tanhC)
            K.LstmBackward(H, po, pr, pd, pz, pc, pt, path);
        for (int k = 0; k < H; k++)
        {
            double i = gates[k], f = gates[H + k], g = gates[2 * H + k], o = gates[3 * H + k], tc = tanhC[k];
            double dh = (double)dhOut[k] + dhRec[k];
            double dcv = dc[k] + dh * o * (1 - tc * tc);
            Close("dz_i", dcv * g * i * (1 - i), dz[k], H, k);
            Close("dz_f", dcv * cPrev[k] * f * (1 - f), dz[H + k], H, k);
            Close("dz_g", dcv * i * (1 - g * g), dz[2 * H + k], H, k);
            Close("dz_o", dh * tc * o * (1 - o), dz[3 * H + k], H, k);
            Close("dcPrev", dcv * f, dcOut[k], H, k);
        }
        return (dz, dcOut);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Backward_row_matches_the_cell_derivatives_and_the_scalar_path_bit_for_bit(string pathName)
    {
        var path = Enum.Parse<KernelPath>(pathName);
        for (int H = 1; H <= 3 * 16 + 1; H++)
        {
            var (dz, dc) = Backward(H, path, new Rng((ulong)H));
            var (dzScalar, dcScalar) = Backward(H, KernelPath.Scalar, new Rng((ulong)H));
            Assert.Equal(dzScalar, dz);
            Assert.Equal(dcScalar, dc);
        }
    }
}

using LstmCourse.Cells;
using LstmCourse.Diagnostics;
using LstmCourse.Numerics;
using LstmCourse.Parameters;

namespace LstmCourse.Tests.Support;

/// <summary>Gradient check of one step of an LSTM-style cell with L = aᵀ h_t + eᵀ c_t (a, e random): every weight,
/// the input x and the incoming state (hPrev, cPrev) are checked. Rows come in the order Wx, Wh, b, x, hPrev, cPrev.</summary>
internal static class CellStepCheck
{
    public static GradientCheckReport Run(IRecurrentCell cell, Rng rng)
    {
        int D = cell.InputSize, H = cell.HiddenSize;
        var x = TestData.Wrap("x", TestData.Vector(rng, D));
        var hPrev = TestData.Wrap("hPrev", TestData.Vector(rng, H));
        var cPrev = TestData.Wrap("cPrev", TestData.Vector(rng, H));
        double[] a = TestData.Vector(rng, H), e = TestData.Vector(rng, H);
        RecurrentState Prev() => new(hPrev.Value.Data, cPrev.Value.Data);

        double Loss()
        {
            var next = cell.Forward(x.Value.Data, Prev()).Next;
            return TestData.Dot(a, next.H) + TestData.Dot(e, next.C);
        }
        void Gradients()
        {
            foreach (var p in cell.Parameters) p.Grad.Clear();
            var (dx, dPrev) = cell.Backward(cell.Forward(x.Value.Data, Prev()), new RecurrentState(a, e));
            TestData.SetGrad(x, dx);
            TestData.SetGrad(hPrev, dPrev.H);
            TestData.SetGrad(cPrev, dPrev.C);
        }

        return GradientCheck.Run([.. cell.Parameters, x, hPrev, cPrev], Loss, Gradients);
    }
}

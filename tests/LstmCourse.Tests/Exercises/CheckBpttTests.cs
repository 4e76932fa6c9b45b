using LstmCourse.Numerics;
using Check = LstmCourse.Exercises.Check;

namespace LstmCourse.Tests.Exercises;

public class CheckBpttTests
{
    /// <summary>A learner's backward step with loops; the switches make the typical mistakes.</summary>
    private sealed record Backward(bool TanhDerivative = true, bool DerivativeOfHPrev = false, bool DWhUsesH = false,
        bool AddsDhNext = true, bool Transposed = true, bool DhPrevThroughDz = true, bool DWhTransposed = false, bool DWxTransposed = false)
    {
        public (Matrix dWx, Matrix dWh, double[] db, double[] dhPrev) Run(double[] dhOut, double[] dhNext, double[] x, double[] hPrev,
            double[] h, Matrix Wh)
        {
            int H = h.Length, D = x.Length;
            var dh = new double[H];
            var dz = new double[H];
            for (int k = 0; k < H; k++)
            {
                dh[k] = dhOut[k] + (AddsDhNext ? dhNext[k] : 0);                        // dh = dhOut + dhNext
                double t = DerivativeOfHPrev ? hPrev[k] : h[k];
                dz[k] = TanhDerivative ? dh[k] * (1 - t * t) : dh[k];                     // dz = dh ⊙ (1 − h²)
            }
            var dWx = DWxTransposed ? new Matrix(D, H) : new Matrix(H, D);
            var dWh = new Matrix(H, H);
            for (int r = 0; r < H; r++)
            {
                for (int c = 0; c < D; c++)
                    if (DWxTransposed) dWx[c, r] = dz[r] * x[c]; else dWx[r, c] = dz[r] * x[c];   // dWx = dz xᵀ
                for (int c = 0; c < H; c++)
                {
                    double v = dz[r] * (DWhUsesH ? h[c] : hPrev[c]);                      // dWh = dz hPrevᵀ
                    if (DWhTransposed) dWh[c, r] = v; else dWh[r, c] = v;
                }
            }
            var back = DhPrevThroughDz ? dz : dh;
            var dhPrev = new double[H];
            for (int c = 0; c < H; c++)
                for (int r = 0; r < H; r++) dhPrev[c] += (Transposed ? Wh[r, c] : Wh[c, r]) * back[r];   // dhPrev = Whᵀ dz
            return (dWx, dWh, (double[])dz.Clone(), dhPrev);
        }
    }

    [Fact]
    public void Rnn_backward_step_passes_a_loop_and_the_library_linalg()
    {
        Verdict.Passes(Check.RnnBackwardStep(new Backward().Run));
        Verdict.Passes(Check.RnnBackwardStep((dhOut, dhNext, x, hPrev, h, Wh) =>
        {
            var dz = dhOut.Select((v, k) => (v + dhNext[k]) * global::LstmCourse.Activations.Tanh.DerivativeFromOutput(h[k])).ToArray();
            var (dWx, dWh, dhPrev) = (new Matrix(h.Length, x.Length), new Matrix(h.Length, h.Length), new double[h.Length]);
            Linalg.OuterAdd(dWx, dz, x);
            Linalg.OuterAdd(dWh, dz, hPrev);
            Linalg.MulTransposedAdd(Wh, dz, dhPrev);
            return (dWx, dWh, dz, dhPrev);
        }));
    }

    public static TheoryData<string, string> Faults => new()
    {
        { "missing-tanh-derivative", "left out the tanh' factor" },
        { "derivative-of-hPrev", "not (1 − hPrev²)" },
        { "dWh-uses-h", "not dz hᵀ" },
        { "forgets-future", "dropped dhNext" },
        { "dhPrev-not-transposed", "Wh transposed" },
        { "dhPrev-skips-tanh-derivative", "not Whᵀ·dh" },
        { "dWh-transposed", "dWh is transposed" },
        { "dWx-transposed", "dWx is transposed" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Rnn_backward_step_names_each_typical_fault(string fault, string phrase)
    {
        var step = fault switch
        {
            "missing-tanh-derivative" => new Backward(TanhDerivative: false),
            "derivative-of-hPrev" => new Backward(DerivativeOfHPrev: true),
            "dWh-uses-h" => new Backward(DWhUsesH: true),
            "forgets-future" => new Backward(AddsDhNext: false),
            "dhPrev-not-transposed" => new Backward(Transposed: false),
            "dhPrev-skips-tanh-derivative" => new Backward(DhPrevThroughDz: false),
            "dWh-transposed" => new Backward(DWhTransposed: true),
            _ => new Backward(DWxTransposed: true),
        };
        Verdict.Names(Check.RnnBackwardStep(step.Run), fault, phrase);
    }

    [Fact]
    public void Rnn_backward_step_reports_a_wrong_shape_an_unrecognised_answer_and_an_exception()
    {
        var shape = Check.RnnBackwardStep((dhOut, dhNext, x, hPrev, h, Wh) =>
        {
            var (dWx, dWh, db, dhPrev) = new Backward().Run(dhOut, dhNext, x, hPrev, h, Wh);
            return (dWx, dWh, db, new double[1]);
        });
        Assert.Equal("wrong-shape", shape.Fault);
        Assert.Contains("dhPrev has 1 entry, expected 3", shape.Message);

        Verdict.Mismatch(Check.RnnBackwardStep((dhOut, dhNext, x, hPrev, h, Wh) =>
        {
            var (dWx, dWh, db, dhPrev) = new Backward().Run(dhOut, dhNext, x, hPrev, h, Wh);
            return (dWx, dWh, db.Select(v => v + 1).ToArray(), dhPrev);
        }));
        Verdict.Threw(Check.RnnBackwardStep((dhOut, dhNext, x, hPrev, h, Wh) => throw new ArithmeticException("overflow")),
            "ArithmeticException", "overflow");
    }

    private static double[][] Clip(double[][] grads, double maxNorm, bool global = true, bool always = false, bool inverted = false,
        bool sqrt = true, bool times = true)
    {
        double Norm(IEnumerable<double[]> gs) { double s = gs.Sum(g => g.Sum(v => v * v)); return sqrt ? Math.Sqrt(s) : s; }
        double[] Scale(double[] g, double norm)
        {
            if (!always && norm <= maxNorm) return g;
            double f = inverted ? norm / maxNorm : (times ? maxNorm : 1) / norm;
            return g.Select(v => v * f).ToArray();
        }
        double total = Norm(grads);
        return grads.Select(g => Scale(g, global ? total : Norm([g]))).ToArray();
    }

    [Fact]
    public void Clip_by_global_norm_passes_a_copy_and_an_in_place_rewrite()
    {
        Verdict.Passes(Check.ClipByGlobalNorm((grads, maxNorm) => Clip(grads, maxNorm)));
        Verdict.Passes(Check.ClipByGlobalNorm((grads, maxNorm) =>
        {
            double norm = Math.Sqrt(grads.SelectMany(g => g).Sum(v => v * v));
            double scale = Math.Min(1, maxNorm / norm);
            foreach (var g in grads)
                for (int k = 0; k < g.Length; k++) g[k] *= scale;
            return grads;
        }));
    }

    [Theory]
    [InlineData("never-clips", "unchanged")]
    [InlineData("per-tensor", "its own norm")]
    [InlineData("always-scales", "below maxNorm")]
    [InlineData("inverted-scale", "upside down")]
    [InlineData("missing-sqrt", "square root")]
    [InlineData("value-clipping", "clamped each entry")]
    [InlineData("normalises", "forgot maxNorm")]
    public void Clip_by_global_norm_names_each_typical_fault(string fault, string phrase)
    {
        var r = Check.ClipByGlobalNorm((grads, maxNorm) => fault switch
        {
            "never-clips" => grads,
            "per-tensor" => Clip(grads, maxNorm, global: false),
            "always-scales" => Clip(grads, maxNorm, always: true),
            "inverted-scale" => Clip(grads, maxNorm, inverted: true),
            "missing-sqrt" => Clip(grads, maxNorm, sqrt: false),
            "value-clipping" => grads.Select(g => g.Select(v => Math.Max(-maxNorm, Math.Min(maxNorm, v))).ToArray()).ToArray(),
            _ => Clip(grads, maxNorm, times: false),
        });
        Verdict.Names(r, fault, phrase);
    }

    [Fact]
    public void Clip_by_global_norm_reports_a_missing_tensor_an_unrecognised_answer_and_an_exception()
    {
        var r = Check.ClipByGlobalNorm((grads, maxNorm) => Clip(grads, maxNorm).Take(1).ToArray());
        Assert.Equal("wrong-shape", r.Fault);
        Assert.Contains("returned 1 array, expected 2", r.Message);
        Verdict.Mismatch(Check.ClipByGlobalNorm((grads, maxNorm) => Clip(grads, maxNorm / 2)));
        Verdict.Threw(Check.ClipByGlobalNorm((grads, maxNorm) => throw new InvalidOperationException("empty")), "InvalidOperationException", "empty");
    }
}

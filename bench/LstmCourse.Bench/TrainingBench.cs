using LstmCourse.Fast;
using LstmCourse.Numerics;

namespace LstmCourse.Bench;

/// <summary>Training characters per second of a 1-layer <see cref="CharLstm"/>: ForwardBackward plus a plain SGD update.</summary>
internal static class TrainingBench
{
    public sealed record Result(int H, int Threads, double CharsPerSecond, double GFlops);

    public static Result Run(int V, int N, int T, int H, int threads, Settings s, RecurrentSplit split = RecurrentSplit.Auto, LstmCourse.Kernels.KernelPath path = LstmCourse.Kernels.KernelPath.Best)
    {
        var model = new CharLstm(V, H, layers: 1, seed: 1) { Threads = threads, Split = split, Path = path };
        var rng = new Rng(2);
        var inputs = Enumerable.Range(0, N * T).Select(_ => rng.NextInt(V)).ToArray();
        var targets = Enumerable.Range(0, N * T).Select(_ => rng.NextInt(V)).ToArray();
        var state = model.NewState(N);
        const float lr = 0.01f;
        double seconds = Harness.MedianSeconds(() =>
        {
            model.ForwardBackward(inputs, targets, N, T, state);
            foreach (var p in model.Parameters)                         // plain SGD: θ −= lr·dθ
            {
                var w = p.Value;
                var g = p.Grad;
                for (int k = 0; k < w.Length; k++) w[k] -= lr * g[k];
            }
        }, s.WarmupSeconds, s.Samples, s.MinSampleSeconds);
        var r = new Result(H, threads, N * T / seconds, Flops.TrainingStep(N, T, H, V) / seconds / 1e9);
        Console.WriteLine($"train V={V} N={N} T={T} H={H}, {threads} thread(s): {r.CharsPerSecond:N0} chars/s, {r.GFlops:F1} GFLOP/s ({seconds * 1e3:F2} ms/batch)");
        return r;
    }
}

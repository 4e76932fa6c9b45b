using LstmCourse.Fast;
using LstmCourse.Numerics;
using LstmCourse.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LstmCourse.Bench;

/// <summary>Training characters per second of a 1-layer character LSTM in TorchSharp, as bench/pytorch_char_lstm.py trains it:
/// one-hot input → nn.LSTM(V, H) → nn.Linear(H, V) → cross-entropy, float32, the state carried and detached between batches.</summary>
internal static class TorchTrainingBench
{
    public sealed record Result(string Kind, int H, int Threads, double CharsPerSecond, double GFlops);

    /// <param name="adam">false: plain SGD (lr 0.01), the C# bench's update; true: Adam (lr 2e-3) after clipping the global norm to 5.</param>
    public static Result Run(int V, int N, int T, int H, int threads, bool adam, Settings s)
    {
        torch.set_num_threads(threads);
        using var module = TorchConversion.ToTorch(new CharLstm(V, H, layers: 1, seed: 1));   // the C# bench's starting weights
        var parameters = module.parameters().ToArray();
        using OptimizerHelper optimizer = adam ? torch.optim.Adam(parameters, 2e-3) : torch.optim.SGD(parameters, 0.01);
        var rng = new Rng(2);
        using var inputs = torch.tensor(Enumerable.Range(0, N * T).Select(_ => (long)rng.NextInt(V)).ToArray(), [N, T]);
        using var targets = torch.tensor(Enumerable.Range(0, N * T).Select(_ => (long)rng.NextInt(V)).ToArray(), [N * T]);
        Tensor h = torch.zeros(1, N, H), c = torch.zeros(1, N, H);
        double seconds = Harness.MedianSeconds(() =>
        {
            using var scope = torch.NewDisposeScope();                        // every tensor of the step is freed at its end
            var (logits, state) = module.call(module.OneHot(inputs), (h, c));
            var loss = nn.functional.cross_entropy(logits.reshape(N * T, V), targets);
            optimizer.zero_grad();
            loss.backward();
            if (adam) nn.utils.clip_grad_norm_(parameters, 5);
            optimizer.step();
            h.Dispose();
            c.Dispose();
            (h, c) = (state.H.detach().MoveToOuterDisposeScope(), state.C.detach().MoveToOuterDisposeScope());   // carried, not differentiated
        }, s.WarmupSeconds, s.Samples, s.MinSampleSeconds);
        h.Dispose();
        c.Dispose();
        string kind = adam ? "torchsharp_adam" : "torchsharp";
        var r = new Result(kind, H, threads, N * T / seconds, Flops.TrainingStep(N, T, H, V) / seconds / 1e9);
        Console.WriteLine($"{kind} V={V} N={N} T={T} H={H}, {threads} thread(s): {r.CharsPerSecond:N0} chars/s, {r.GFlops:F1} GFLOP/s ({seconds * 1e3:F2} ms/batch)");
        return r;
    }
}

using System.Diagnostics;
using LstmCourse.Bench;
using LstmCourse.Torch;
using TorchSharp;

// The TorchSharp side of the LstmCourse benchmark: the C# training bench's model and batches (one-hot V=100, N=32, T=50,
// 1 layer, H=128 and 512) trained in TorchSharp with plain SGD (RESULT torchsharp) and with Adam + clip 5 (RESULT
// torchsharp_adam), at each thread count (torch.set_num_threads). bench/run.sh runs it beside ours and PyTorch. Alone:
//   dotnet run -c Release --project bench/LstmCourse.Bench.Torch -- [--quick] [--hidden 128,512] [--threads 1,2] [--optimizer sgd,adam]
// LibTorch's OpenMP threads wait passively unless OMP_WAIT_POLICY is set (TorchBridge); the policy is printed.
var settings = args.Contains("--fine") ? new Settings(0.5, 31, 0.02) : args.Contains("--quick") ? new Settings(0.3, 3, 0.2) : new Settings(1.5, 7, 0.6);
Harness.UseMinimum = args.Contains("--min");
Harness.UseCpuTime = args.Contains("--cpu");
int[] hidden = Ints(Option("--hidden") ?? "128,512");
int[] threadCounts = Ints(Option("--threads") ?? "1,2").Where(t => t <= Environment.ProcessorCount).ToArray();
string[] optimizers = (Option("--optimizer") ?? "sgd,adam").Split(',', StringSplitOptions.RemoveEmptyEntries);
TorchBridge.EnsureLoaded();
Console.WriteLine($"LstmCourse TorchSharp bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}, TorchSharp {typeof(torch).Assembly.GetName().Version}, " +
                  $"LibTorch {torch.__version__}, OMP_WAIT_POLICY={Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "PASSIVE (set by TorchBridge)"}");
foreach (int H in hidden)
    foreach (string optimizer in optimizers)
        foreach (int threads in threadCounts)
        {
            var r = TorchTrainingBench.Run(V: 100, N: 32, T: 50, H: H, threads, optimizer == "adam", settings);
            Console.WriteLine($"RESULT {r.Kind} H={r.H} threads={r.Threads} chars_per_s={r.CharsPerSecond:F0} gflops={r.GFlops:F1}");
        }
Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)} MiB");

string? Option(string name) => Array.IndexOf(args, name) is int i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
static int[] Ints(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();

internal sealed record Settings(double WarmupSeconds, int Samples, double MinSampleSeconds);

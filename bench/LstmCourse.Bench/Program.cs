using LstmCourse.Bench;
using LstmCourse.Kernels;

// The LstmCourse benchmark: SGEMM GFLOP/s and character-LSTM training speed (chars/s, GFLOP/s).
// One documented command runs it beside PyTorch: bench/run.sh (see its header). Alone:
//   dotnet run -c Release --project bench/LstmCourse.Bench -- [--quick] [--only gemm|train] [--hidden 128,512] [--threads 1,2]
// Development aids: --min (fastest sample instead of median), --cpu (process CPU time instead of wall clock),
// --fine (31 short samples, with --min --cpu the steadiest figure on a busy machine), --split streams|units (force how
// the recurrence is shared among threads; Auto picks by H), --path scalar|vector256|vector512 (force the kernels),
// --micro (the packed kernel on the shapes of one training step).
var settings = args.Contains("--fine") ? new Settings(0.5, 31, 0.02) : args.Contains("--quick") ? new Settings(0.3, 3, 0.2) : new Settings(1.5, 7, 0.6);
Harness.UseMinimum = args.Contains("--min");
Harness.UseCpuTime = args.Contains("--cpu");
string only = Option("--only") ?? "all";
int[] hidden = Ints(Option("--hidden") ?? "128,512");
var split = Enum.Parse<LstmCourse.Fast.RecurrentSplit>(Option("--split") ?? "Auto", ignoreCase: true);
var path = Kernels.Resolve(Enum.Parse<KernelPath>(Option("--path") ?? "Best", ignoreCase: true));
int[] threadCounts = Ints(Option("--threads") ?? "1,2").Where(t => t <= Environment.ProcessorCount).ToArray();
if (args.Contains("--micro"))
{
    MicroBench.Run(settings);
    return;
}
Console.WriteLine($"LstmCourse bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}, kernel path {path}" +
    $" (AVX-512F {System.Runtime.Intrinsics.X86.Avx512F.IsSupported}, AVX2 {System.Runtime.Intrinsics.X86.Avx2.IsSupported}, FMA {System.Runtime.Intrinsics.X86.Fma.IsSupported})");
if (only is "all" or "gemm")
    foreach (var (threads, gflops) in GemmBench.Run(1024, settings, threadCounts, path))
        Console.WriteLine($"RESULT sgemm n=1024 threads={threads} gflops={gflops:F1}");
if (only is "all" or "train")
    foreach (int H in hidden)
        foreach (int threads in threadCounts)
        {
            var r = TrainingBench.Run(V: 100, N: 32, T: 50, H: H, threads, settings, split, path);
            Console.WriteLine($"RESULT ours H={r.H} threads={r.Threads} chars_per_s={r.CharsPerSecond:F0} gflops={r.GFlops:F1}");
        }

string? Option(string name) => Array.IndexOf(args, name) is int i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
static int[] Ints(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();

internal sealed record Settings(double WarmupSeconds, int Samples, double MinSampleSeconds);

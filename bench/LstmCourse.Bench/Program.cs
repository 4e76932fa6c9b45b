using LstmCourse.Bench;

// The LstmCourse benchmark: SGEMM GFLOP/s and character-LSTM training speed. Run it with bench/run.sh
// (which also runs PyTorch side by side); `dotnet run -c Release --project bench/LstmCourse.Bench -- --quick` for a short run.
bool quick = args.Contains("--quick");
var settings = quick ? new Settings(0.3, 3, 0.2) : new Settings(1.5, 7, 0.6);
Harness.UseMinimum = args.Contains("--min");
Harness.UseCpuTime = args.Contains("--cpu");
if (args.Contains("--micro"))
{
    MicroBench.Run(settings);
    return;
}
Console.WriteLine($"LstmCourse bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}, kernel path {LstmCourse.Kernels.Kernels.Resolve(LstmCourse.Kernels.KernelPath.Best)}");

var gemm = GemmBench.Run(1024, settings, Math.Min(2, Environment.ProcessorCount));
var rows = new List<TrainingBench.Result>();
foreach (int H in new[] { 128, 512 })
    foreach (int threads in new[] { 1, 2 }.Where(t => t <= Environment.ProcessorCount))
        rows.Add(TrainingBench.Run(V: 100, N: 32, T: 50, H: H, threads, settings));

Console.WriteLine();
Console.WriteLine("| model | threads | chars/s | GFLOP/s | share of 1-thread SGEMM peak |");
Console.WriteLine("|---|---:|---:|---:|---:|");
foreach (var r in rows)
    Console.WriteLine($"| H={r.H} | {r.Threads} | {r.CharsPerSecond:N0} | {r.GFlops:F1} | {r.GFlops / gemm[1]:P0} |");
foreach (var (threads, g) in gemm)
    Console.WriteLine($"RESULT sgemm n=1024 threads={threads} gflops={g:F1}");
foreach (var r in rows)
    Console.WriteLine($"RESULT ours H={r.H} threads={r.Threads} chars_per_s={r.CharsPerSecond:F0} gflops={r.GFlops:F1} peak_share={r.GFlops / gemm[1]:F3}");

internal sealed record Settings(double WarmupSeconds, int Samples, double MinSampleSeconds);

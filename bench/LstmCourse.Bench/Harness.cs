using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LstmCourse.Bench;

/// <summary>Console timing: warm up (so the JIT reaches its optimised code), then several timed samples; report the median.</summary>
internal static partial class Harness
{
    /// <summary>Report the fastest sample instead of the median (--min: for side-by-side development on a loaded machine).</summary>
    public static bool UseMinimum { get; set; }

    /// <summary>Time by the process's CPU time instead of the wall clock (--cpu: single-threaded development runs on a
    /// shared machine, where waiting for a core is not the code's cost).</summary>
    public static bool UseCpuTime { get; set; }

    /// <summary>Median seconds per call of <paramref name="body"/> over <paramref name="samples"/> samples of
    /// at least <paramref name="minSampleSeconds"/> each, after <paramref name="warmupSeconds"/> of warm-up.</summary>
    public static double MedianSeconds(Action body, double warmupSeconds, int samples, double minSampleSeconds)
    {
        var sw = Stopwatch.StartNew();
        int warmCalls = 0;
        while (sw.Elapsed.TotalSeconds < warmupSeconds || warmCalls < 3) { body(); warmCalls++; }
        double perCall = sw.Elapsed.TotalSeconds / warmCalls;
        int calls = Math.Max(1, (int)Math.Ceiling(minSampleSeconds / perCall));
        var times = new double[samples];
        for (int s = 0; s < samples; s++)
        {
            double cpu0 = ProcessCpuSeconds();
            sw.Restart();
            for (int c = 0; c < calls; c++) body();
            double wall = sw.Elapsed.TotalSeconds;
            times[s] = (UseCpuTime ? ProcessCpuSeconds() - cpu0 : wall) / calls;
        }
        Array.Sort(times);
        return UseMinimum ? times[0] : times[samples / 2];
    }

    /// <summary>CPU seconds used by this process, to the nanosecond on Linux (clock_gettime), else to the scheduler tick.</summary>
    private static double ProcessCpuSeconds()
    {
        if (OperatingSystem.IsLinux() && clock_gettime(2 /* CLOCK_PROCESS_CPUTIME_ID */, out var ts) == 0) return ts.Seconds + ts.Nanoseconds * 1e-9;
        return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int clock_gettime(int clock, out TimeSpec time);
}

using System.Diagnostics;

namespace LstmCourse.Bench;

/// <summary>Console timing: warm up (so the JIT reaches its optimised code), then several timed samples; report the median.</summary>
internal static class Harness
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
        var process = Process.GetCurrentProcess();
        for (int s = 0; s < samples; s++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            sw.Restart();
            for (int c = 0; c < calls; c++) body();
            double wall = sw.Elapsed.TotalSeconds;
            process.Refresh();
            times[s] = (UseCpuTime ? (process.TotalProcessorTime - cpu0).TotalSeconds : wall) / calls;
        }
        Array.Sort(times);
        return UseMinimum ? times[0] : times[samples / 2];
    }
}

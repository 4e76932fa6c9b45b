using K = LstmCourse.Kernels.Kernels;

namespace LstmCourse.Tests.Kernels;

/// <summary>The parallel helpers: every item once, parts that really run together, failures reported.</summary>
public class ParallelTests
{
    [Fact]
    public void ParallelFor_runs_every_item_exactly_once_for_any_thread_count()
    {
        for (int threads = 1; threads <= 4; threads++)
            for (int count = 0; count <= 9; count++)
            {
                var hits = new int[count];
                K.ParallelFor(count, threads, k => Interlocked.Increment(ref hits[k]));
                Assert.All(hits, h => Assert.Equal(1, h));
            }
    }

    [Fact]
    public void RunTogether_parts_see_each_others_writes_after_every_barrier()
    {
        const int parts = 3, steps = 200;
        var written = new int[parts];
        int mismatches = 0;
        K.RunTogether(parts, (s, barrier) =>
        {
            for (int t = 1; t <= steps; t++)
            {
                Volatile.Write(ref written[s], t);
                barrier.SignalAndWait();                         // everyone has written step t
                for (int o = 0; o < parts; o++)
                    if (Volatile.Read(ref written[o]) < t) Interlocked.Increment(ref mismatches);
                barrier.SignalAndWait();                         // nobody writes t+1 before all have checked t
            }
        });
        Assert.Equal(0, mismatches);
        Assert.All(written, w => Assert.Equal(steps, w));
    }

    [Fact]
    public void A_failing_part_is_reported_and_the_helpers_keep_working()
    {
        var e = Assert.Throws<AggregateException>(() => K.RunTogether(2, (s, barrier) =>
        {
            if (s == 1) throw new InvalidOperationException("part 1 failed");
            barrier.SignalAndWait();
        }));
        Assert.Contains("part 1 failed", e.InnerException!.Message);
        var f = Assert.Throws<AggregateException>(() => K.ParallelFor(4, 2, k => { if (k == 3) throw new InvalidOperationException("item 3"); }));
        Assert.Contains("item 3", f.Flatten().InnerExceptions.Single().Message);
        var hits = new int[6];
        K.ParallelFor(6, 2, k => Interlocked.Increment(ref hits[k]));
        Assert.All(hits, h => Assert.Equal(1, h));
    }
}

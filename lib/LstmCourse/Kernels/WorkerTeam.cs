namespace LstmCourse.Kernels;

/// <summary>Persistent background threads that run one job at a time with the caller as member 0. Between jobs they
/// spin for a short while, so the many small parallel sections of a training step start at once instead of waiting
/// for the thread pool to wake a thread; then they sleep.</summary>
/// <remarks>Every member of a job runs on its own thread at the same time, so members may meet at a barrier.
/// One job at a time per process: a second caller (or a nested call) is told the team is busy and runs its work
/// another way.</remarks>
internal static class WorkerTeam
{
    /// <summary>How long an idle team thread spins before it sleeps: longer than the gaps inside a training step.</summary>
    private static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 5000;   // 200 µs

    private static readonly List<Worker> workers = [];
    private static int busy;                                     // 1 while a job runs
    private static Action<int>? job;
    private static int pending;                                  // members still running
    private static Exception? failure;

    /// <summary>Runs body(0) on the caller and body(1) … body(members − 1) on team threads, all at once; false (and
    /// nothing run) when the team is already running a job.</summary>
    public static bool TryRun(int members, Action<int> body)
    {
        if (members <= 1)
        {
            body(0);
            return true;
        }
        if (Interlocked.CompareExchange(ref busy, 1, 0) != 0) return false;
        try
        {
            while (workers.Count < members - 1) workers.Add(new Worker(workers.Count + 1));
            job = body;
            failure = null;
            Volatile.Write(ref pending, members - 1);
            for (int w = 0; w < members - 1; w++) workers[w].Start();
            Exception? own = null;
            try { body(0); }
            catch (Exception e) { own = e; }
            var spin = new SpinWait();
            while (Volatile.Read(ref pending) != 0) spin.SpinOnce(sleep1Threshold: -1);
            job = null;
            if ((own ?? failure) is { } error) throw new AggregateException(error);
            return true;
        }
        finally
        {
            Volatile.Write(ref busy, 0);
        }
    }

    private sealed class Worker
    {
        private readonly int member;
        private readonly SemaphoreSlim wake = new(0);
        private int generation, done;                            // Start bumps generation; the thread follows in done
        private int sleeping;                                    // 1 while (about to be) waiting on wake

        public Worker(int member)
        {
            this.member = member;
            new Thread(Loop) { IsBackground = true, Name = $"LstmCourse worker {member}" }.Start();
        }

        public void Start()
        {
            Interlocked.Increment(ref generation);
            if (Volatile.Read(ref sleeping) == 1) wake.Release();
        }

        private void Loop()
        {
            while (true)
            {
                long deadline = System.Diagnostics.Stopwatch.GetTimestamp() + SpinTicks;
                while (Volatile.Read(ref generation) == done)
                {
                    if (System.Diagnostics.Stopwatch.GetTimestamp() < deadline) { Thread.SpinWait(4); continue; }
                    Interlocked.Exchange(ref sleeping, 1);               // a full fence: Start either sees it or we see its job
                    if (Volatile.Read(ref generation) == done) wake.Wait();
                    Interlocked.Exchange(ref sleeping, 0);
                    deadline = System.Diagnostics.Stopwatch.GetTimestamp() + SpinTicks;
                }
                done++;
                try { job!(member); }
                catch (Exception e) { failure = e; }
                Interlocked.Decrement(ref pending);
            }
        }
    }
}

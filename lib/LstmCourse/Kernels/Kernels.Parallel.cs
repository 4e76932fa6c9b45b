using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LstmCourse.Kernels;

internal static unsafe partial class Kernels
{
    /// <summary>Runs body(0) … body(count − 1) on up to <paramref name="threads"/> threads. The work items are fixed by
    /// the caller, never by the thread count, and each writes its own outputs, so the result is the same for any count.</summary>
    /// <remarks>Item i runs on thread i mod threads of the <see cref="WorkerTeam"/>, which starts within a microsecond
    /// when its threads are awake; when the team is busy (another model in the same process) it falls back to
    /// Parallel.For.</remarks>
    public static void ParallelFor(int count, int threads, Action<int> body)
    {
        threads = Math.Min(threads, count);
        if (threads <= 1)
        {
            for (int k = 0; k < count; k++) body(k);
            return;
        }
        if (WorkerTeam.TryRun(threads, member => { for (int k = member; k < count; k += threads) body(k); })) return;
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, body);
    }

    /// <summary>Runs body(0, barrier) … body(count − 1, barrier) at the same time on count threads, for loops whose
    /// parts meet at a barrier every step. A failing part leaves the barrier, so the others finish, and its exception
    /// is rethrown here.</summary>
    public static void RunTogether(int count, Action<int, Barrier> body)
    {
        using var barrier = new Barrier(count);
        var errors = new Exception?[count];
        void Part(int s)
        {
            try { body(s, barrier); }
            catch (Exception e) { errors[s] = e; barrier.RemoveParticipant(); }
        }
        if (!WorkerTeam.TryRun(count, Part))
        {
            var workers = new Thread[count - 1];                // the team is busy: parts on threads of their own
            for (int s = 1; s < count; s++)
            {
                int part = s;
                workers[s - 1] = new Thread(() => Part(part)) { IsBackground = true, Name = "LstmCourse part" };
                workers[s - 1].Start();
            }
            Part(0);
            foreach (var w in workers) w.Join();
        }
        if (errors.FirstOrDefault(e => e is not null) is { } error) throw new AggregateException(error);
    }

    /// <summary>A float array that the garbage collector never moves, so its address can be kept.</summary>
    public static float[] PinnedFloats(int length) => GC.AllocateArray<float>(length, pinned: true);

    /// <summary>The address of element 0 of an array from <see cref="PinnedFloats"/>.</summary>
    public static float* Ptr(float[] pinned) => (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
}

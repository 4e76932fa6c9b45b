using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LstmCourse.Kernels;

internal static unsafe partial class Kernels
{
    /// <summary>Runs body(0) … body(count − 1) on up to <paramref name="threads"/> threads. The work items are fixed by
    /// the caller, never by the thread count, and each writes its own outputs, so the result is the same for any count.</summary>
    public static void ParallelFor(int count, int threads, Action<int> body)
    {
        if (threads <= 1 || count <= 1)
        {
            for (int k = 0; k < count; k++) body(k);
            return;
        }
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(threads, count) }, body);
    }

    /// <summary>A float array that the garbage collector never moves, so its address can be kept.</summary>
    public static float[] PinnedFloats(int length) => GC.AllocateArray<float>(length, pinned: true);

    /// <summary>The address of element 0 of an array from <see cref="PinnedFloats"/>.</summary>
    public static float* Ptr(float[] pinned) => (float*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
}

namespace LstmCourse.Weather;

/// <summary>Derives independent seeds from a master seed and a few integers (SplitMix64 finalizer), so a product,
/// a zone-day or a forecast error can be drawn on its own and stays the same whatever else is generated.</summary>
internal static class SeedMix
{
    public static ulong Of(int seed, long a, long b = 0, long c = 0)
    {
        ulong h = Mix(unchecked((ulong)seed) ^ 0x5EA5_0F_F0_2016UL);
        h = Mix(h ^ unchecked((ulong)a));
        h = Mix(h ^ unchecked((ulong)b));
        return Mix(h ^ unchecked((ulong)c));
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

namespace LstmCourse.Numerics;

/// <summary>Argument checks whose messages name the argument, the size found and the size expected.</summary>
internal static class Check
{
    public static void Length(string name, int actual, int expected)
    {
        if (actual != expected)
            throw new ArgumentException($"{name} has length {actual}, expected {expected}.", name);
    }

    public static void Positive(string name, int value)
    {
        if (value <= 0) throw new ArgumentException($"{name} must be a positive size, got {value}.", name);
    }

    public static void Finite(string name, ReadOnlySpan<double> values)
    {
        for (int k = 0; k < values.Length; k++)
            if (!double.IsFinite(values[k]))
                throw new ArgumentException($"{name}[{k}] is {values[k]}; inputs must be finite numbers.", name);
    }

    public static void Finite(string name, ReadOnlySpan<float> values)
    {
        for (int k = 0; k < values.Length; k++)
            if (!float.IsFinite(values[k]))
                throw new ArgumentException($"{name}[{k}] is {values[k]}; inputs must be finite numbers.", name);
    }
}

namespace LstmCourse.Notebooks.Parameters;

/// <summary>
/// One variable declared in the parameters cell, e.g. <c>int steps = 200;</c>.
/// <paramref name="Type"/> is the C# keyword of its type (int, long, float, double, decimal, bool, string),
/// or null when <c>-p</c> cannot set it; <paramref name="Declared"/> is the type as written.
/// </summary>
public sealed record ParameterDeclaration(string Name, string? Type, string Declared, int Line)
{
    /// <summary>The types <c>-p</c> can set.</summary>
    public static readonly IReadOnlyList<string> SupportedTypes = ["int", "long", "float", "double", "decimal", "bool", "string"];

    public override string ToString() => $"{Name} ({Declared})";
}

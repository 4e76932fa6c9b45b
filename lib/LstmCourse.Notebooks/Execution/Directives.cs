using System.Text.RegularExpressions;

namespace LstmCourse.Notebooks.Execution;

/// <summary>The lines of a cell that are directives rather than C#: <c>#r</c>, <c>#i</c> and Polyglot magics (<c>#!</c>).</summary>
public static partial class Directives
{
    /// <summary>Each line of <paramref name="source"/> with its 1-based number, leading whitespace removed.</summary>
    public static IEnumerable<(int Line, string Text)> Lines(string source) =>
        source.Split('\n').Select((text, i) => (i + 1, text.TrimStart().TrimEnd('\r')));

    /// <summary>A Polyglot magic command such as <c>#!time</c>: the kernel's, not C#.</summary>
    public static bool IsMagic(string line) => line.StartsWith("#!", StringComparison.Ordinal);

    /// <summary>The quoted argument of a <c>#r "..."</c> line, or null.</summary>
    public static string? Reference(string line) => Quoted(ReferencePattern(), line);

    /// <summary>A <c>#i "..."</c> line (a NuGet package source), or null.</summary>
    public static string? PackageSource(string line) => Quoted(PackageSourcePattern(), line);

    /// <summary>True for <c>#r "nuget:..."</c>.</summary>
    public static bool IsNuGet(string reference) => reference.TrimStart().StartsWith("nuget:", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>#r "path"</c> references of a cell that name files (not NuGet packages), with their lines.</summary>
    public static IEnumerable<(int Line, string Path)> FileReferences(string source) =>
        Lines(source)
            .Select(line => (line.Line, Path: Reference(line.Text)))
            .Where(r => r.Path is not null && !IsNuGet(r.Path) && LooksLikeFile(r.Path))
            .Select(r => (r.Line, r.Path!));

    private static bool LooksLikeFile(string reference) =>
        reference.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || reference.Contains('/') || reference.Contains('\\');

    private static string? Quoted(Regex pattern, string line) =>
        pattern.Match(line) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("""^#r\s+"([^"]*)"\s*$""")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex("""^#i\s+"([^"]*)"\s*$""")]
    private static partial Regex PackageSourcePattern();
}

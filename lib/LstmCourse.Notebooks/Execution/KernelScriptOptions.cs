using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace LstmCourse.Notebooks.Execution;

/// <summary>
/// Roslyn script options matching the Polyglot C# kernel: its default imports, every framework assembly,
/// and the notebook's folder as the base of <c>#r</c> and <c>#load</c>. The host's own dependencies are not
/// referenced, so a notebook's <c>#r</c> of a library is never ambiguous with a copy the host carries.
/// </summary>
internal static class KernelScriptOptions
{
    /// <summary>The kernel's default imports.</summary>
    public static readonly ImmutableArray<string> Imports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFramework);

    /// <summary>Options for running the cells of the notebook at <paramref name="notebookPath"/> (a full path).</summary>
    public static ScriptOptions For(string notebookPath)
    {
        string folder = Path.GetDirectoryName(notebookPath)!;
        return ScriptOptions.Default
            .WithReferences(FrameworkReferences.Value)
            .AddReferences(typeof(KernelGlobals).Assembly)
            .WithImports(Imports)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(folder))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(folder))
            .WithFilePath(notebookPath)
            .WithFileEncoding(Encoding.UTF8)
            .WithEmitDebugInformation(true)
            .WithOptimizationLevel(OptimizationLevel.Debug);   // as the .NET Interactive kernel compiles cells: timings measured here hold there
    }

    /// <summary>True for a file of the shared framework (as opposed to the host application's own assemblies).</summary>
    public static bool IsFrameworkAssembly(string path) =>
        string.Equals(Path.GetDirectoryName(Path.GetFullPath(path)), FrameworkDirectory(), StringComparison.Ordinal);

    /// <summary>The trusted platform assemblies: what the default load context resolves before anything else.</summary>
    public static IEnumerable<string> TrustedPlatformAssemblies() =>
        (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    private static string FrameworkDirectory() => Path.GetDirectoryName(typeof(object).Assembly.Location)!;

    private static ImmutableArray<MetadataReference> LoadFramework() =>
        TrustedPlatformAssemblies()
            .Where(IsFrameworkAssembly)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
}

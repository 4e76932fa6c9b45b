using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using LstmCourse.Notebooks.Execution;

namespace LstmCourse.Notebooks.Running;

/// <summary>
/// Roslyn scripting lets the host's default load context answer first: when a notebook does <c>#r "x/Lib.dll"</c>
/// and the host application itself carries an assembly named Lib, the notebook runs against the host's copy.
/// Harmless when the two files are the same build; this finds the case where they are not.
/// </summary>
public static class HostAssemblies
{
    /// <summary>The host's own copy of the assembly at <paramref name="referencePath"/> when it is a different build, else null.</summary>
    public static string? DifferentHostCopy(string referencePath)
    {
        if (!File.Exists(referencePath))
        {
            return null;
        }
        string? name;
        try
        {
            name = AssemblyName.GetAssemblyName(referencePath).Name;
        }
        catch (Exception error) when (error is BadImageFormatException or FileLoadException)
        {
            return null;
        }
        string? hostCopy = KernelScriptOptions.TrustedPlatformAssemblies().FirstOrDefault(path =>
            !KernelScriptOptions.IsFrameworkAssembly(path)
            && string.Equals(Path.GetFileNameWithoutExtension(path), name, StringComparison.OrdinalIgnoreCase));
        if (hostCopy is null || !File.Exists(hostCopy))
        {
            return null;
        }
        return Mvid(hostCopy) == Mvid(referencePath) ? null : hostCopy;
    }

    /// <summary>The module version id: with deterministic builds, equal exactly when the two files are the same build.</summary>
    private static Guid Mvid(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }
}

using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using LstmCourse.Notebooks.Tests.Course;
using LstmCourse.Notebooks.Tests.Support;

namespace LstmCourse.Notebooks.Tests.Runner;

/// <summary>
/// A Debug build and a Release build cannot break each other: the library built in the other configuration (as
/// `dotnet test` builds Debug and the README's runner is Release) is what the notebooks' #r loads, and the runner of this
/// configuration runs them, because notebooks run in a kernel process that carries no copy of the library.
/// </summary>
public class BuildConfigurationTests
{
#if DEBUG
    private const string Other = "Release";
#else
    private const string Other = "Debug";
#endif

    [Fact]
    public void The_library_built_in_the_other_configuration_runs_under_this_configurations_runner()
    {
        // The scratch course gets an artifacts/lib of its own, built in the other configuration.
        using var scratch = new ScratchCourse("00-start-here.ipynb", "artifacts");
        string lib = Path.GetDirectoryName(scratch.PathOf("artifacts", "lib", "LstmCourse.dll"))!;
        var build = ChildProcess.Run("dotnet", CourseNotebooks.RepositoryRoot, TimeSpan.FromMinutes(5),
            ["build", Path.Combine("lib", "LstmCourse", "LstmCourse.csproj"), "-c", Other, $"-p:OutputPath={lib}{Path.DirectorySeparatorChar}", "-nologo", "-v", "q"]);
        var (buildExit, buildOutput) = (build.ExitCode, build.All);
        Assert.True(buildExit == 0, buildOutput);
        string built = Path.Combine(lib, "LstmCourse.dll");
        string carried = typeof(LstmCourse.Numerics.Matrix).Assembly.Location;   // the copy this configuration's runner carries
        Assert.NotEqual(Mvid(carried), Mvid(built));

        var run = ChildProcess.LstmCourse(scratch.Root, TimeSpan.FromMinutes(5), "run", Path.Combine("notebooks", "00-start-here.ipynb"), "--output", "executed");
        var (exit, output) = (run.ExitCode, run.All);

        Assert.True(exit == 0, $"the {Other} library under this runner: exit {exit}\n{output}");
        Assert.Contains("00-start-here.ipynb", output);
        Assert.DoesNotContain("different build", output);
    }

    private static Guid Mvid(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }
}

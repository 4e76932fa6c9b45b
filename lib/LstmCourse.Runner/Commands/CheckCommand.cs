using LstmCourse.Runner.Checks;

namespace LstmCourse.Runner.Commands;

/// <summary><c>lstm-course check</c>: the workshop preflight. Is this machine ready to run the notebooks?</summary>
public sealed class CheckCommand(Func<string, string?> sdkVersion) : ICommand
{
    public CheckCommand()
        : this(DotnetToolchain.SdkVersion)
    {
    }

    public string Name => "check";

    public string Summary => "check this machine is ready for the notebooks (SDK, library built, notebooks compile)";

    public string Usage => """
        lstm-course check [--notebooks DIR]

        Workshop preflight, without running any cell: the .NET runtime and SDK are recent enough, every DLL
        the notebooks #r exists (else the build command to run), every notebook reads and holds nothing the
        runner cannot run, and every code cell compiles (cells compiled in order, as a run would).
        Prints one OK or PROBLEM line per finding, with the fix.

          --notebooks DIR   the folder of notebooks to check (default: notebooks under the current directory)

        Exit codes: 0 all OK; 1 usage error (no such folder); 2 a problem was found.
        """;

    public int Execute(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var parsed = Arguments.Parse(Name, args, [], ["--notebooks"]);
        if (parsed.Positionals.Count > 0)
        {
            throw new UsageException($"check takes no paths; give the folder with --notebooks DIR (got '{parsed.Positionals[0]}').");
        }
        string given = parsed.Value("--notebooks") ?? "notebooks";
        string folder = Path.GetFullPath(given);
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"no folder '{given}' ({folder}); run from the repository root or pass --notebooks DIR.");
        }
        var notebooks = NotebookPaths.Expand([folder]);
        output.WriteLine($"lstm-course check: {notebooks.Count} notebook(s) in {NotebookPaths.Show(folder)}");
        var report = new CheckReport(output);
        DotnetToolchain.Check(report, () => sdkVersion(folder));
        NotebookChecks.Check(report, notebooks, folder);
        output.WriteLine(report.Problems == 0
            ? "verdict: all OK, ready to run the notebooks."
            : $"verdict: {report.Problems} problem(s); fix them and run lstm-course check again.");
        return report.Problems == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}

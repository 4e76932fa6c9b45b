using System.ComponentModel;
using System.Diagnostics;

namespace LstmCourse.Notebooks.Tests.Support;

/// <summary>Runs a program as a user would, in a folder, and returns its exit code and what it printed.</summary>
internal static class ChildProcess
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        /// <summary>Both streams, for failure messages.</summary>
        public string All => Output + Error;
    }

    /// <summary>Runs <paramref name="program"/>; past <paramref name="limit"/> it is killed and the exit code is -1.</summary>
    public static Result Run(string program, string folder, TimeSpan limit, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                return new Result(-1, output.Result, $"killed after {limit}\n{error.Result}");
            }
            return new Result(process.ExitCode, output.Result, error.Result);
        }
        catch (Win32Exception error)
        {
            return new Result(-1, "", $"{program} could not start: {error.Message}");
        }
    }

    /// <summary>The real <c>lstm-course</c> of this build: <c>dotnet lstm-course.dll ARGS</c> in <paramref name="folder"/>.</summary>
    public static Result LstmCourse(string folder, TimeSpan limit, params string[] args) =>
        Run("dotnet", folder, limit, [Path.Combine(AppContext.BaseDirectory, "lstm-course.dll"), .. args]);
}

using System.Diagnostics;

namespace LstmCourse.Runner.Checks;

/// <summary>Checks that the .NET SDK is there and recent enough: the runner targets net10.0 and the last Polyglot kernel needs the .NET 10 SDK.</summary>
public static class DotnetToolchain
{
    /// <summary>The oldest SDK major version that builds the course.</summary>
    public const int MinimumSdkMajor = 10;

    private const string Install = "install the .NET 10 SDK (https://dotnet.microsoft.com/download) and make sure 'dotnet' is on PATH";

    /// <summary>Reports the runtime running this check and the SDK that <paramref name="sdkVersion"/> finds.</summary>
    public static void Check(CheckReport report, Func<string?> sdkVersion)
    {
        report.Ok($".NET runtime {Environment.Version} runs lstm-course");
        string? version = sdkVersion();
        if (version is null)
        {
            report.Problem("no .NET SDK found ('dotnet --version' did not answer)", Install);
        }
        else if (!Version.TryParse(version.Split('-', '+')[0], out var parsed) || parsed.Major < MinimumSdkMajor)
        {
            report.Problem($".NET SDK {version} is older than {MinimumSdkMajor}.0", Install);
        }
        else
        {
            report.Ok($".NET SDK {version} (dotnet --version)");
        }
    }

    /// <summary>Runs <c>dotnet --version</c> (which honours global.json) in <paramref name="folder"/>; null if it fails.</summary>
    public static string? SdkVersion(string folder)
    {
        try
        {
            var start = new ProcessStartInfo("dotnet", "--version")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }
            var stdout = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            string text = stdout.Result.Trim();
            return process.ExitCode == 0 && text.Length > 0 ? text : null;
        }
        catch (Exception error) when (error is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }
}

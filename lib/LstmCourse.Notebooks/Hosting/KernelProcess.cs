using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LstmCourse.Notebooks.Hosting;

/// <summary>Starts and ends <c>lstm-course-kernel</c>, the process that runs one notebook, found beside this assembly.</summary>
internal static class KernelProcess
{
    /// <summary>The kernel's file name: built beside every program that references LstmCourse.Kernel.</summary>
    public const string FileName = "lstm-course-kernel.dll";

    /// <summary>Where the kernel should be.</summary>
    public static string Location => Path.Combine(AppContext.BaseDirectory, FileName);

    /// <summary>
    /// Starts the kernel in <paramref name="workingDirectory"/> (the notebook's folder), stdin open for the request,
    /// stderr collected into <paramref name="stderr"/>, stdout drained; null when it is not there or cannot start.
    /// </summary>
    public static Process? Start(string pipeName, string workingDirectory, ProcessTail stderr)
    {
        if (!File.Exists(Location))
        {
            return null;
        }
        var start = new ProcessStartInfo(Muxer())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { Location, "--events", pipeName, "--host", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }
        try
        {
            var process = Process.Start(start)!;
            var stdout = new ProcessTail();
            process.OutputDataReceived += (_, line) => stdout.Add(line.Data);
            process.ErrorDataReceived += (_, line) => stderr.Add(line.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return process;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Ends the kernel and everything it started, if it is still running.</summary>
    public static void End(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (Exception error) when (error is InvalidOperationException or Win32Exception or NotSupportedException)
        {
        }
    }

    /// <summary>What to say when the kernel is not where it should be.</summary>
    public static string Missing() => File.Exists(Location)
        ? $"{Location} is there but did not start with {Muxer()}"
        : $"{Location} is missing";

    /// <summary>The dotnet host that runs this process: the kernel runs on the same runtime.</summary>
    private static string Muxer()
    {
        string exe = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && Path.GetFileName(self).Equals(exe, StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }
        // The shared framework lives in <root>/shared/Microsoft.NETCore.App/<version>/; the host is <root>/dotnet.
        string root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        string candidate = Path.Combine(root, exe);
        return File.Exists(candidate) ? candidate : exe;
    }
}

/// <summary>The first and the last few thousand characters of a process's stream, kept for error messages.</summary>
internal sealed class ProcessTail
{
    private const int Keep = 3000;
    private readonly System.Text.StringBuilder head = new();
    private readonly System.Text.StringBuilder tail = new();
    private readonly object gate = new();
    private bool cut;

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (gate)
        {
            if (head.Length < Keep)
            {
                head.Append(line).Append('\n');
                return;
            }
            tail.Append(line).Append('\n');
            if (tail.Length > 2 * Keep)
            {
                tail.Remove(0, tail.Length - Keep);
                cut = true;
            }
        }
    }

    /// <summary>What was kept; "..." marks a cut in the middle.</summary>
    public string Text()
    {
        lock (gate)
        {
            string end = tail.ToString();
            if (cut || end.Length > Keep)
            {
                end = "...\n" + end[^Math.Min(Keep, end.Length)..];
            }
            return (head + end).Trim();
        }
    }
}

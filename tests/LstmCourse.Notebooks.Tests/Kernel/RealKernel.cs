using System.Text.Json.Nodes;
using LstmCourse.Notebooks.Tests.Course;
using LstmCourse.Notebooks.Tests.Support;

namespace LstmCourse.Notebooks.Tests.Kernel;

/// <summary>
/// The real .NET Interactive kernel (the dotnet tool pinned in .config/dotnet-tools.json) driven by Jupyter's nbclient,
/// as JupyterLab, Jupyter Notebook and VS Code's Jupyter extension drive it.
/// </summary>
internal static class RealKernel
{
    /// <summary>The one command that sets the kernel up on a fresh machine.</summary>
    public const string SetupCommand = "bash .ci/install-kernel";

    /// <summary>Set to 1 where the kernel must be there (CI): a missing kernel then fails the tests instead of skipping them.</summary>
    public const string RequireVariable = "LSTMCOURSE_REQUIRE_REAL_KERNEL";

    private const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> Missing = new(FindMissing);

    /// <summary>Null when the kernel can run here, else what is missing.</summary>
    public static string? WhatIsMissing => Missing.Value;

    /// <summary>True when the environment says the kernel must be there.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Runs <paramref name="notebook"/> in the kernel, writing the executed copy to <paramref name="output"/>; returns the seconds it took.</summary>
    public static double Run(string notebook, string output, int cellTimeoutSeconds = 600)
    {
        string script = Path.Combine(AppContext.BaseDirectory, "Kernel", "run_in_jupyter.py");
        var (exit, stdout, stderr) = Exec(Python, Path.GetDirectoryName(notebook)!, TimeSpan.FromMinutes(15),
            script, notebook, output, cellTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (exit != 0)
        {
            throw new InvalidOperationException($"run_in_jupyter.py exited {exit} for {notebook}:\n{stderr}\n{stdout}");
        }
        string last = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        return JsonNode.Parse(last)!["seconds"]!.GetValue<double>();
    }

    private static string? FindMissing()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} is missing";
        }
        var (exit, _, error) = Exec(Python, CourseNotebooks.RepositoryRoot, TimeSpan.FromMinutes(1), "-c",
            "import nbclient, nbformat\nfrom jupyter_client.kernelspec import KernelSpecManager\nKernelSpecManager().get_kernel_spec('.net-csharp')");
        if (exit != 0)
        {
            string last = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? $"exit {exit}";
            return $"Jupyter's nbclient or the .net-csharp kernelspec is missing ({last.Trim()})";
        }
        var (toolExit, _, toolError) = Exec("dotnet", CourseNotebooks.RepositoryRoot, TimeSpan.FromMinutes(1), "tool", "run", "dotnet-interactive", "--version");
        return toolExit == 0 ? null : $"the dotnet-interactive tool is not restored ({toolError.Trim()})";
    }

    private static (int Exit, string Output, string Error) Exec(string program, string folder, TimeSpan limit, params string[] args)
    {
        var result = ChildProcess.Run(program, folder, limit, args, new Dictionary<string, string> { ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1" });
        return (result.ExitCode, result.Output, result.Error);
    }
}

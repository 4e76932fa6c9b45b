using System.Diagnostics;
using System.Security.Cryptography;
using LstmCourse.Notebooks.Tests.Support;

namespace LstmCourse.Notebooks.Tests.Course;

/// <summary>"The book builds": every course notebook runs headlessly through the real <c>lstm-course run</c>, with its
/// default parameters, and fails loudly when any cell fails (the notebooks throw when a result is wrong).</summary>
/// <remarks>Each runs in a scratch copy of <c>notebooks/</c> whose siblings (artifacts, datasets, models) link to the
/// repository, so what a notebook writes stays out of the repository and the committed files are never touched.</remarks>
public class CourseNotebookRunTests
{
    [Theory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    public void Runs_headlessly_without_a_failing_cell(string name)
    {
        string source = Path.Combine(CourseNotebooks.Folder, name);
        byte[] before = SHA256.HashData(File.ReadAllBytes(source));
        using var temp = new TempFolder();
        var links = new List<string>();
        try
        {
            foreach (string sibling in new[] { "artifacts", "datasets", "models", "configs" })
            {
                string target = Path.Combine(CourseNotebooks.RepositoryRoot, sibling);
                if (!Directory.Exists(target)) continue;
                links.Add(Path.Combine(temp.Root, sibling));
                Directory.CreateSymbolicLink(links[^1], target);
            }
            RunIn(temp.Root, name, source, before);
        }
        finally
        {
            foreach (string link in links) if (Directory.Exists(link)) Directory.Delete(link, recursive: false);  // the link only, never the target
        }
    }

    private static void RunIn(string root, string name, string source, byte[] before)
    {
        var temp = new { Root = root };
        string notebooks = Path.Combine(temp.Root, "notebooks");
        Directory.CreateDirectory(notebooks);
        File.Copy(source, Path.Combine(notebooks, name));

        var (exit, output) = Spawn(temp.Root, "run", Path.Combine("notebooks", name), "--output", "executed", "--cell-timeout", "300");

        Assert.True(exit == 0, $"lstm-course run {name} exited {exit}:\n{output}");
        Assert.True(File.Exists(Path.Combine(temp.Root, "executed", name)), output);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(source)));
    }

    private static (int ExitCode, string Output) Spawn(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lstm-course.dll"));
        foreach (string arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out after 10 minutes\n" + output.Result + error.Result);
        }
        return (process.ExitCode, output.Result + error.Result);
    }
}

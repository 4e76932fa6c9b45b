using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using LstmCourse.Notebooks.Tests.Support;
using Xunit.Abstractions;

namespace LstmCourse.Notebooks.Tests.Course;

/// <summary>
/// "The book builds" for every run a learner is invited to make (<see cref="NotebookMatrix"/>): each row runs the real
/// <c>lstm-course run</c> in a scratch copy of the course and must exit 0, every cell ok (the notebooks throw when a
/// claim does not hold), the committed notebook untouched. Rows run two at a time (LSTMCOURSE_NOTEBOOK_JOBS) in
/// separate processes, started together when the first row is asked for; each test waits for its own row.
/// </summary>
public class NotebookMatrixTests(ITestOutputHelper log)
{
    private static readonly Lazy<IReadOnlyDictionary<string, Task<(int Exit, string Output, double Seconds)>>> Runs = new(StartAll);

    [Theory]
    [MemberData(nameof(NotebookMatrix.Names), MemberType = typeof(NotebookMatrix))]
    public async Task Runs_headlessly_with_every_cell_ok(string row)
    {
        var (exit, output, seconds) = await Runs.Value[row];
        log.WriteLine($"{row}: exit {exit} in {seconds:0.0} s");
        Assert.True(exit == 0, $"lstm-course run {row} exited {exit}:\n{output}");
    }

    [Fact]
    public void The_matrix_holds_every_notebook_at_its_defaults_with_other_seeds_and_the_readme_example()
    {
        var rows = NotebookMatrix.Rows;
        foreach (string name in CourseNotebooks.Paths.Select(path => Path.GetFileName(path)))
        {
            Assert.Contains(rows, r => r.Notebook == name && r.Parameters.Count == 0);
            Assert.True(rows.Count(r => r.Notebook == name && r.Why.Contains("another seed", StringComparison.Ordinal)) >= (NotebookMatrix.Fast ? 1 : 3), name);
        }
        Assert.Contains(rows, r => r.Why.Contains("README example", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Why.Contains("Try this", StringComparison.Ordinal));
    }

    private static IReadOnlyDictionary<string, Task<(int, string, double)>> StartAll()
    {
        int jobs = int.TryParse(Environment.GetEnvironmentVariable("LSTMCOURSE_NOTEBOOK_JOBS"), out int j) && j > 0 ? j : 2;
        var gate = new SemaphoreSlim(jobs);
        var runs = new ConcurrentDictionary<string, Task<(int, string, double)>>();
        foreach (var row in NotebookMatrix.Rows)
        {
            runs[row.ToString()] = Task.Run(async () =>
            {
                await gate.WaitAsync();
                try
                {
                    return RunRow(row);
                }
                finally
                {
                    gate.Release();
                }
            });
        }
        return runs;
    }

    private static (int, string, double) RunRow(NotebookRow row)
    {
        using var scratch = new ScratchCourse(row.Notebook);
        byte[] before = SHA256.HashData(File.ReadAllBytes(scratch.Source));
        var args = new List<string> { "run", Path.Combine("notebooks", row.Notebook), "--output", "executed", "--cell-timeout", "300" };
        foreach (string parameter in row.Parameters)
        {
            args.Add("-p");
            args.Add(parameter);
        }
        var watch = Stopwatch.StartNew();
        var run = ChildProcess.LstmCourse(scratch.Root, TimeSpan.FromMinutes(10), [.. args]);
        var (exit, output) = (run.ExitCode, run.All);
        double seconds = watch.Elapsed.TotalSeconds;
        if (exit == 0 && !File.Exists(scratch.PathOf("executed", row.Notebook)))
        {
            return (-2, "exit 0 but no executed notebook was written\n" + output, seconds);
        }
        if (!before.SequenceEqual(SHA256.HashData(File.ReadAllBytes(scratch.Source))))
        {
            return (-3, "the committed notebook changed\n" + output, seconds);
        }
        return (exit, output, seconds);
    }
}

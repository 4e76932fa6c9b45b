using System.Diagnostics;
using LstmCourse.Notebooks.Hosting;
using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Running;
using LstmCourse.Notebooks.Tests.Course;
using LstmCourse.Notebooks.Tests.Support;
using Xunit.Abstractions;

namespace LstmCourse.Notebooks.Tests.Kernel;

/// <summary>
/// Every course notebook runs in the real .NET Interactive kernel through Jupyter (the kernel VS Code and Jupyter front
/// ends use) without an error output, and our runner writes the same outputs (<see cref="OutputComparison"/>).
/// Skipped where the kernel is not set up (with the command that sets it up); CI sets it up and requires it.
/// </summary>
public class RealKernelTests(ITestOutputHelper log)
{
    [SkippableTheory]
    [MemberData(nameof(CourseNotebooks.Names), MemberType = typeof(CourseNotebooks))]
    public void Runs_in_the_real_kernel_without_errors_and_our_runner_writes_the_same_outputs(string name)
    {
        if (RealKernel.WhatIsMissing is { } missing)
        {
            Assert.False(RealKernel.Required, $"{RealKernel.RequireVariable}=1 but the real kernel cannot run here: {missing}. Set it up with: {RealKernel.SetupCommand}");
            Skip.If(true, $"the real .NET Interactive kernel is not set up here ({missing}); enable these tests with: {RealKernel.SetupCommand}");
        }
        using var scratch = new ScratchCourse(name);
        string kernelCopy = scratch.PathOf("kernel", name);
        double kernelSeconds = RealKernel.Run(scratch.NotebookPath, kernelCopy);
        var watch = Stopwatch.StartNew();
        var ours = NotebookHost.Run(Notebook.Load(scratch.NotebookPath));
        double ourSeconds = watch.Elapsed.TotalSeconds;
        var kernel = Notebook.Load(kernelCopy);

        var errors = kernel.Cells.Select((cell, i) => (cell, i))
            .SelectMany(c => c.cell.Outputs.Where(o => o.OutputType == Output.ErrorType).Select(o => $"cell {c.i + 1}: {o.ErrorValue}"))
            .ToList();
        Assert.True(errors.Count == 0, $"{name} failed in the real kernel:\n{string.Join("\n", errors)}");
        Assert.True(ours.Status == NotebookStatus.Succeeded, $"{name} failed in our runner: {string.Join("; ", ours.Cells.Where(c => c.Error is not null).Select(c => c.Error))}");
        Table(name, kernel, ours, kernelSeconds, ourSeconds);
        var differences = OutputComparison.Differences(kernel, ours.Executed!, ours.UpdatedOutputs);
        Assert.True(differences.Count == 0, $"{name}: the real kernel and our runner wrote different outputs:\n{string.Join("\n", differences)}");
    }

    /// <summary>Logs the comparison table the issue asks for: per code cell, the outputs in each host, and the time in each.</summary>
    private void Table(string name, Notebook kernel, NotebookRunResult ours, double kernelSeconds, double ourSeconds)
    {
        log.WriteLine($"{name}: real kernel {kernelSeconds:0.0} s, our runner {ourSeconds:0.0} s; {ours.UpdatedOutputs.Count} live display(s) updated");
        for (int i = 0; i < kernel.Cells.Count; i++)
        {
            if (kernel.Cells[i].Kind == CellKind.Code)
            {
                log.WriteLine($"  cell {i + 1}: kernel [{OutputComparison.Kinds(kernel.Cells[i].Outputs.Where(o => !OutputComparison.IsBootstrap(o)))}]"
                    + $" ours [{OutputComparison.Kinds(ours.Executed!.Cells[i].Outputs)}]");
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipes;
using System.Text;
using LstmCourse.Notebooks.Execution;
using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Running;

namespace LstmCourse.Notebooks.Hosting;

/// <summary>
/// Runs each notebook in its own kernel process (<c>lstm-course-kernel</c>), as Jupyter runs a notebook in its kernel:
/// the process loads what the notebook's <c>#r</c> names and nothing of this host's; a cell that exits, fails fast,
/// overflows the stack, hangs or floods its output ends only its own notebook, which is saved with every output that
/// happened before and an error naming the cell. Thread-safe: several notebooks can run at once.
/// </summary>
public static class NotebookHost
{
    /// <summary>How long a finished kernel gets to exit before it is ended (threads a cell left running keep it alive).</summary>
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(5);

    /// <summary>How long a kernel process gets to start and connect.</summary>
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="source"/> (loaded from a file) in a new kernel process.</summary>
    public static NotebookRunResult Run(Notebook source, NotebookRunOptions? options = null, INotebookRunObserver? observer = null)
    {
        options ??= new NotebookRunOptions();
        var watch = Stopwatch.StartNew();
        var problems = PreparedNotebook.Prepare(source, options.Parameters, out var prepared, inThisProcess: false);
        if (prepared is null)
        {
            return new NotebookRunResult(null, NotebookStatus.Rejected, PreparedNotebook.NotRun(source), problems, watch.Elapsed);
        }
        var run = new KernelRun(prepared, options, observer);
        var cells = run.Execute();
        return new NotebookRunResult(prepared.Notebook, NotebookRunner.StatusOf(cells), cells, run.Problems, watch.Elapsed)
        {
            UpdatedOutputs = run.UpdatedOutputs,
        };
    }

    /// <summary>One notebook in one kernel process: sends the request, applies the events, watches the clock.</summary>
    private sealed class KernelRun(PreparedNotebook prepared, NotebookRunOptions options, INotebookRunObserver? observer)
    {
        private readonly Notebook notebook = prepared.Notebook;
        private readonly List<CellResult> results = [];
        private readonly HashSet<(int Cell, int Position)> updated = [];
        private readonly Dictionary<int, int> ordinals = [];
        private readonly ProcessTail stderr = new();
        private int? running;
        private DateTime runningSince;
        private long runningOutput;

        public List<NotebookProblem> Problems { get; } = [];

        public IReadOnlyCollection<(int Cell, int Position)> UpdatedOutputs => updated;

        public List<CellResult> Execute()
        {
            foreach (Cell cell in notebook.Cells.Where(cell => cell.Kind == CellKind.Code))
            {
                cell.ClearOutputs();
                cell.ExecutionCount = null;
            }
            string pipeName = $"lstm-course-{Environment.ProcessId}-{Guid.NewGuid():N}";
            using var pipe = new NamedPipeServerStream(pipeName, PipeDirection.In, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
            using var process = KernelProcess.Start(pipeName, Path.GetDirectoryName(notebook.Path)!, stderr);
            if (process is null)
            {
                return Abandon("the kernel process (lstm-course-kernel) could not be started", KernelProcess.Missing());
            }
            try
            {
                var connect = pipe.WaitForConnectionAsync();
                process.StandardInput.Write(new KernelRequest(prepared, options.StopOnError, options.OutputLimit).ToJson());
                process.StandardInput.Close();
                if (!WaitForConnection(connect, process))
                {
                    return Abandon($"the kernel process ended before it started the notebook (exit code {ExitCode(process)})", stderr.Text());
                }
                bool done = Pump(pipe, process);
                Finish(process, done);
            }
            finally
            {
                KernelProcess.End(process);
            }
            return results;
        }

        private static bool WaitForConnection(Task connect, Process process)
        {
            var deadline = DateTime.UtcNow + StartLimit;
            while (!connect.Wait(100))
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>Applies events until "done", the end of the pipe, or a cell over its time; true when the notebook ran to the end.</summary>
        private bool Pump(Stream pipe, Process process)
        {
            var lines = new BlockingCollection<string?>();
            var reader = new Thread(() => ReadLines(pipe, lines)) { IsBackground = true, Name = "kernel events" };
            reader.Start();
            while (true)
            {
                if (!lines.TryTake(out string? line, TimeSpan.FromMilliseconds(100)))
                {
                    if (running is int cell && DateTime.UtcNow - runningSince > options.CellTimeout)
                    {
                        KernelProcess.End(process);
                        Fail(cell, CellStatus.TimedOut, CellErrors.Timeout(prepared.Labels[cell], options.CellTimeout));
                        return false;
                    }
                    continue;
                }
                if (line is null)
                {
                    return false;
                }
                KernelEvent message;
                try
                {
                    message = KernelEvent.Parse(line);
                }
                catch (FormatException)
                {
                    continue;   // not from the kernel's event writer; nothing to apply
                }
                if (message.Kind == KernelEvent.Done)
                {
                    return true;
                }
                if (!Apply(message))
                {
                    KernelProcess.End(process);
                    return false;
                }
            }
        }

        private static void ReadLines(Stream pipe, BlockingCollection<string?> lines)
        {
            try
            {
                using var reader = new StreamReader(pipe, Encoding.UTF8);
                while (reader.ReadLine() is { } line)
                {
                    lines.Add(line);
                }
            }
            catch (IOException)
            {
            }
            lines.Add(null);
        }

        /// <summary>Applies one event; false when the kernel must be stopped (a cell past its output limit).</summary>
        private bool Apply(KernelEvent message)
        {
            if (message.Cell < 0 || message.Cell >= notebook.Cells.Count || notebook.Cells[message.Cell].Kind != CellKind.Code)
            {
                return true;
            }
            Cell cell = notebook.Cells[message.Cell];
            switch (message.Kind)
            {
                case KernelEvent.Start:
                    running = message.Cell;
                    runningSince = DateTime.UtcNow;
                    runningOutput = 0;
                    ordinals[message.Cell] = message.Ordinal;
                    cell.ExecutionCount = message.Ordinal;
                    observer?.CellStarting(message.Ordinal, prepared.CodeCells, message.Cell, prepared.Labels[message.Cell], cell);
                    break;
                case KernelEvent.Added when message.Position == cell.Outputs.Count:
                    var output = Output.FromJson(message.Output!);
                    runningOutput += output.Size;
                    if (runningOutput > 2 * options.OutputLimit + 1_000_000)
                    {
                        // The kernel caps each cell itself; a cell that gets past the cap is stopped here.
                        Fail(message.Cell, CellStatus.Failed, Output.Error("OutputLimit", OutputSink.TruncationNotice(options.OutputLimit).Trim(), []));
                        return false;
                    }
                    cell.AddOutput(output);
                    break;
                case KernelEvent.Replaced when message.Position < cell.Outputs.Count:
                    cell.ReplaceOutput(message.Position, Output.FromJson(message.Output!));
                    updated.Add((message.Cell, message.Position));
                    break;
                case KernelEvent.Finish:
                    if (running == message.Cell)
                    {
                        running = null;
                    }
                    var result = new CellResult(message.Cell, prepared.Labels[message.Cell], message.Ordinal, prepared.CodeCells,
                        message.Status, TimeSpan.FromSeconds(message.Seconds), message.Error);
                    results.Add(result);
                    observer?.CellFinished(result);
                    break;
            }
            return true;
        }

        /// <summary>After the events end: if the notebook did not run to the end, the running cell failed and the rest did not run.</summary>
        private void Finish(Process process, bool done)
        {
            if (done)
            {
                if (!process.WaitForExit(ExitGrace))
                {
                    KernelProcess.End(process);
                }
                return;
            }
            if (process.WaitForExit(ExitGrace))
            {
                process.WaitForExit();   // and for its stderr to be read to the end: the cause of death is there
            }
            if (running is int cell)
            {
                Fail(cell, CellStatus.Failed, KernelDied(prepared.Labels[cell], process));
            }
            else if (results.Count < prepared.CodeCells && !results.Any(r => r.Status == CellStatus.TimedOut))
            {
                Problems.Add(new NotebookProblem("kernel", $"the kernel process ended between cells (exit code {ExitCode(process)}). {stderr.Text()}".Trim(),
                    "run the notebook again; if it happens again, report it with the notebook."));
            }
            MarkRestNotRun();
        }

        private void Fail(int cell, CellStatus status, Output error)
        {
            notebook.Cells[cell].AddOutput(error);
            var result = new CellResult(cell, prepared.Labels[cell], ordinals.GetValueOrDefault(cell), prepared.CodeCells,
                status, DateTime.UtcNow - runningSince, error.ErrorValue);
            results.Add(result);
            observer?.CellFinished(result);
            running = null;
            MarkRestNotRun();
        }

        private void MarkRestNotRun()
        {
            var finished = results.Select(r => r.Index).ToHashSet();
            int ordinal = 0;
            for (int index = 0; index < notebook.Cells.Count; index++)
            {
                if (notebook.Cells[index].Kind != CellKind.Code)
                {
                    continue;
                }
                ordinal++;
                if (!finished.Contains(index))
                {
                    var result = new CellResult(index, prepared.Labels[index], ordinal, prepared.CodeCells, CellStatus.NotRun, TimeSpan.Zero, null);
                    results.Add(result);
                    observer?.CellFinished(result);
                }
            }
            results.Sort((a, b) => a.Index.CompareTo(b.Index));
        }

        private List<CellResult> Abandon(string what, string detail)
        {
            Problems.Add(new NotebookProblem("kernel", $"{what}. {detail}".Trim(),
                "build the runner again (dotnet build lib/LstmCourse.Runner -c Release), then run again."));
            MarkRestNotRun();
            return results;
        }

        private Output KernelDied(string label, Process process)
        {
            string tail = stderr.Text();
            int? code = ExitCode(process);
            string cause = tail.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase)
                    ? "the stack overflowed (infinite or very deep recursion)"
                : tail.Contains("Process terminated", StringComparison.Ordinal)
                    ? "the process was terminated (Environment.FailFast)"
                : code is int exit && exit is >= 0 and < 128
                    ? $"the process exited with code {exit} (a call to Environment.Exit?)"
                : code is int signalled && signalled >= 128 && !OperatingSystem.IsWindows()
                    ? $"the process was killed by signal {signalled - 128} (out of memory, or killed from outside?)"
                : $"the process ended with code {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}";
            string message = $"{label} ended the notebook's kernel process before it finished: {cause}. The cells after it did not run; " +
                "a cell must not end its process (no Environment.Exit or FailFast, no unbounded recursion).";
            var traceback = new List<string> { message };
            if (tail.Length > 0)
            {
                traceback.Add("the kernel's last words on stderr:");
                traceback.AddRange(tail.Split('\n'));
            }
            return Output.Error("KernelDied", message, traceback);
        }

        private static int? ExitCode(Process process)
        {
            try
            {
                return process.HasExited ? process.ExitCode : null;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }
}

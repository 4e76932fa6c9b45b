using System.IO.Pipes;
using System.Text;
using LstmCourse.Notebooks.Execution;
using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Running;

namespace LstmCourse.Notebooks.Hosting;

/// <summary>
/// The kernel process's side (<c>lstm-course-kernel --events PIPE</c>): reads one <see cref="KernelRequest"/> from
/// stdin, runs the notebook with <see cref="NotebookRunner"/>, and streams every <see cref="KernelEvent"/> to the host's
/// named pipe. The process ends when the notebook has run, whatever threads its cells left behind.
/// </summary>
public static class KernelServer
{
    /// <summary>The kernel's entry point; returns the process exit code (0 ran, 1 bad request).</summary>
    public static int Serve(string[] args, TextReader input, TextWriter error)
    {
        if (args.Length != 4 || args[0] != "--events" || args[2] != "--host" || !int.TryParse(args[3], out int host))
        {
            error.WriteLine("lstm-course-kernel runs one notebook for lstm-course run; it is not meant to be started by hand.");
            error.WriteLine("usage: lstm-course-kernel --events PIPE-NAME --host PID   (the request comes on stdin)");
            return 1;
        }
        WatchHost(host);
        KernelRequest request;
        try
        {
            request = KernelRequest.Parse(input.ReadToEnd());
        }
        catch (Exception problem) when (problem is FormatException or System.Text.Json.JsonException or NullReferenceException
            or InvalidOperationException or Format.NotebookFormatException or ArgumentException)
        {
            error.WriteLine($"lstm-course-kernel: bad request: {problem.Message}");
            return 1;
        }
        ScriptSession.WarmUp(request.Prepared.Notebook.Path!);
        using var pipe = new NamedPipeClientStream(".", args[1], PipeDirection.Out);
        pipe.Connect(TimeSpan.FromSeconds(30));
        using var events = new EventWriter(pipe);
        var options = new NotebookRunOptions
        {
            StopOnError = request.StopOnError,
            OutputLimit = request.OutputLimit,
            CellTimeout = Timeout.InfiniteTimeSpan,   // the host watches the clock and ends this process
        };
        NotebookRunner.Execute(request.Prepared, options, events, events);
        events.Send(new KernelEvent(KernelEvent.Done));
        return 0;
    }

    /// <summary>Ends this process when the host is gone (killed, say): nobody is left to save the notebook.</summary>
    private static void WatchHost(int pid)
    {
        var watcher = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(1000);
                try
                {
                    using var host = System.Diagnostics.Process.GetProcessById(pid);
                    if (host.HasExited)
                    {
                        Environment.Exit(3);
                    }
                }
                catch (ArgumentException)
                {
                    Environment.Exit(3);
                }
            }
        }) { IsBackground = true, Name = "host watcher" };
        watcher.Start();
    }

    /// <summary>Writes events as lines, one at a time whichever thread (a cell's task, say) produces them.</summary>
    private sealed class EventWriter(Stream pipe) : INotebookRunObserver, IOutputListener, IDisposable
    {
        private readonly StreamWriter writer = new(pipe, new UTF8Encoding(false)) { AutoFlush = false };
        private readonly object gate = new();

        public void CellStarting(int ordinal, int codeCells, int index, string label, Cell cell) =>
            Send(new KernelEvent(KernelEvent.Start, index, Ordinal: ordinal));

        public void CellFinished(CellResult result) => Send(new KernelEvent(KernelEvent.Finish, result.Index, Ordinal: result.Ordinal,
            Status: result.Status, Seconds: result.Elapsed.TotalSeconds, Error: result.Error));

        public void Added(OutputSlot slot) =>
            Send(new KernelEvent(KernelEvent.Added, slot.Cell, slot.Position, Output: slot.Output.Json));

        public void Replaced(OutputSlot slot) =>
            Send(new KernelEvent(KernelEvent.Replaced, slot.Cell, slot.Position, Output: slot.Output.Json));

        public void Send(KernelEvent message)
        {
            lock (gate)
            {
                try
                {
                    writer.Write(message.ToLine());
                    writer.Write('\n');
                    writer.Flush();
                }
                catch (IOException)
                {
                    // The host has gone (it stopped this run); nothing is left to tell.
                }
            }
        }

        public void Dispose()
        {
            lock (gate)
            {
                try
                {
                    writer.Dispose();
                }
                catch (IOException)
                {
                }
            }
        }
    }
}

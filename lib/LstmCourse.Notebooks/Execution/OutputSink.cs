using LstmCourse.Notebooks.Model;

namespace LstmCourse.Notebooks.Execution;

/// <summary>
/// Collects the outputs of the running cell in the order they happen, as the .NET Interactive kernel records them:
/// each console write is its own stream output, each display its own output. Thread-safe. A cell may hold at most
/// <see cref="OutputLimit"/> characters of output: past that, one notice says so and the rest is dropped (as Jupyter
/// front ends truncate), so a runaway loop cannot grow the host or the saved notebook. Once closed, late writes from
/// abandoned cells are dropped so they cannot change a notebook that is being written.
/// </summary>
internal sealed class OutputSink(long outputLimit = OutputSink.DefaultOutputLimit, IOutputListener? listener = null)
{
    /// <summary>The default per-cell limit: 10 million characters, far above any chart or log a lesson shows.</summary>
    public const long DefaultOutputLimit = 10_000_000;

    private readonly object gate = new();
    private List<Output>? outputs;
    private int cell = -1;
    private long size;
    private bool truncated;
    private bool closed;

    /// <summary>The most characters of output one cell keeps.</summary>
    public long OutputLimit { get; } = outputLimit > 0
        ? outputLimit
        : throw new ArgumentOutOfRangeException(nameof(outputLimit), "the output limit must be positive.");

    /// <summary>Starts collecting for the cell at <paramref name="cellIndex"/>.</summary>
    public void BeginCell(int cellIndex)
    {
        lock (gate)
        {
            outputs = closed ? null : [];
            cell = cellIndex;
            size = 0;
            truncated = false;
        }
    }

    /// <summary>Ends the cell and returns its outputs in order.</summary>
    public IReadOnlyList<Output> EndCell()
    {
        lock (gate)
        {
            var done = outputs ?? [];
            outputs = null;
            return done;
        }
    }

    /// <summary>Stops accepting anything, including updates of earlier displays.</summary>
    public void Close()
    {
        lock (gate)
        {
            outputs = null;
            closed = true;
        }
    }

    /// <summary>Appends one console write to the cell as a <paramref name="name"/> stream output (stdout or stderr).</summary>
    public void Write(string name, string text) => Add(Output.Stream(name, text));

    /// <summary>Adds an output (a stream, a display or an error) after the ones before it; null when no cell is running or the cell is over its limit.</summary>
    public OutputSlot? Add(Output output)
    {
        lock (gate)
        {
            if (outputs is null || truncated)
            {
                return null;
            }
            long added = output.Size;
            if (size + added > OutputLimit && output.OutputType != Output.ErrorType)
            {
                truncated = true;
                output = Output.Stream("stderr", TruncationNotice(OutputLimit));
                added = output.Size;
            }
            size += added;
            outputs.Add(output);
            var slot = new OutputSlot(cell, outputs.Count - 1, output);
            listener?.Added(slot);
            return slot;
        }
    }

    /// <summary>Replaces a display's content in place, unless the run is over or the new content is over the limit.</summary>
    public void Replace(OutputSlot slot, IReadOnlyDictionary<string, string> bundle)
    {
        lock (gate)
        {
            if (closed || bundle.Sum(pair => (long)pair.Value.Length) > OutputLimit)
            {
                return;
            }
            slot.Output.ReplaceData(bundle);
            listener?.Replaced(slot);
        }
    }

    /// <summary>What a cell over its limit shows instead of the rest of its output.</summary>
    public static string TruncationNotice(long limit) =>
        $"[output truncated: this cell produced more than {limit:N0} characters of output; the rest was dropped. " +
        "Print less (every 100th step, or a summary), or raise the limit with lstm-course run --output-limit CHARS.]\n";
}

/// <summary>Where an output lives: its cell, its position among that cell's outputs, and the output itself.</summary>
internal sealed record OutputSlot(int Cell, int Position, Output Output);

/// <summary>Hears every output as it is added or replaced (the kernel process streams them to its host).</summary>
internal interface IOutputListener
{
    void Added(OutputSlot slot);

    void Replaced(OutputSlot slot);
}

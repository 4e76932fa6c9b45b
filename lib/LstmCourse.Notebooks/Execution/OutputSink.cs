using System.Text;
using LstmCourse.Notebooks.Model;

namespace LstmCourse.Notebooks.Execution;

/// <summary>
/// Collects the outputs of the running cell in the order they happen: console text (consecutive chunks of
/// one stream merged into one output) and displays. Thread-safe; once closed, late writes from abandoned
/// cells are dropped so they cannot change a notebook that is being written.
/// </summary>
internal sealed class OutputSink
{
    private readonly object gate = new();
    private List<Output>? outputs;
    private StringBuilder? stream;
    private string? streamName;
    private bool closed;

    /// <summary>Starts collecting for a new cell.</summary>
    public void BeginCell()
    {
        lock (gate)
        {
            outputs = closed ? null : [];
        }
    }

    /// <summary>Ends the cell and returns its outputs in order.</summary>
    public IReadOnlyList<Output> EndCell()
    {
        lock (gate)
        {
            FlushStream();
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
            FlushStream();
            outputs = null;
            closed = true;
        }
    }

    /// <summary>Appends console text to the cell's <paramref name="name"/> stream (stdout or stderr).</summary>
    public void Write(string name, string text)
    {
        if (text.Length == 0)
        {
            return;
        }
        lock (gate)
        {
            if (outputs is null)
            {
                return;
            }
            if (streamName != name)
            {
                FlushStream();
                streamName = name;
                stream = new StringBuilder();
            }
            stream!.Append(text);
        }
    }

    /// <summary>Adds an output (a display or an error) after whatever was written before it; null when no cell is running.</summary>
    public Output? Add(Output output)
    {
        lock (gate)
        {
            if (outputs is null)
            {
                return null;
            }
            FlushStream();
            outputs.Add(output);
            return output;
        }
    }

    /// <summary>Replaces a display's content in place, unless the run is over.</summary>
    public void Replace(Output output, IReadOnlyDictionary<string, string> bundle)
    {
        lock (gate)
        {
            if (!closed)
            {
                output.ReplaceData(bundle);
            }
        }
    }

    private void FlushStream()
    {
        if (streamName is not null && stream is { Length: > 0 } && outputs is not null)
        {
            outputs.Add(Output.Stream(streamName, stream.ToString()));
        }
        streamName = null;
        stream = null;
    }
}

using LstmCourse.Notebooks.Formatting;
using LstmCourse.Notebooks.Model;

namespace LstmCourse.Notebooks.Execution;

/// <summary>
/// Where <c>display</c>, <c>Display()</c>, <c>DisplayAs()</c> and console text go: the sink of the run whose
/// code is executing. Held in an <see cref="AsyncLocal{T}"/>, so threads and tasks a cell starts write to
/// its notebook, and a cell abandoned after a timeout keeps writing to its own closed sink, not the next run's.
/// </summary>
internal static class DisplayChannel
{
    private static readonly AsyncLocal<OutputSink?> Sink = new();

    /// <summary>The sink of the code running on this thread, or null outside a run.</summary>
    public static OutputSink? Current => Sink.Value;

    /// <summary>Routes this thread's displays (and the tasks it starts) to <paramref name="sink"/> until the scope is disposed.</summary>
    public static IDisposable Open(OutputSink sink)
    {
        Sink.Value = sink;
        return new Scope();
    }

    /// <summary>Formats and shows a value (the value's default mime types when none are given).</summary>
    public static DisplayedValue Display(object? value, string[] mimeTypes)
    {
        OutputSink sink = Required();
        var output = sink.Add(Output.DisplayData(ValueFormatter.Format(value, mimeTypes)));
        return new DisplayedValue(sink, output, mimeTypes, asIs: false);
    }

    /// <summary>Shows a string that already is content of the given mime types.</summary>
    public static DisplayedValue DisplayAs(string content, string[] mimeTypes)
    {
        OutputSink sink = Required();
        var output = sink.Add(Output.DisplayData(ValueFormatter.AsIs(content, mimeTypes)));
        return new DisplayedValue(sink, output, mimeTypes, asIs: true);
    }

    private static OutputSink Required() => Sink.Value ?? throw new InvalidOperationException(
        "display(...), Display() and DisplayAs() work only while a notebook cell runs (lstm-course run, or the Polyglot kernel).");

    private sealed class Scope : IDisposable
    {
        public void Dispose() => Sink.Value = null;
    }
}

using System.Text;

namespace LstmCourse.Notebooks.Execution;

/// <summary>
/// Installed as Console.Out or Console.Error during a run: text written by notebook code becomes a stream output
/// of the running cell; text from anything else goes to the console it replaced. Each call is one output, as in the
/// .NET Interactive kernel: <c>Console.WriteLine(x)</c> is one output holding x and the newline, <c>Write("a")</c>
/// then <c>Write("b")</c> are two. (TextWriter's own WriteLine writes the value and the newline separately, so every
/// overload is written here as one call.)
/// </summary>
internal sealed class ConsoleRouter(string streamName, TextWriter console) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => "\n";
        set { }
    }

    public override void Write(char value) => Route(value.ToString());

    public override void Write(string? value) => Route(value ?? "");

    public override void Write(char[]? buffer) => Route(buffer is null ? "" : new string(buffer));

    public override void Write(char[] buffer, int index, int count) => Route(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Route(new string(buffer));

    public override void Write(StringBuilder? value) => Route(value?.ToString() ?? "");

    public override void Write(bool value) => Route(value ? "True" : "False");

    public override void Write(int value) => Route(value.ToString(FormatProvider));

    public override void Write(uint value) => Route(value.ToString(FormatProvider));

    public override void Write(long value) => Route(value.ToString(FormatProvider));

    public override void Write(ulong value) => Route(value.ToString(FormatProvider));

    public override void Write(float value) => Route(value.ToString(FormatProvider));

    public override void Write(double value) => Route(value.ToString(FormatProvider));

    public override void Write(decimal value) => Route(value.ToString(FormatProvider));

    public override void Write(object? value) => Route(Text(value));

    public override void Write(string format, object? arg0) => Route(string.Format(FormatProvider, format, arg0));

    public override void Write(string format, object? arg0, object? arg1) => Route(string.Format(FormatProvider, format, arg0, arg1));

    public override void Write(string format, object? arg0, object? arg1, object? arg2) =>
        Route(string.Format(FormatProvider, format, arg0, arg1, arg2));

    public override void Write(string format, params object?[] arg) => Route(string.Format(FormatProvider, format, arg));

    public override void Write(string format, params ReadOnlySpan<object?> arg) => Route(string.Format(FormatProvider, format, arg));

    public override void WriteLine() => Route("\n");

    public override void WriteLine(char value) => Line(value.ToString());

    public override void WriteLine(string? value) => Line(value ?? "");

    public override void WriteLine(char[]? buffer) => Line(buffer is null ? "" : new string(buffer));

    public override void WriteLine(char[] buffer, int index, int count) => Line(new string(buffer, index, count));

    public override void WriteLine(ReadOnlySpan<char> buffer) => Line(new string(buffer));

    public override void WriteLine(StringBuilder? value) => Line(value?.ToString() ?? "");

    public override void WriteLine(bool value) => Line(value ? "True" : "False");

    public override void WriteLine(int value) => Line(value.ToString(FormatProvider));

    public override void WriteLine(uint value) => Line(value.ToString(FormatProvider));

    public override void WriteLine(long value) => Line(value.ToString(FormatProvider));

    public override void WriteLine(ulong value) => Line(value.ToString(FormatProvider));

    public override void WriteLine(float value) => Line(value.ToString(FormatProvider));

    public override void WriteLine(double value) => Line(value.ToString(FormatProvider));

    public override void WriteLine(decimal value) => Line(value.ToString(FormatProvider));

    public override void WriteLine(object? value) => Line(Text(value));

    public override void WriteLine(string format, object? arg0) => Line(string.Format(FormatProvider, format, arg0));

    public override void WriteLine(string format, object? arg0, object? arg1) => Line(string.Format(FormatProvider, format, arg0, arg1));

    public override void WriteLine(string format, object? arg0, object? arg1, object? arg2) =>
        Line(string.Format(FormatProvider, format, arg0, arg1, arg2));

    public override void WriteLine(string format, params object?[] arg) => Line(string.Format(FormatProvider, format, arg));

    public override void WriteLine(string format, params ReadOnlySpan<object?> arg) => Line(string.Format(FormatProvider, format, arg));

    public override void Flush() => console.Flush();

    private string Text(object? value) => value switch
    {
        null => "",
        IFormattable formattable => formattable.ToString(null, FormatProvider),
        _ => value.ToString() ?? "",
    };

    private void Line(string text) => Route(text + "\n");

    private void Route(string text)
    {
        if (DisplayChannel.Current is { } sink)
        {
            sink.Write(streamName, text);
        }
        else
        {
            console.Write(text);
        }
    }
}

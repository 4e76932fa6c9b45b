using System.Text;

namespace LstmCourse.Notebooks.Execution;

/// <summary>
/// Installed as Console.Out or Console.Error during a run: text written by notebook code becomes a stream output
/// of the running cell; text from anything else goes to the console it replaced.
/// </summary>
internal sealed class ConsoleRouter(string streamName, TextWriter console) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Route(value.ToString());

    public override void Write(string? value) => Route(value ?? "");

    public override void Write(char[] buffer, int index, int count) => Route(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Route(new string(buffer));

    public override void Flush() => console.Flush();

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

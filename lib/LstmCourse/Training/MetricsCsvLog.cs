using System.Text;
using LstmCourse.IO;

namespace LstmCourse.Training;

/// <summary>A metrics.csv that grows as the run goes: the rows so far are written atomically when it opens, then every
/// row is appended as one flushed line, so a run killed at any moment leaves every finished step's row (and at most half
/// a line after them, which <see cref="TrainingMetrics.ReadCsv"/> leaves out).</summary>
public sealed class MetricsCsvLog : IDisposable
{
    private readonly FileStream stream;

    /// <summary>Starts <paramref name="path"/> with the header and <paramref name="rows"/> (the history of a resumed run,
    /// which replaces any rows a killed run wrote after its last checkpoint).</summary>
    public MetricsCsvLog(string path, IEnumerable<TrainingMetrics> rows)
    {
        TrainingMetrics.WriteCsv(rows, path);
        stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    /// <summary>Appends one row and hands it to the operating system, which keeps it if the process is killed.</summary>
    public void Append(TrainingMetrics row)
    {
        ArgumentNullException.ThrowIfNull(row);
        stream.Write(Encoding.UTF8.GetBytes(row.ToCsvLine() + "\n"));
        stream.Flush();
    }

    public void Dispose() => stream.Dispose();
}

using System.Globalization;

namespace LstmCourse.Training;

/// <summary>What <see cref="MetricsCsv.Parse"/> read from a run's metrics.csv (the one reader of that file).</summary>
/// <param name="Rows">The readable rows, in file order.</param>
/// <param name="Problem">Null when every line was read; otherwise what was wrong (an unreadable line in the middle, a bad header).</param>
/// <param name="TornLastLine">The last line was cut short (a run killed while appending): it is left out, and is no problem.</param>
public sealed record MetricsFile(IReadOnlyList<TrainingMetrics> Rows, string? Problem, bool TornLastLine);

/// <summary>Reads the metrics.csv that training writes (<see cref="TrainingMetrics.CsvHeader"/>), by column name, so that
/// added columns do not break it; a run killed while writing leaves a torn last line, which is skipped.</summary>
public static class MetricsCsv
{
    private static readonly string[] Required = ["step", "elapsed_seconds", "train_loss"];

    public static MetricsFile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        int count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;   // a final newline ends the last row
        if (count == 0 || lines[0].Trim().Length == 0) return new MetricsFile([], "metrics.csv is empty", false);
        var header = lines[0].TrimEnd('\r').Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        if (Required.FirstOrDefault(c => Column(c) < 0) is { } missing)
            return new MetricsFile([], $"metrics.csv has no {missing} column (header: {lines[0].TrimEnd('\r')})", false);
        int step = Column("step"), epoch = Column("epoch"), seconds = Column("elapsed_seconds"), train = Column("train_loss"),
            penalty = Column("penalty"), validation = Column("validation_loss"), norm = Column("gradient_norm"),
            rate = Column("learning_rate"), speed = Column("chars_per_second");

        bool torn = count > 1 && !text.EndsWith('\n');                         // every row ends with a newline: the run was killed mid-row
        if (torn) count--;
        var rows = new List<TrainingMetrics>();
        string? problem = null;
        for (int i = 1; i < count; i++)
        {
            var cells = lines[i].TrimEnd('\r').Split(',');
            if (cells.Length != header.Length || !TryRow(cells, out var row))
            {
                problem ??= $"metrics.csv line {i + 1} is unreadable: \"{Shorten(lines[i])}\"";
                continue;
            }
            rows.Add(row);
        }
        return new MetricsFile(rows, problem, torn);

        bool TryRow(string[] cells, out TrainingMetrics row)
        {
            row = null!;
            if (!long.TryParse(cells[step], NumberStyles.Integer, CultureInfo.InvariantCulture, out long s)) return false;
            if (!Number(seconds, out double elapsed) || !Number(train, out double loss)) return false;
            double? validationLoss = null;
            if (validation >= 0 && cells[validation].Length > 0)
            {
                if (!Number(validation, out double v)) return false;
                validationLoss = v;
            }
            row = new TrainingMetrics(s, Optional(epoch), elapsed, loss, Optional(penalty), validationLoss, Optional(norm), Optional(rate), Optional(speed));
            return true;

            bool Number(int column, out double value) =>
                double.TryParse(cells[column], NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            double Optional(int column) => column >= 0 && Number(column, out double value) ? value : 0;
        }
    }

    private static string Shorten(string line) => line.Length <= 60 ? line.TrimEnd('\r') : line[..60] + "...";
}

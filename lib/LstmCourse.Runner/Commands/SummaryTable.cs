using System.Globalization;
using LstmCourse.Notebooks.Running;

namespace LstmCourse.Runner.Commands;

/// <summary>The table <c>run</c> prints at the end: one row per notebook and a total.</summary>
public sealed class SummaryTable
{
    private readonly List<string[]> rows = [];
    private int cells, ok, failed, notRun;
    private double seconds;

    /// <summary>True when every notebook added succeeded.</summary>
    public bool AllSucceeded { get; private set; } = true;

    /// <summary>True when a notebook failed, was rejected or malformed (not only unwritten).</summary>
    public bool AnyRunFailed { get; private set; }

    /// <summary>Adds a notebook that ran (or was rejected); <paramref name="written"/>: its executed copy was saved.</summary>
    public void Add(string notebook, NotebookRunResult result, bool written = true)
    {
        int failedHere = result.Count(CellStatus.Failed) + result.Count(CellStatus.TimedOut);
        cells += result.Cells.Count;
        ok += result.Count(CellStatus.Succeeded);
        failed += failedHere;
        notRun += result.Count(CellStatus.NotRun);
        seconds += result.Elapsed.TotalSeconds;
        AllSucceeded &= result.Succeeded && written;
        AnyRunFailed |= !result.Succeeded;
        string status = result.Status switch
        {
            NotebookStatus.Succeeded when !written => "NOT WRITTEN",
            NotebookStatus.Succeeded => "ok",
            NotebookStatus.Failed => "FAILED",
            NotebookStatus.TimedOut => "TIMED OUT",
            _ => "REJECTED",
        };
        rows.Add([notebook, N(result.Cells.Count), N(result.Count(CellStatus.Succeeded)), N(failedHere),
            N(result.Count(CellStatus.NotRun)), S(result.Elapsed.TotalSeconds), status]);
    }

    /// <summary>Adds a notebook that could not be read.</summary>
    public void AddMalformed(string notebook)
    {
        AllSucceeded = false;
        AnyRunFailed = true;
        rows.Add([notebook, "-", "-", "-", "-", "-", "MALFORMED"]);
    }

    /// <summary>Writes the table with a total row.</summary>
    public void Write(TextWriter output)
    {
        string[] header = ["notebook", "cells", "ok", "failed", "not run", "seconds", "status"];
        string[] total = ["total", N(cells), N(ok), N(failed), N(notRun), S(seconds), AllSucceeded ? "ok" : "FAILED"];
        var all = new List<string[]> { header };
        all.AddRange(rows);
        all.Add(total);
        int[] widths = Enumerable.Range(0, header.Length).Select(c => all.Max(row => row[c].Length)).ToArray();
        foreach (var row in all)
        {
            var padded = row.Select((text, c) => c == 0 || c == row.Length - 1 ? text.PadRight(widths[c]) : text.PadLeft(widths[c]));
            output.WriteLine(string.Join("  ", padded).TrimEnd());
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string S(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}

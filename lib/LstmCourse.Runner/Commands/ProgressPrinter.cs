using System.Globalization;
using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Running;

namespace LstmCourse.Runner.Commands;

/// <summary>Prints one line per code cell as a run goes: <c>  [3/12] cell 5 ... 1.20s ok</c>.</summary>
public sealed class ProgressPrinter(TextWriter output) : INotebookRunObserver
{
    public void CellStarting(int ordinal, int codeCells, int index, Cell cell)
    {
        output.Write($"  [{ordinal}/{codeCells}] cell {index + 1} ... ");
        output.Flush();
    }

    public void CellFinished(CellResult result)
    {
        string seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + "s";
        switch (result.Status)
        {
            case CellStatus.NotRun:
                output.WriteLine($"  [{result.Ordinal}/{result.CodeCells}] cell {result.Index + 1} ... not run");
                break;
            case CellStatus.Succeeded:
                output.WriteLine($"{seconds} ok");
                break;
            default:
                output.WriteLine($"{seconds} {(result.Status == CellStatus.TimedOut ? "TIMED OUT" : "FAILED")}");
                output.WriteLine($"      {result.Error}");
                break;
        }
    }
}

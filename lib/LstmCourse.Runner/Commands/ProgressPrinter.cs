using System.Globalization;
using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Running;

namespace LstmCourse.Runner.Commands;

/// <summary>Prints one line per code cell as a run goes: <c>  [3/12] cell 5 ... 1.20s ok</c>.</summary>
public sealed class ProgressPrinter(TextWriter output) : INotebookRunObserver
{
    public void CellStarting(int ordinal, int codeCells, int index, string label, Cell cell)
    {
        output.Write($"  [{ordinal}/{codeCells}] {Short(label)} ... ");
        output.Flush();
    }

    /// <summary>The cell as the learner sees it, without its id: "cell 5", or the injected -p cell.</summary>
    private static string Short(string label) => label.StartsWith("the injected", StringComparison.Ordinal) ? "-p cell" : label.Split(" (id ")[0];

    public void CellFinished(CellResult result)
    {
        string seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + "s";
        switch (result.Status)
        {
            case CellStatus.NotRun:
                output.WriteLine($"  [{result.Ordinal}/{result.CodeCells}] {Short(result.Label)} ... not run");
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

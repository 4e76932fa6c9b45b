using LstmCourse.Notebooks.Model;

namespace LstmCourse.Notebooks.Running;

/// <summary>Hears about each code cell as a run goes, e.g. to print progress.</summary>
public interface INotebookRunObserver
{
    /// <summary>
    /// A code cell is about to run: the <paramref name="ordinal"/>-th of <paramref name="codeCells"/>, at <paramref name="index"/>
    /// among all cells, named <paramref name="label"/> as the learner sees it in the source notebook.
    /// </summary>
    void CellStarting(int ordinal, int codeCells, int index, string label, Cell cell);

    /// <summary>A code cell finished, failed, timed out, or was skipped.</summary>
    void CellFinished(CellResult result);
}

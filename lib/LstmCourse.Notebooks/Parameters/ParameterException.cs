namespace LstmCourse.Notebooks.Parameters;

/// <summary>
/// <c>-p name=value</c> options the notebook cannot take; each problem names the parameter and what to do.
/// All problems are found at once, so one run shows every mistake.
/// </summary>
public sealed class ParameterException : Exception
{
    public ParameterException(string problem)
        : this([problem])
    {
    }

    public ParameterException(IReadOnlyList<string> problems)
        : base(string.Join(" ", problems)) => Problems = problems;

    /// <summary>Each problem, one sentence or two.</summary>
    public IReadOnlyList<string> Problems { get; }
}

namespace LstmCourse.Notebooks.Running;

/// <summary>Something in a notebook this runner cannot honour, found before anything runs: where, what, and what to do instead.</summary>
public sealed record NotebookProblem(string Where, string Message, string Fix)
{
    public override string ToString() => $"{Where}: {Message} Fix: {Fix}";
}

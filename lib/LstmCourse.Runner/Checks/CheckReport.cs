namespace LstmCourse.Runner.Checks;

/// <summary>The verdict lines of <c>check</c>, written as they are found: <c>OK ...</c> or <c>PROBLEM ...</c> with its fix.</summary>
public sealed class CheckReport(TextWriter output)
{
    /// <summary>How many problems were found.</summary>
    public int Problems { get; private set; }

    public void Ok(string what) => output.WriteLine($"OK       {what}");

    /// <summary>Something not checked because of a problem already reported; not a problem of its own.</summary>
    public void Skipped(string what) => output.WriteLine($"SKIPPED  {what}");

    public void Problem(string what, string fix)
    {
        Problems++;
        output.WriteLine($"PROBLEM  {what}");
        output.WriteLine($"         fix: {fix}");
    }
}

namespace LstmCourse.Runner.Commands;

/// <summary>Exit codes of every verb.</summary>
public static class ExitCodes
{
    /// <summary>Everything succeeded.</summary>
    public const int Ok = 0;

    /// <summary>The command line is wrong: unknown verb or option, missing value, missing file.</summary>
    public const int Usage = 1;

    /// <summary>The work failed: a cell failed or timed out, a notebook is malformed or cannot run, a check found a problem.</summary>
    public const int Failed = 2;

    /// <summary><c>run</c>: every notebook ran, but an executed copy could not be written (disk full, no permission).</summary>
    public const int NotWritten = 3;
}

using System.Text.RegularExpressions;

namespace LstmCourse.Runner.Commands;

/// <summary>Checks a destination before any work is done, and says why a write failed in words that name the destination.</summary>
public static partial class OutputFolder
{
    /// <summary>
    /// Throws <see cref="UsageException"/> unless <paramref name="folder"/> is (or can be made) a folder this process can
    /// write: checked by writing and removing a probe file, so a bad --output is found before a long run, not after.
    /// </summary>
    public static void CheckWritable(string folder, string? option)
    {
        string shown = option ?? folder;
        if (File.Exists(folder))
        {
            throw new UsageException($"--output {shown} is an existing file, not a folder; give a folder (each notebook is written into it under its own name).");
        }
        string probe = Path.Combine(folder, $".lstm-course-write-check-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write into {folder}: {Reason(failure)}; choose another --output, or fix its permissions.");
        }
    }

    /// <summary>The failure in a few words, without the paths of temporary files in it.</summary>
    public static string Reason(Exception failure) => failure switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException => "a folder on the way does not exist",
        _ => QuotedPath().Replace(failure.Message, "").Trim().TrimEnd('.', ':').Trim(),
    };

    [GeneratedRegex(@"\s*:?\s*'[^']*'")]
    private static partial Regex QuotedPath();
}

using LstmCourse.Runner.Lab;

namespace LstmCourse.Experiments.Tests.Support;

/// <summary>One tiny run trained once for the tests that read run folders, which copy its folder and damage the copy.</summary>
internal static class TrainedRun
{
    private static readonly Lazy<(string Folder, LabRunResult Result)> run = new(() =>
    {
        string folder = Path.Combine(Directory.CreateTempSubdirectory("lstm-course-experiments-run-").FullName, "h16");
        return (folder, Lab.Train(folder));
    });

    public static string Folder => run.Value.Folder;

    public static LabRunResult Result => run.Value.Result;

    /// <summary>A copy of the run's folder at <paramref name="target"/>, without the files named in <paramref name="leaveOut"/>.</summary>
    public static string CopyTo(string target, params string[] leaveOut)
    {
        Directory.CreateDirectory(target);
        foreach (string file in Directory.GetFiles(Folder))
            if (!leaveOut.Contains(Path.GetFileName(file))) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }
}

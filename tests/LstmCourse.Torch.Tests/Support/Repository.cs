namespace LstmCourse.Torch.Tests.Support;

/// <summary>Files of the repository the tests read: the folder that holds LstmCourse.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LstmCourse.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No LstmCourse.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}

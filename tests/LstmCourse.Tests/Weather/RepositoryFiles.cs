namespace LstmCourse.Tests.Weather;

/// <summary>Finds committed files by walking up from the test binaries to the folder holding LstmCourse.sln.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string WeatherDataset => Path.Combine(Root, "datasets", "weather");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LstmCourse.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No LstmCourse.sln above {AppContext.BaseDirectory}; run the tests from inside the repository.");
    }
}

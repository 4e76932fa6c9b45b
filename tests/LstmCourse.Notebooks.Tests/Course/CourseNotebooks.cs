namespace LstmCourse.Notebooks.Tests.Course;

/// <summary>Where the course's own notebooks are: <c>notebooks/</c> beside <c>LstmCourse.sln</c>.</summary>
internal static class CourseNotebooks
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Folder => Path.Combine(RepositoryRoot, "notebooks");

    public static IEnumerable<string> Paths =>
        Directory.Exists(Folder) ? Directory.GetFiles(Folder, "*.ipynb").Order(StringComparer.Ordinal) : [];

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (string path in Paths) data.Add(Path.GetFileName(path));
            return data;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LstmCourse.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No LstmCourse.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}

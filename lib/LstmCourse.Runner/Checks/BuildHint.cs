namespace LstmCourse.Runner.Checks;

/// <summary>The command that builds a missing DLL: the project of the same name in the repository the notebooks live in.</summary>
public static class BuildHint
{
    private static readonly string[] Skipped = ["bin", "obj", ".git", "node_modules", "artifacts"];

    /// <summary>E.g. <c>dotnet build lib/LstmCourse/LstmCourse.csproj</c> for <c>LstmCourse.dll</c>, or a general instruction.</summary>
    public static string For(string dllPath, string notebooksFolder)
    {
        string project = Path.GetFileNameWithoutExtension(dllPath) + ".csproj";
        string? root = RepositoryRoot(notebooksFolder);
        string? found = root is null ? null : Find(root, project);
        return found is null
            ? $"build the project that produces {Path.GetFileName(dllPath)}, so that {dllPath} exists"
            : $"dotnet build {Path.GetRelativePath(Environment.CurrentDirectory, found)}";
    }

    private static string? RepositoryRoot(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git"))
                || dir.EnumerateFiles("*.sln").Any() || dir.EnumerateFiles("*.slnx").Any())
            {
                return dir.FullName;
            }
        }
        return null;
    }

    private static string? Find(string folder, string project)
    {
        string candidate = Path.Combine(folder, project);
        if (File.Exists(candidate))
        {
            return candidate;
        }
        foreach (string sub in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            if (!Skipped.Contains(Path.GetFileName(sub)) && Find(sub, project) is { } found)
            {
                return found;
            }
        }
        return null;
    }
}

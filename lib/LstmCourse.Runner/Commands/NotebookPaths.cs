namespace LstmCourse.Runner.Commands;

/// <summary>Turns the notebooks and folders on a command line into notebook files: a folder means its *.ipynb, sorted by name.</summary>
public static class NotebookPaths
{
    /// <summary>Full paths of the notebooks; a missing path, a file that is not .ipynb, or an empty folder throws <see cref="UsageException"/>.</summary>
    public static IReadOnlyList<string> Expand(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            throw new UsageException("give at least one notebook (.ipynb) or folder of notebooks.");
        }
        var notebooks = new List<string>();
        foreach (string path in paths)
        {
            string full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                var found = Directory.GetFiles(full, "*.ipynb")
                    .Where(file => !Path.GetFileName(file).StartsWith('.'))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0)
                {
                    throw new UsageException($"the folder '{path}' holds no .ipynb notebooks.");
                }
                notebooks.AddRange(found);
            }
            else if (File.Exists(full))
            {
                if (!full.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
                {
                    throw new UsageException($"'{path}' is not a notebook; give .ipynb files or folders holding them.");
                }
                notebooks.Add(full);
            }
            else
            {
                throw new UsageException($"'{path}' does not exist (looked for {full}).");
            }
        }
        return notebooks.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The path relative to the current directory when it is below it, for short messages.</summary>
    public static string Show(string path)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}

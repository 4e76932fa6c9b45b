using LstmCourse.Notebooks.Tests.Course;

namespace LstmCourse.Notebooks.Tests.Support;

/// <summary>
/// A scratch copy of the course for one run: <c>notebooks/NAME</c> copied, its siblings (artifacts, datasets, models,
/// configs, and .config with the tool manifest) linked to the repository, so whatever the notebook writes stays out of
/// the repository, runs side by side do not share a folder, and the committed files are never touched.
/// </summary>
internal sealed class ScratchCourse : IDisposable
{
    private static readonly string[] Siblings = ["artifacts", "datasets", "models", "configs", ".config"];
    private readonly TempFolder temp = new();
    private readonly List<string> links = [];

    /// <param name="notLinked">siblings to leave out (the test makes its own), e.g. "artifacts".</param>
    public ScratchCourse(string notebookName, params string[] notLinked)
    {
        foreach (string sibling in Siblings.Except(notLinked))
        {
            string target = Path.Combine(CourseNotebooks.RepositoryRoot, sibling);
            if (!Directory.Exists(target))
            {
                continue;
            }
            links.Add(Path.Combine(temp.Root, sibling));
            Directory.CreateSymbolicLink(links[^1], target);
        }
        Source = Path.Combine(CourseNotebooks.Folder, notebookName);
        NotebookPath = temp.PathOf("notebooks", notebookName);
        File.Copy(Source, NotebookPath);
    }

    public string Root => temp.Root;

    /// <summary>The committed notebook.</summary>
    public string Source { get; }

    /// <summary>The copy that runs.</summary>
    public string NotebookPath { get; }

    /// <summary>A path under the scratch root.</summary>
    public string PathOf(params string[] parts) => temp.PathOf(parts);

    public void Dispose()
    {
        foreach (string link in links)
        {
            if (new DirectoryInfo(link).LinkTarget is not null)
            {
                Directory.Delete(link, recursive: false);   // the link only, never the target
            }
        }
        temp.Dispose();
    }
}

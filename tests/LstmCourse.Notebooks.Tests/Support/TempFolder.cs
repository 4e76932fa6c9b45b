namespace LstmCourse.Notebooks.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted on dispose; fixtures are copied into it so sources stay pristine.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Root = Directory.CreateTempSubdirectory("lstm-course-tests-").FullName;

    public string Root { get; }

    /// <summary>The fixture folder next to the test assembly.</summary>
    public static string FixturesFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>A full path under the folder; parent folders are created.</summary>
    public string PathOf(params string[] parts)
    {
        string path = Path.Combine([Root, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>Copies Fixtures/<paramref name="fixture"/> to <paramref name="subfolder"/> under the folder and returns its full path.</summary>
    public string Copy(string fixture, string subfolder = "")
    {
        string target = PathOf(subfolder, fixture);
        File.Copy(Path.Combine(FixturesFolder, fixture), target);
        return target;
    }

    /// <summary>Writes a file under the folder and returns its full path.</summary>
    public string Write(string relativePath, string text)
    {
        string target = PathOf(relativePath);
        File.WriteAllText(target, text);
        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A cell abandoned after a timeout may still hold a file; the OS cleans temp.
        }
    }
}

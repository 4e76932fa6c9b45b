namespace LstmCourse.Experiments.Tests.Support;

/// <summary>A fresh folder under the system's temporary folder, deleted when disposed.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Root = Directory.CreateTempSubdirectory("lstm-course-experiments-").FullName;

    public string Root { get; }

    /// <summary>A full path under the folder (not created).</summary>
    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }                                  // a browser still closing: the system cleans temp
    }
}

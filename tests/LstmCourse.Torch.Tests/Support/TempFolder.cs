namespace LstmCourse.Torch.Tests.Support;

/// <summary>A folder that is deleted with everything in it when disposed.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("lstmcourse-torch-").FullName;

    public string PathOf(string name) => Path.Combine(Root, name);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

using System.Text;

namespace LstmCourse.IO;

/// <summary>Writes a file so that readers see the old content or the new content, never half of it:
/// write a temporary file in the same folder, flush it to disk, then rename it over the target.</summary>
/// <remarks>The one implementation behind every file the library writes: charts, tables, configs, metrics,
/// checkpoints, weights and the generated corpus.</remarks>
internal static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new ArgumentException("path is empty; give a file name such as \"runs/loss.svg\".", nameof(path));
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new ArgumentException($"path '{path}' is a folder; give a file name inside it.", nameof(path));
        string folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{full}' has no folder.", nameof(path));
        Directory.CreateDirectory(folder);
        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);                  // on disk before the rename makes it visible
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>UTF-8 without a byte-order mark.</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, s => s.Write(bytes));
}

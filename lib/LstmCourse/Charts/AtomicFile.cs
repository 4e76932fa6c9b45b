using System.Text;

namespace LstmCourse.Charts;

/// <summary>Writes a whole file or nothing: a temporary file in the same folder, then a rename over the target.</summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new ArgumentException("path is empty; give a file name such as \"figures/loss.svg\".", nameof(path));
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new ArgumentException($"path '{path}' is a folder; give a file name inside it.", nameof(path));
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}

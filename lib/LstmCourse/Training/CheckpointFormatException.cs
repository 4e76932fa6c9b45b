namespace LstmCourse.Training;

/// <summary>A checkpoint file is truncated, corrupt, of another format version, or not a checkpoint at all.</summary>
public sealed class CheckpointFormatException : IOException
{
    public CheckpointFormatException(string path, string problem, Exception? inner = null)
        : base($"Checkpoint '{path}' cannot be loaded: {problem}", inner)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}

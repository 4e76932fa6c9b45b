using LstmCourse.Training;

namespace LstmCourse.Experiments.Runs;

/// <summary>Writing a run folder: the files of a run folder, and the rules that keep it usable whenever the run stops, even killed: one
/// writer at a time (a lock the operating system releases when the process dies), complete checkpoints only (every
/// file is written atomically), the newest of them found by the step it holds, and temporary files of a killed writer
/// cleaned when the next one starts.</summary>
/// <remarks>
/// <code>
/// config.json               the config of the run
/// metrics.csv               one line per finished step, appended as the run goes
/// checkpoint-latest.ckpt    the newest checkpoint while the run trains (saved at every evaluation)
/// checkpoint-val&lt;bpc&gt;.ckpt  the final checkpoint, which replaces it when the run ends
/// samples.txt, summary.txt  written when the run ends
/// .lstm-course.lock         locked by the process that writes the folder (an empty file; the lock dies with the process)
/// </code>
/// </remarks>
public static partial class RunFolder
{
    /// <summary>The checkpoint a run keeps while it trains.</summary>
    public const string LatestCheckpoint = "checkpoint-latest.ckpt";

    private const string LockFile = ".lstm-course.lock";
    private const string LegacyPartial = "checkpoint.ckpt.partial";      // the working checkpoint of runs before checkpoint-latest.ckpt

    /// <summary>Takes the folder for this process (creating it); dispose to release. The lock dies with the process.</summary>
    /// <exception cref="IOException">Another process writes the folder.</exception>
    public static IDisposable Lock(string folder)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, LockFile);
        try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1); }   // stays: deleting it would let two writers lock two files
        catch (IOException e)
        {
            throw new IOException($"run folder '{Path.GetFullPath(folder)}' is being written by another lstm-course process (it holds {LockFile}); "
                                + "wait for it to finish, or write to another folder.", e);
        }
    }

    /// <summary>True when the folder holds a run worth keeping: a checkpoint (a run killed before its first one left
    /// nothing to resume, and may be started again in place).</summary>
    public static bool HoldsRun(string folder) => Directory.Exists(folder) && Checkpoints(folder).Length > 0;

    /// <summary>Deletes the temporary files a killed writer left (the lock says none is writing now) and, for a new run,
    /// every file of the previous one.</summary>
    public static void Clean(string folder, bool previousRun)
    {
        foreach (string temp in Directory.GetFiles(folder, ".*.tmp")) File.Delete(temp);
        if (!previousRun) return;
        foreach (string file in Checkpoints(folder)) File.Delete(file);
        foreach (string name in new[] { ConfigFile, MetricsFile, SamplesFile, SummaryFile })
            if (File.Exists(Path.Combine(folder, name))) File.Delete(Path.Combine(folder, name));
    }

    /// <summary>The checkpoint files of a folder: <c>checkpoint-*.ckpt</c>, else any <c>*.ckpt</c>, and a legacy working file.</summary>
    public static string[] Checkpoints(string folder)
    {
        var named = Directory.GetFiles(folder, "checkpoint-*.ckpt");
        var found = (named.Length > 0 ? named : Directory.GetFiles(folder, "*.ckpt")).ToList();
        if (File.Exists(Path.Combine(folder, LegacyPartial))) found.Add(Path.Combine(folder, LegacyPartial));
        found.Sort(StringComparer.Ordinal);
        return [.. found];
    }

    /// <summary>The newest complete checkpoint of the folder: the one at the highest step; at a tie the final one (not
    /// checkpoint-latest.ckpt). Null when there is none; a file that does not load is passed over, and its error thrown
    /// only when no file loads.</summary>
    /// <param name="notes">Told which file was chosen when there were several.</param>
    public static (string Path, Checkpoint Checkpoint)? NewestCheckpoint(string folder, TextWriter? notes = null)
    {
        var files = Checkpoints(folder);
        (string Path, Checkpoint Checkpoint)? best = null;
        CheckpointFormatException? firstError = null;
        foreach (string file in files)
        {
            Checkpoint checkpoint;
            try { checkpoint = Checkpoint.Load(file); }
            catch (CheckpointFormatException e) { firstError ??= e; notes?.WriteLine($"passing over {e.Message}"); continue; }
            if (best is not { } b || checkpoint.Position.Step > b.Checkpoint.Position.Step
                || checkpoint.Position.Step == b.Checkpoint.Position.Step && Path.GetFileName(b.Path) is LatestCheckpoint or LegacyPartial)
                best = (file, checkpoint);
        }
        if (best is null && firstError is not null) throw firstError;
        if (best is { } chosen && files.Length > 1)
            notes?.WriteLine($"using {Path.GetFileName(chosen.Path)} (step {chosen.Checkpoint.Position.Step}), the newest of {files.Length} checkpoints in {Path.GetFullPath(folder)}");
        return best;
    }
}

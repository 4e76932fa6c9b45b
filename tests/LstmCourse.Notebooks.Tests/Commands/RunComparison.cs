using System.Diagnostics;
using LstmCourse.Training;

namespace LstmCourse.Notebooks.Tests.Commands;

/// <summary>Whether two run folders hold the same run: the same final checkpoint (config, vocabulary, weights, optimizer
/// moments, random state, position, carried state, history) and the same metrics.csv and samples.txt, every number
/// exact; only the clock (elapsed seconds, characters per second) may differ.</summary>
internal static class RunComparison
{
    /// <summary>Null when the runs are the same, else the first difference.</summary>
    public static string? Difference(string expectedFolder, string actualFolder)
    {
        string[] a = Directory.GetFiles(expectedFolder, "checkpoint-*.ckpt"), b = Directory.GetFiles(actualFolder, "checkpoint-*.ckpt");
        if (a.Length != 1 || b.Length != 1) return $"checkpoints: {a.Length} in {expectedFolder}, {b.Length} in {actualFolder}";
        if (Path.GetFileName(a[0]) != Path.GetFileName(b[0])) return $"checkpoint names {Path.GetFileName(a[0])} and {Path.GetFileName(b[0])}";
        Checkpoint x = Checkpoint.Load(a[0]), y = Checkpoint.Load(b[0]);
        if (x.Config != y.Config) return "configs";
        if (!x.Vocabulary.Equals(y.Vocabulary)) return "vocabularies";
        if (Tensors(x.Weights, y.Weights) is { } w) return "weights: " + w;
        if (x.Optimizer.Optimizer != y.Optimizer.Optimizer || x.Optimizer.Steps != y.Optimizer.Steps) return "optimizer steps";
        if (Tensors(x.Optimizer.Buffers, y.Optimizer.Buffers) is { } o) return "optimizer: " + o;
        if (!x.RngState.SequenceEqual(y.RngState)) return "rng";
        if (x.Position with { ElapsedSeconds = 0 } != y.Position with { ElapsedSeconds = 0 }) return $"positions {x.Position} and {y.Position}";
        if (Tensors(x.CarriedState, y.CarriedState) is { } s) return "carried state: " + s;
        if (!Clockless(x.History).SequenceEqual(Clockless(y.History))) return "checkpoint histories";
        var mx = TrainingMetrics.ReadCsv(Path.Combine(expectedFolder, "metrics.csv"));
        var my = TrainingMetrics.ReadCsv(Path.Combine(actualFolder, "metrics.csv"));
        if (!Clockless(mx).SequenceEqual(Clockless(my))) return $"metrics.csv ({mx.Count} and {my.Count} rows)";
        if (!Clockless(x.History).SequenceEqual(Clockless(my))) return "metrics.csv and the checkpoint's history";
        if (File.ReadAllText(Path.Combine(expectedFolder, "samples.txt")) != File.ReadAllText(Path.Combine(actualFolder, "samples.txt"))) return "samples.txt";
        return null;
    }

    private static IEnumerable<TrainingMetrics> Clockless(IEnumerable<TrainingMetrics> rows) => rows.Select(r => r with { ElapsedSeconds = 0, CharsPerSecond = 0 });

    private static string? Tensors(IReadOnlyList<Training.Optimizers.TensorSnapshot> a, IReadOnlyList<Training.Optimizers.TensorSnapshot> b)
    {
        if (a.Count != b.Count) return $"{a.Count} and {b.Count} tensors";
        for (int k = 0; k < a.Count; k++)
            if (a[k].Name != b[k].Name || a[k].Rows != b[k].Rows || a[k].Cols != b[k].Cols || !a[k].Data.AsSpan().SequenceEqual(b[k].Data))
                return $"tensor {a[k].Name}";
        return null;
    }

    /// <summary>Starts the real program as a child process (<c>dotnet lstm-course.dll ...</c>), its output discarded.</summary>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lstm-course.dll"));
        foreach (string arg in args) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}

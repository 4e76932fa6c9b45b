using LstmCourse.Text;
using LstmCourse.Training;

namespace LstmCourse.Tests.Training;

/// <summary>A repetitive text and small configs for trainer, checkpoint and sampler tests.</summary>
internal static class TrainingKit
{
    public const string Line = "the quick brown fox jumps over the lazy dog.\n";

    /// <summary>40 copies of one pangram line: 1,800 characters, 29 distinct.</summary>
    public static TextCorpus Corpus() => TextCorpus.FromText(string.Concat(Enumerable.Repeat(Line, 40)), "pangrams");

    /// <summary>Tiny, plus every mechanism whose state a checkpoint must carry: 2 layers, dropout, warm-up + cosine,
    /// L2, value clipping, early stopping counters.</summary>
    public static TrainingConfig Busy => TrainingConfig.Tiny with
    {
        Layers = 2, Dropout = 0.1, Schedule = ScheduleKind.Cosine, WarmupSteps = 5, MinLearningRate = 1e-3, L2 = 1e-4, ClipValue = 0.5,
        MaxSteps = 60, EvaluateEvery = 10, Patience = 100, ValidationBatches = 2, Threads = 1,
    };

    /// <summary>A folder that deletes itself.</summary>
    public sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("lstm-training-").FullName;
        public string File(string name) => System.IO.Path.Combine(Path, name);
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    /// <summary>Reports synchronously, unlike Progress&lt;T&gt;, so a test sees every report in order.</summary>
    public sealed class Recorder : IProgress<TrainingProgress>
    {
        public List<TrainingProgress> Reports { get; } = [];
        public Action<TrainingProgress>? OnReport { get; init; }
        public void Report(TrainingProgress value)
        {
            Reports.Add(value);
            OnReport?.Invoke(value);
        }
    }
}

using LstmCourse.Runner.Commands;
using LstmCourse.Weather;

namespace LstmCourse.Fuzz;

/// <summary>A temporary folder with the tiny weather corpus and a tiny trained run to mutate and resume.</summary>
internal sealed class Workspace : IDisposable
{
    public Workspace()
    {
        Root = Directory.CreateTempSubdirectory("lstm-course-fuzz-").FullName;
        Corpus = Path.Combine(Root, "corpus");
        WeatherCorpus.Write(Corpus, WeatherCorpusOptions.Tiny);
        TinyRun = Path.Combine(Root, "tiny-run");
        var trained = Case.Run([.. TinyTrain, "--set", "MaxSteps=100", "--out", TinyRun]);
        if (trained.Exit != ExitCodes.Ok) throw new InvalidOperationException("the tiny run failed: " + trained.Error);
        TinyCheckpoint = File.ReadAllBytes(Directory.GetFiles(TinyRun, "checkpoint-*.ckpt").Single());
        Shipped = File.ReadAllBytes(Directory.GetFiles(Path.Combine(RepositoryRoot(), "models", "weather"), "checkpoint-*.ckpt").Single());
    }

    public string Root { get; }
    public string Corpus { get; }
    public string TinyRun { get; }
    public byte[] TinyCheckpoint { get; }
    public byte[] Shipped { get; }

    /// <summary>The tiny config on the tiny corpus, EvaluateEvery 50, to which --out and overrides are added.</summary>
    public string[] TinyTrain => ["train", "--config", "tiny", "--set", "EvaluateEvery=50", "--corpus", Corpus];

    private int next;
    public string NewFolder(string name) => Path.Combine(Root, $"{name}-{Interlocked.Increment(ref next):D5}");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LstmCourse.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("run the fuzzer from inside the repository");
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

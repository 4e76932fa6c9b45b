using LstmCourse.Runner.Commands;
using LstmCourse.Runner.Lab;
using LstmCourse.Text;
using LstmCourse.Training;
using LstmCourse.Weather;

namespace LstmCourse.Experiments.Tests.Support;

/// <summary>Tiny training runs and lstm-course commands for the tests: a twenty-day weather corpus and configs of a few
/// dozen steps (step budgets, not time budgets, so that every run gives the same numbers).</summary>
internal static class Lab
{
    private static readonly Lazy<string> corpus = new(() =>
    {
        string folder = Directory.CreateTempSubdirectory("lstm-course-experiments-corpus-").FullName;
        WeatherCorpus.Write(folder, WeatherCorpusOptions.Tiny);
        return folder;
    });

    /// <summary>A folder with train.txt and valid.txt of <see cref="WeatherCorpusOptions.Tiny"/>.</summary>
    public static string TinyWeather => corpus.Value;

    /// <summary>The corpus as training reads it.</summary>
    public static TextSplit Data => LabInputs.Corpus(TinyWeather, TrainingConfig.Tiny);

    /// <summary>Tiny with <paramref name="steps"/> steps, an evaluation every 10.</summary>
    public static TrainingConfig Config(int steps = 20) => TrainingConfig.Tiny with { MaxSteps = steps, EvaluateEvery = 10 };

    /// <summary>Trains one run into <paramref name="folder"/> as lstm-course train does.</summary>
    public static LabRunResult Train(string folder, TrainingConfig? config = null) =>
        LabRun.Train(config ?? Config(), Data, folder, TextWriter.Null);

    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Runs lstm-course in-process.</summary>
    public static Result Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = CommandRegistry.Dispatch(args, output, error);
        return new Result(exit, output.ToString(), error.ToString());
    }

    /// <summary>lstm-course sweep with the tiny config and corpus, <paramref name="steps"/> steps a run, and the given arguments.</summary>
    public static Result Sweep(string outFolder, int steps, params string[] args) =>
        Cli(["sweep", "--config", "tiny", "--set", $"MaxSteps={steps}", "--set", "EvaluateEvery=10", "--corpus", TinyWeather, "--out", outFolder, .. args]);
}

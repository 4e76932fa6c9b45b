using System.Globalization;
using LstmCourse.Weather;

namespace LstmCourse.Runner.Commands;

/// <summary><c>lstm-course make-dataset weather</c>: writes the synthetic weather corpus.</summary>
public sealed class MakeDatasetCommand : ICommand
{
    public string Name => "make-dataset";

    public string Summary => "write a dataset the course generates (weather: the forecast corpus)";

    public string Usage => """
        lstm-course make-dataset weather [--out DIR]

        Generates the synthetic weather-forecast corpus with WeatherCorpusOptions.Default and writes train.txt and
        valid.txt into DIR (default datasets/weather), each replaced atomically. The files come out byte for byte
        as committed; their sizes and SHA-256 are printed (compare them with datasets/weather/README.md).

          --out DIR   the folder to write (created if missing; default datasets/weather)

        Exit codes: 0 written; 1 usage error (no or unknown dataset name, unknown option).
        """;

    private static readonly string[] Datasets = ["weather"];

    public int Execute(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var parsed = Arguments.Parse(Name, args, [], ["--out"]);
        if (parsed.Positionals.Count != 1)
            throw new UsageException($"name one dataset: {string.Join(", ", Datasets)}" + (parsed.Positionals.Count > 1 ? $"; got {parsed.Positionals.Count}." : "."));
        string dataset = parsed.Positionals[0];
        if (!Datasets.Contains(dataset, StringComparer.OrdinalIgnoreCase))
            throw new UsageException($"unknown dataset '{dataset}'; datasets: {string.Join(", ", Datasets)}.");
        string folder = parsed.Value("--out") ?? Path.Combine("datasets", "weather");
        var files = WeatherCorpus.Write(folder, WeatherCorpusOptions.Default);
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"{files.TrainPath}: {files.TrainProducts} products, {files.TrainBytes} bytes, SHA-256 {files.TrainSha256}"));
        output.WriteLine(string.Create(inv, $"{files.ValidationPath}: {files.ValidationProducts} products, {files.ValidationBytes} bytes, SHA-256 {files.ValidationSha256}"));
        return ExitCodes.Ok;
    }
}

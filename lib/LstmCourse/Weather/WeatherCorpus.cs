using LstmCourse.IO;
using System.Security.Cryptography;
using System.Text;

namespace LstmCourse.Weather;

/// <summary>A corpus text: the products issued before the validation start, and those from it on.</summary>
public sealed record WeatherCorpusText(string Train, string Validation, int TrainProducts, int ValidationProducts);

/// <summary>What <see cref="WeatherCorpus.Write"/> wrote: paths, sizes in bytes and SHA-256 (lowercase hex).</summary>
public sealed record WeatherCorpusFiles(
    string TrainPath, long TrainBytes, string TrainSha256, int TrainProducts,
    string ValidationPath, long ValidationBytes, string ValidationSha256, int ValidationProducts);

/// <summary>The synthetic weather-forecast corpus of the lab: <see cref="ForecastGenerator"/> products split by date
/// into <c>train.txt</c> and <c>valid.txt</c>, ASCII, "\n" newlines, products separated by a blank line.</summary>
/// <remarks>Taught in notebooks/08-weather-forecasts.ipynb; regenerate with <see cref="Write"/> and
/// <see cref="WeatherCorpusOptions.Default"/>.</remarks>
public static class WeatherCorpus
{
    public const string TrainFileName = "train.txt";
    public const string ValidationFileName = "valid.txt";

    /// <summary>Generates the corpus text in memory.</summary>
    public static WeatherCorpusText Build(WeatherCorpusOptions options)
    {
        options.Validate();
        var train = new StringBuilder();
        var validation = new StringBuilder();
        int trainCount = 0, validationCount = 0;
        foreach (var product in ForecastGenerator.Generate(options.Seed, options.StartDate, options.Days, options.ZonesPerIssuance))
        {
            bool isValidation = DateOnly.FromDateTime(product.Issued) >= options.ValidationStart;
            var sb = isValidation ? validation : train;
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(product.Text);
            if (isValidation) validationCount++; else trainCount++;
        }
        return new WeatherCorpusText(train.ToString(), validation.ToString(), trainCount, validationCount);
    }

    /// <summary>Writes <c>train.txt</c> and <c>valid.txt</c> into <paramref name="folder"/> (created if missing),
    /// each through a temporary file moved over the old one, so a reader never sees half a file.</summary>
    public static WeatherCorpusFiles Write(string folder, WeatherCorpusOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var corpus = Build(options);
        Directory.CreateDirectory(folder);
        string trainPath = Path.Combine(folder, TrainFileName), validationPath = Path.Combine(folder, ValidationFileName);
        byte[] train = Encoding.ASCII.GetBytes(corpus.Train), validation = Encoding.ASCII.GetBytes(corpus.Validation);
        AtomicFile.WriteAllBytes(trainPath, train);
        AtomicFile.WriteAllBytes(validationPath, validation);
        return new WeatherCorpusFiles(trainPath, train.Length, Sha256(train), corpus.TrainProducts,
            validationPath, validation.Length, Sha256(validation), corpus.ValidationProducts);
    }

    /// <summary>Reads <c>train.txt</c> and <c>valid.txt</c> from <paramref name="folder"/>.</summary>
    public static (string Train, string Validation) Read(string folder)
    {
        string trainPath = Path.Combine(folder, TrainFileName), validationPath = Path.Combine(folder, ValidationFileName);
        foreach (string path in new[] { trainPath, validationPath })
            if (!File.Exists(path))
                throw new FileNotFoundException($"{path} is missing; regenerate it with WeatherCorpus.Write(\"{folder}\", WeatherCorpusOptions.Default).", path);
        return (File.ReadAllText(trainPath, Encoding.ASCII), File.ReadAllText(validationPath, Encoding.ASCII));
    }

    /// <summary>SHA-256 of <paramref name="bytes"/> as lowercase hex.</summary>
    public static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
}

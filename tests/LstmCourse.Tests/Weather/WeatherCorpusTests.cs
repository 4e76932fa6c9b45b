using System.Globalization;
using System.Text;
using LstmCourse.Weather;

namespace LstmCourse.Tests.Weather;

public class WeatherCorpusTests
{
    private static readonly string Folder = RepositoryFiles.WeatherDataset;
    private static readonly WeatherCorpusOptions Options = WeatherCorpusOptions.Default;

    private static byte[] Committed(string name) => File.ReadAllBytes(Path.Combine(Folder, name));

    [Fact]
    public void The_committed_files_regenerate_byte_for_byte_from_the_documented_options()
    {
        var built = WeatherCorpus.Build(Options);
        Assert.Equal(WeatherCorpus.Sha256(Committed(WeatherCorpus.TrainFileName)), WeatherCorpus.Sha256(Encoding.ASCII.GetBytes(built.Train)));
        Assert.Equal(WeatherCorpus.Sha256(Committed(WeatherCorpus.ValidationFileName)), WeatherCorpus.Sha256(Encoding.ASCII.GetBytes(built.Validation)));
    }

    [Fact]
    public void The_readme_states_the_options_sizes_product_counts_and_checksums()
    {
        string readme = File.ReadAllText(Path.Combine(Folder, "README.md"));
        var o = Options;
        Assert.Contains(string.Create(CultureInfo.InvariantCulture,
            $"new WeatherCorpusOptions {{ Seed = {o.Seed}, StartDate = new({o.StartDate.Year}, {o.StartDate.Month}, {o.StartDate.Day}), Days = {o.Days}, ZonesPerIssuance = {o.ZonesPerIssuance}, ValidationFraction = {o.ValidationFraction} }}"), readme);
        foreach (string name in new[] { WeatherCorpus.TrainFileName, WeatherCorpus.ValidationFileName })
        {
            byte[] bytes = Committed(name);
            int products = Encoding.ASCII.GetString(bytes).Split('\n').Count(l => l == "$$");
            Assert.Contains($"| `{name}` |", readme);
            Assert.Contains($"| {products} | {bytes.Length} | `{WeatherCorpus.Sha256(bytes)}` |", readme);
        }
        Assert.Contains($"to {o.ValidationStart.AddDays(-1):yyyy-MM-dd} |", readme);
        Assert.Contains($"| {o.ValidationStart:yyyy-MM-dd} to {o.StartDate.AddDays(o.Days - 1):yyyy-MM-dd} |", readme);
    }

    [Fact]
    public void Both_files_score_full_marks_on_every_measure()
    {
        var (train, validation) = WeatherCorpus.Read(Folder);
        foreach (string text in new[] { train, validation })
        {
            var report = ForecastValidator.Validate(text);
            Assert.True(report.ProductCount > 0);
            Assert.All(report.Fractions, f => Assert.True(f.Fraction == 1.0, $"{f.Measure}: {f.Fraction:P2}; {report}"));
        }
    }

    [Fact]
    public void Validation_holds_the_last_tenth_of_the_days_and_training_everything_before()
    {
        var (train, validation) = WeatherCorpus.Read(Folder);
        DateOnly[] Dates(string text) => ForecastValidator.Validate(text).Products.Select(p => DateOnly.FromDateTime(p.Forecast!.Issued)).ToArray();
        var trainDates = Dates(train);
        var validationDates = Dates(validation);
        Assert.Equal(110, Options.ValidationDays);
        Assert.Equal(Options.StartDate, trainDates.Min());
        Assert.Equal(Options.ValidationStart.AddDays(-1), trainDates.Max());
        Assert.Equal(Options.ValidationStart, validationDates.Min());
        Assert.Equal(Options.StartDate.AddDays(Options.Days - 1), validationDates.Max());
        Assert.Equal(trainDates.Order(), trainDates);                          // products in issuance order
        Assert.Equal(2 * Options.ValidationDays, validationDates.Length);     // two issuances a day, one zone each
    }

    [Fact]
    public void The_files_are_ascii_with_unix_newlines_and_1_to_3_MB_in_all()
    {
        byte[] train = Committed(WeatherCorpus.TrainFileName), validation = Committed(WeatherCorpus.ValidationFileName);
        Assert.InRange(train.Length + validation.Length, 1_000_000, 3_000_000);
        Assert.All(new[] { train, validation }, bytes => Assert.DoesNotContain(bytes, b => b > 127 || b == '\r' || (b < 32 && b != '\n')));
    }

    [Fact]
    public void Write_replaces_files_through_a_temporary_and_reports_their_checksums()
    {
        string folder = Path.Combine(Path.GetTempPath(), "lstmcourse-weather-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = WeatherCorpus.Write(folder, WeatherCorpusOptions.Tiny);
            var second = WeatherCorpus.Write(folder, WeatherCorpusOptions.Tiny with { Seed = 3 });
            Assert.NotEqual(first.TrainSha256, second.TrainSha256);
            Assert.Equal(second.TrainSha256, WeatherCorpus.Sha256(File.ReadAllBytes(second.TrainPath)));
            Assert.Equal(second.ValidationSha256, WeatherCorpus.Sha256(File.ReadAllBytes(second.ValidationPath)));
            Assert.Equal(second.TrainBytes, new FileInfo(second.TrainPath).Length);
            Assert.Equal(new[] { "train.txt", "valid.txt" }, Directory.GetFiles(folder).Select(Path.GetFileName).Order());
            Assert.Equal((36, 4), (second.TrainProducts, second.ValidationProducts));       // 20 days: 18 train, 2 validation
            Assert.Equal(WeatherCorpus.Build(WeatherCorpusOptions.Tiny with { Seed = 3 }).Train, WeatherCorpus.Read(folder).Train);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Read_names_the_missing_file_and_how_to_regenerate_it()
    {
        var e = Assert.Throws<FileNotFoundException>(() => WeatherCorpus.Read(Path.Combine(Path.GetTempPath(), "no-such-weather-folder")));
        Assert.Contains("train.txt", e.Message);
        Assert.Contains("WeatherCorpus.Write", e.Message);
    }

    [Theory]
    [InlineData(1, 0.1, 1, "Days")]
    [InlineData(20, 0.0, 1, "ValidationFraction")]
    [InlineData(20, 1.0, 1, "ValidationFraction")]
    [InlineData(20, 0.1, 0, "ZonesPerIssuance")]
    public void Bad_options_are_refused_by_name(int days, double fraction, int zones, string name)
    {
        var options = new WeatherCorpusOptions { Days = days, ValidationFraction = fraction, ZonesPerIssuance = zones };
        Assert.Equal(name, Assert.Throws<ArgumentException>(() => WeatherCorpus.Build(options)).ParamName);
    }
}

using LstmCourse.Numerics;
using LstmCourse.Sampling;
using LstmCourse.Training;
using LstmCourse.Weather;

namespace LstmCourse.Tests.Weather;

/// <summary>The shipped model samples the same text as before the vocabulary became Unicode scalar values: the files in
/// Fixtures/shipped-model were printed by <c>lstm-course sample</c> at f39ca01 (see the README there).</summary>
public class ShippedModelSamplesTests
{
    private static readonly Checkpoint Shipped = Checkpoint.Load(
        Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "models", "weather"), "checkpoint-*.ckpt").Single());

    private static string Recorded(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "shipped-model", name));

    private static Sampler Sampler() => new(Shipped.CreateModel(), Shipped.Vocabulary);

    [Theory]
    [InlineData("t0.8-seed7.txt", 3000, 0.8, 7)]
    [InlineData("t4-seed3.txt", 2000, 4.0, 3)]
    public void Sampled_with_a_seed_and_temperature_it_writes_the_recorded_text(string file, int length, double temperature, int seed)
    {
        string text = Sampler().Sample(length, new Rng(seed), "", new SamplingOptions(temperature));
        Assert.Equal(Recorded(file), text + "\n");
    }

    [Fact]
    public void Greedy_from_a_prime_it_writes_the_recorded_text()
    {
        string text = Sampler().Sample(500, null, "ZONE", SamplingOptions.Argmax);
        Assert.Equal(Recorded("greedy.txt"), "ZONE" + text + "\n");
    }

    [Fact]
    public void Primed_with_three_validation_headers_it_writes_the_recorded_products()
    {
        var (_, valid) = WeatherCorpus.Read(RepositoryFiles.WeatherDataset);
        var headers = ForecastSampling.SpreadHeaders(ForecastSampling.Products(valid), 3);
        var rng = new Rng(1);
        var sampler = Sampler();
        string text = string.Concat(headers.Select(h => ForecastSampling.SampleProduct(sampler, h, rng, new SamplingOptions(0.8))));
        Assert.Equal(Recorded("products3-seed1.txt"), text + "\n");
    }
}

using System.Globalization;
using LstmCourse.Baselines;
using LstmCourse.Numerics;
using LstmCourse.Sampling;
using LstmCourse.Training;
using LstmCourse.Weather;

namespace LstmCourse.Tests.Weather;

/// <summary>The lab's bars for the pretrained model in models/weather, measured on products sampled at τ = 0.8, each primed
/// with a header from valid.txt (text the model never trained on).</summary>
public class ShippedModelTests
{
    private static readonly string Folder = Path.Combine(RepositoryFiles.Root, "models", "weather");

    private static Checkpoint Shipped() => Checkpoint.Load(Directory.GetFiles(Folder, "checkpoint-*.ckpt").Single());

    [Fact]
    public void Of_220_products_sampled_at_0_8_one_per_validation_header_90_percent_parse_and_80_percent_keep_the_weekday()
    {
        var checkpoint = Shipped();
        var sampler = new Sampler(checkpoint.CreateModel(), checkpoint.Vocabulary);
        var (_, valid) = WeatherCorpus.Read(RepositoryFiles.WeatherDataset);
        var headers = ForecastSampling.Products(valid).Select(ForecastSampling.Header).ToList();   // morning and afternoon issuances alike
        var report = ForecastSampling.Score(sampler, headers, new Rng(1), new SamplingOptions(Temperature: 0.8));

        int parsed = report.ParsedCount, weekdays = report.Products.Count(p => p.WeekdaysConsistent == true);
        Assert.Equal(220, headers.Count);
        Assert.True(parsed >= 0.9 * headers.Count, $"{parsed} of {headers.Count} products parse (bar: 90%); {report}");
        Assert.True(weekdays >= 0.8 * headers.Count, $"{weekdays} of {headers.Count} products keep the header's weekday (bar: 80%); {report}");
    }

    [Fact]
    public void Its_validation_bits_per_character_on_all_of_valid_txt_beat_the_5_gram()
    {
        var checkpoint = Shipped();
        var last = checkpoint.History.Last(h => h.ValidationLoss is not null);
        Assert.Equal(0, checkpoint.Config.ValidationBatches);                   // the whole validation text
        Assert.Equal(checkpoint.Position.Step, last.Step);                      // the final weights' score
        var (train, valid) = WeatherCorpus.Read(RepositoryFiles.WeatherDataset);
        double ngram = CharNGram.Train(train, 5, valid).BitsPerCharacter(valid);
        Assert.True(last.ValidationBpc < ngram, $"shipped {last.ValidationBpc:F3} bits/char, 5-gram {ngram:F3}");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"checkpoint-val{last.ValidationBpc:0.000}.ckpt"), Directory.GetFiles(Folder).Select(Path.GetFileName));
    }
}

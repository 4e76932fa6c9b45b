using LstmCourse.Fast;
using LstmCourse.Numerics;
using LstmCourse.Sampling;
using LstmCourse.Text;
using LstmCourse.Weather;

namespace LstmCourse.Tests.Weather;

public class ForecastSamplingTests
{
    private static readonly string Valid = WeatherCorpus.Read(RepositoryFiles.WeatherDataset).Validation;

    [Fact]
    public void Products_cut_the_corpus_into_its_products_and_lose_no_character()
    {
        var products = ForecastSampling.Products(Valid);
        Assert.Equal(ForecastValidator.Validate(Valid).ProductCount, products.Count);
        Assert.All(products, p => Assert.True(ForecastValidator.Validate(p).Products.Single().AllPass, p));
        Assert.Equal(Valid.TrimEnd('\n'), string.Join("\n", products).TrimEnd('\n'));                  // products are separated by a blank line
    }

    [Fact]
    public void Text_after_the_last_terminator_is_not_a_product()
    {
        var products = ForecastSampling.Products(Valid + "\nWVZ005-171700-\nWIRT-\n");
        Assert.Equal(ForecastSampling.Products(Valid), products);
    }

    [Fact]
    public void A_header_runs_through_the_blank_line_after_the_issuance_time()
    {
        string product = ForecastSampling.Products(Valid)[0];
        string header = ForecastSampling.Header(product);
        Assert.EndsWith("\n\n", header);
        Assert.StartsWith(header, product);
        Assert.Matches(@"^\d{3,4} (AM|PM) (EST|EDT) [A-Z]{3} [A-Z]{3} \d{1,2} \d{4}$", header.TrimEnd('\n').Split('\n')[^1]);
        Assert.Contains("no blank line", Assert.Throws<ArgumentException>(() => ForecastSampling.Header("WVZ005-171700-\nWIRT-\n")).Message);
    }

    [Fact]
    public void Spread_headers_take_every_kth_product_and_all_of_them_at_full_count()
    {
        var products = ForecastSampling.Products(Valid);
        Assert.Equal(products.Select(ForecastSampling.Header), ForecastSampling.SpreadHeaders(products, products.Count));
        Assert.Equal([0, 55, 110, 165], ForecastSampling.SpreadHeaders(products, 4).Select(h => products.Select(ForecastSampling.Header).ToList().IndexOf(h)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ForecastSampling.SpreadHeaders(products, products.Count + 1));
    }

    [Fact]
    public void A_sampled_product_is_the_header_then_the_samplers_draw_through_the_terminator()
    {
        var vocabulary = Vocabulary.FromText(Valid);
        var sampler = new Sampler(new CharLstm(vocabulary.Size, 8, seed: 3), vocabulary);
        string header = ForecastSampling.Header(ForecastSampling.Products(Valid)[5]);
        string product = ForecastSampling.SampleProduct(sampler, header, new Rng(2), new SamplingOptions(0.8), maxLength: 600);
        string draw = sampler.SampleUntil("\n$$", 600 - header.Length, new Rng(2), "\n" + header, new SamplingOptions(0.8));
        Assert.Equal(header + draw + "\n", product);
        Assert.True(product.Length <= 601);
    }

    [Fact]
    public void Scores_count_one_candidate_per_header_when_the_model_writes_the_terminator()
    {
        var vocabulary = Vocabulary.FromText(Valid);
        var sampler = new Sampler(new CharLstm(vocabulary.Size, 8, seed: 3), vocabulary);
        var headers = ForecastSampling.Products(Valid).Take(3).Select(ForecastSampling.Header).ToList();
        var report = ForecastSampling.Score(sampler, headers, new Rng(1), new SamplingOptions(0.8), maxLength: 400);
        Assert.True(report.ProductCount >= 3, report.ToString());                      // an untrained model: unparsed candidates
        Assert.Equal(report.ToString(), ForecastSampling.Score(sampler, headers, new Rng(1), new SamplingOptions(0.8), maxLength: 400).ToString());
    }
}

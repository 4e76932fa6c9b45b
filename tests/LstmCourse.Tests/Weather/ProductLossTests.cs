using LstmCourse.Fast;
using LstmCourse.Text;
using LstmCourse.Weather;

namespace LstmCourse.Tests.Weather;

public class ProductLossTests
{
    private static readonly string[] Products = ["AB.\n$$\n", "BA CAB.\n\n$$\n", "C.\n$$\n", "ABC ABC.\n$$\n"];
    private static readonly Vocabulary Vocab = Vocabulary.FromText(string.Concat(Products));
    private static CharLstm Model() => new(Vocab.Size, 12, 2, seed: 3);

    /// <summary>Σ −ln p over the characters of <paramref name="text"/>, stepping one character at a time from <paramref name="state"/>.</summary>
    private static double StepLoss(CharLstm model, InferenceState state, int previous, string text)
    {
        var z = new float[model.VocabSize];
        double sum = 0;
        foreach (int y in Vocab.Encode(text))
        {
            model.Step(previous, state, z);
            double max = z.Max(), logSum = max + Math.Log(z.Sum(v => Math.Exp(v - max)));
            sum += logSum - z[y];
            previous = y;
        }
        return sum;
    }

    [Theory]
    [InlineData(1, 256)]
    [InlineData(3, 256)]
    [InlineData(3, 2)]
    [InlineData(32, 5)]
    public void Fresh_reads_every_product_from_a_new_state_after_a_newline_whatever_the_batch_and_window(int batchSize, int window)
    {
        var model = Model();
        int newline = Vocab.IdOf('\n');
        double expected = Products.Sum(p => StepLoss(model, model.NewInferenceState(), newline, p)) / Products.Sum(p => p.Length) / Math.Log(2);
        Assert.Equal(expected, ProductLoss.FreshBitsPerChar(model, Vocab, Products, batchSize, window), 1e-5);
    }

    [Fact]
    public void Carried_reads_rows_of_consecutive_products_joined_by_a_blank_line_with_the_state_carried()
    {
        var model = Model();
        int newline = Vocab.IdOf('\n');
        // two rows: products 0-1 and 2-3; the shorter row ("C.\n$$\n" + "\n" + "ABC ABC.\n$$\n") sets L
        string row0 = Products[0] + "\n" + Products[1], row1 = Products[2] + "\n" + Products[3];
        int L = Math.Min(row0.Length, row1.Length);
        double expected = (StepLoss(model, model.NewInferenceState(), newline, row0[..L]) + StepLoss(model, model.NewInferenceState(), newline, row1[..L]))
                        / (2.0 * L) / Math.Log(2);
        foreach (int window in new[] { 1, 4, 1024 })
            Assert.Equal(expected, ProductLoss.CarriedBitsPerChar(model, Vocab, Products, batchSize: 2, window: window), 1e-5);
    }

    [Fact]
    public void Bad_arguments_name_the_problem()
    {
        var model = Model();
        Assert.Contains("no products", Assert.Throws<ArgumentException>(() => ProductLoss.FreshBitsPerChar(model, Vocab, [])).Message);
        Assert.Contains("too few", Assert.Throws<ArgumentException>(() => ProductLoss.CarriedBitsPerChar(model, Vocab, Products, batchSize: 5)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ProductLoss.FreshBitsPerChar(model, Vocab, Products, batchSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProductLoss.CarriedBitsPerChar(model, Vocab, Products, window: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProductLoss.FreshBitsPerChar(model, Vocab, Products, window: 0));
        Assert.Contains("vocabulary", Assert.Throws<ArgumentException>(() => ProductLoss.FreshBitsPerChar(new CharLstm(Vocab.Size + 1, 4), Vocab, Products)).Message);
        Assert.ThrowsAny<ArgumentException>(() => ProductLoss.FreshBitsPerChar(model, Vocab, ["XYZ\n"]));
    }
}

using LstmCourse.Fitting;
using LstmCourse.Models;
using LstmCourse.Numerics;

namespace LstmCourse.Tasks;

/// <summary>One tiny runnable task per recurrent architecture of the slides, each trained by the same LSTM recipe.</summary>
/// <remarks>
/// <code>
/// one-to-one              x → y                  a point's quadrant (image classification, T = 1)
/// one-to-many             x → y_1..y_T           a number 0..15 → its 4 bits, most significant first (captioning)
/// many-to-one             x_1..x_T → y           more positive than negative words? (sentiment)
/// many-to-many (enc-dec)  x_1..x_T → y_1..y_T    read 4 symbols, then write them reversed (translation)
/// synchronised            x_t → y_t every step   the parity of the bits so far (labelling every video frame)
/// </code>
/// Targets are −1 on the steps that have none, so one <see cref="SequenceModel"/> and one loss cover all five.
/// Taught in notebooks/06-modeling-sequences.ipynb.
/// </remarks>
public static class ArchitectureExamples
{
    /// <summary>All five, in the order of the slide.</summary>
    public static IReadOnlyList<ArchitectureExample> All(int seed = 0) =>
        [OneToOne(seed), OneToMany(seed), ManyToOne(seed), EncoderDecoder(seed), Synchronised(seed)];

    /// <summary>One-to-one: the quadrant (0..3) of a point in [−1, 1]², read in a single step.</summary>
    public static ArchitectureExample OneToOne(int seed = 0) => Make("one-to-one", "a point (x₁, x₂) → its quadrant",
        inputSize: 2, hiddenSize: 8, outputSize: 4, chance: 0.25, epochs: 15, seed, rng =>
        {
            double x1 = 2 * rng.NextDouble() - 1, x2 = 2 * rng.NextDouble() - 1;
            return Example.Single([x1, x2], (x1 >= 0 ? 0 : 1) + (x2 >= 0 ? 0 : 2));
        });

    /// <summary>One-to-many: a number 0..15, shown once as a one-hot vector, then its 4 bits one per step.</summary>
    public static ArchitectureExample OneToMany(int seed = 0) => Make("one-to-many", "a number 0..15 → its 4 bits",
        inputSize: 16, hiddenSize: 16, outputSize: 2, chance: 0.5, epochs: 20, seed, rng =>
        {
            int n = rng.NextInt(16);
            var xs = new[] { OneHot.Vector(n, 16), new double[16], new double[16], new double[16] };   // then nothing
            return Example.Classify(xs, [(n >> 3) & 1, (n >> 2) & 1, (n >> 1) & 1, n & 1]);
        });

    /// <summary>Words of a many-to-one review: 0–1 positive, 2–3 negative, 4–5 neutral.</summary>
    public static readonly string[] SentimentWords = ["good", "great", "bad", "awful", "movie", "plot"];

    /// <summary>Many-to-one: 6 to 10 words; positive (1) when there are more positive than negative words.</summary>
    public static ArchitectureExample ManyToOne(int seed = 0) => Make("many-to-one", "a review's words → positive or negative",
        inputSize: 6, hiddenSize: 16, outputSize: 2, chance: 0.5, epochs: 15, seed, rng =>
        {
            while (true)
            {
                int T = 6 + rng.NextInt(5);
                var words = Enumerable.Range(0, T).Select(_ => rng.NextInt(6)).ToArray();
                int score = words.Count(w => w < 2) - words.Count(w => w is 2 or 3);
                if (score != 0) return Example.ManyToOne(OneHot.Sequence(words, 6), score > 0 ? 1 : 0);  // ties are drawn again
            }
        });

    /// <summary>Many-to-many, encoder-decoder: read 4 symbols (0..3), then on a "go" mark and 3 blanks write them reversed.</summary>
    /// <remarks>The same LSTM encodes while reading and decodes while writing; the state after reading is the only
    /// bridge between the two halves, the bottleneck that attention later removes.</remarks>
    public static ArchitectureExample EncoderDecoder(int seed = 0) => Make("many-to-many (encoder-decoder)", "4 symbols → the same 4 reversed",
        inputSize: 6, hiddenSize: 24, outputSize: 4, chance: 0.25, epochs: 30, seed, rng =>
        {
            var s = Enumerable.Range(0, 4).Select(_ => rng.NextInt(4)).ToArray();
            int[] tokens = [.. s, 4, 5, 5, 5];                                   // 4 = go, 5 = blank
            return Example.Classify(OneHot.Sequence(tokens, 6), [-1, -1, -1, -1, s[3], s[2], s[1], s[0]]);
        });

    /// <summary>Synchronised many-to-many: 10 random bits, and after each one the parity of the bits so far.</summary>
    public static ArchitectureExample Synchronised(int seed = 0) => Make("synchronised many-to-many", "bits → running parity at every step",
        inputSize: 2, hiddenSize: 8, outputSize: 2, chance: 0.5, epochs: 15, seed, rng =>
        {
            var bits = Enumerable.Range(0, 10).Select(_ => rng.NextInt(2)).ToArray();
            var parity = new int[10];
            for (int t = 0, p = 0; t < 10; t++) parity[t] = p ^= bits[t];
            return Example.Classify(OneHot.Sequence(bits, 2), parity);
        });

    private static ArchitectureExample Make(string pattern, string task, int inputSize, int hiddenSize, int outputSize,
        double chance, int epochs, int seed, Func<Rng, Example> draw)
    {
        var rng = new Rng(seed);
        var train = Enumerable.Range(0, 400).Select(_ => draw(rng)).ToArray();
        var test = Enumerable.Range(0, 200).Select(_ => draw(rng)).ToArray();
        var config = new FitConfig { Epochs = epochs, BatchSize = 8, LearningRate = 0.01, Optimizer = OptimizerKind.Adam, Seed = seed };
        return new ArchitectureExample(pattern, task, inputSize, hiddenSize, outputSize, chance, train, test, config, seed);
    }
}

/// <summary>One architecture's task: its data, the chance level of a guess per step, and the fit that trains it.</summary>
public sealed record ArchitectureExample(
    string Pattern, string Task, int InputSize, int HiddenSize, int OutputSize, double Chance,
    IReadOnlyList<Example> Train, IReadOnlyList<Example> Test, FitConfig Config, int Seed)
{
    /// <summary>A fresh LSTM of the right sizes.</summary>
    public SequenceModel CreateModel() => SequenceModel.Lstm(InputSize, HiddenSize, OutputSize, seed: Seed);

    /// <summary>Trains a fresh model and measures it on the test set.</summary>
    public ArchitectureResult Run()
    {
        var model = CreateModel();
        var history = Fitter.Fit(model, Train, Config);
        var fit = new SequenceModelFit(model);
        return new ArchitectureResult(this, model, history, Accuracy.PerStep(fit, Test), Accuracy.PerSequence(fit, Test));
    }
}

/// <summary>A trained architecture example: the model, its history, and test accuracy per target step and per whole sequence.</summary>
public sealed record ArchitectureResult(ArchitectureExample Example, SequenceModel Model, FitHistory History, double StepAccuracy, double SequenceAccuracy);

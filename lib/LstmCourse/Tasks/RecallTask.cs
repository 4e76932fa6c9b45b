using LstmCourse.Attention;
using LstmCourse.Fitting;
using LstmCourse.Models;
using LstmCourse.Numerics;

namespace LstmCourse.Tasks;

/// <summary>The slides' recipe question: "Today I'm making braised spare ribs… (1000 words later)… what dish did we make?"
/// The first token is one of K dishes, then L filler words, then the question; the answer is the first token.</summary>
/// <remarks>
/// <code>
/// tokens:  dish, filler_1 … filler_L, ?          T = L + 2, vocabulary V = K dishes + F fillers + 1 question
/// target:  at the last step only, the dish       chance = 1/K
/// </code>
/// Fillers are drawn uniformly, so nothing but the first step says which dish it was: the network has to carry it
/// across L steps. With <see cref="Training"/> and H = 16 (K = 4, F = 8), a plain RNN stays near chance from about
/// L = 50 on while <see cref="CreateLstm"/> reaches 100 %; at L = 100 the final-state LSTM fails in the same budget and
/// <see cref="CreateAttention"/> recovers the dish. Taught in notebooks/01-why-rnns-forget.ipynb and 04-lstm-cell.ipynb.
/// </remarks>
public sealed class RecallTask
{
    private static readonly string[] DishNames =
        ["spare ribs", "braised pork", "fish soup", "fried rice", "dumplings", "noodles", "tofu", "hot pot"];
    private static readonly string[] FillerNames =
        ["then", "add", "stir", "wait", "salt", "heat", "chop", "taste"];

    public RecallTask(int dishes = 4, int fillerLength = 50, int fillerWords = 8)
    {
        if (dishes < 2) throw new ArgumentException($"dishes must be at least 2 (a choice), got {dishes}.", nameof(dishes));
        if (fillerLength < 0) throw new ArgumentException($"fillerLength must be ≥ 0, got {fillerLength}.", nameof(fillerLength));
        if (fillerWords < 1) throw new ArgumentException($"fillerWords must be at least 1, got {fillerWords}.", nameof(fillerWords));
        Dishes = dishes;
        FillerLength = fillerLength;
        FillerWords = fillerWords;
    }

    /// <summary>K, the number of dishes (classes).</summary>
    public int Dishes { get; }

    /// <summary>L, the filler words between the dish and the question.</summary>
    public int FillerLength { get; }

    /// <summary>F, the distinct filler words.</summary>
    public int FillerWords { get; }

    /// <summary>V = K + F + 1, the one-hot input size.</summary>
    public int VocabularySize => Dishes + FillerWords + 1;

    /// <summary>T = L + 2 steps per sequence.</summary>
    public int Steps => FillerLength + 2;

    /// <summary>The question token, the last input of every sequence.</summary>
    public int Question => Dishes + FillerWords;

    /// <summary>1/K, the accuracy of guessing.</summary>
    public double Chance => 1.0 / Dishes;

    /// <summary>A readable name for a token ("spare ribs", "stir", "?").</summary>
    public string TokenName(int token) =>
        token < 0 || token >= VocabularySize ? throw new ArgumentException($"token {token} is outside 0..{VocabularySize - 1}.", nameof(token))
        : token < Dishes ? (token < DishNames.Length ? DishNames[token] : $"dish{token}")
        : token < Question ? (token - Dishes < FillerNames.Length ? FillerNames[token - Dishes] : $"word{token - Dishes}")
        : "?";

    /// <summary>One sequence's tokens: dish, L fillers, question.</summary>
    public int[] Tokens(int dish, Rng rng)
    {
        if ((uint)dish >= (uint)Dishes) throw new ArgumentException($"dish {dish} is outside 0..{Dishes - 1}.", nameof(dish));
        var tokens = new int[Steps];
        tokens[0] = dish;
        for (int t = 1; t <= FillerLength; t++) tokens[t] = Dishes + rng.NextInt(FillerWords);
        tokens[^1] = Question;
        return tokens;
    }

    /// <summary>The example for given tokens: one-hot inputs, the first token as the label at the last step.</summary>
    public Example ToExample(int[] tokens)
    {
        if (tokens.Length != Steps) throw new ArgumentException($"tokens has {tokens.Length} steps, expected L + 2 = {Steps}.", nameof(tokens));
        return Example.ManyToOne(OneHot.Sequence(tokens, VocabularySize), tokens[0]);
    }

    /// <summary>The fit the lessons use: Adam, η = 0.005, minibatches of 8, 10 epochs (of 400 examples).</summary>
    public static FitConfig Training => new() { Epochs = 10, BatchSize = 8, LearningRate = 0.005, Optimizer = OptimizerKind.Adam };

    /// <summary>A final-state LSTM for this task, its gates biased to "keep by default, write rarely".</summary>
    /// <remarks>
    /// <code>
    /// b_f = 3   →  f ≈ σ(3) ≈ 0.95   a stored value survives 50 steps at 0.95⁵⁰ ≈ 8 %  (at b_f = 1: 0.73⁵⁰ ≈ 10⁻⁷)
    /// b_i = −3  →  i ≈ σ(−3) ≈ 0.05  filler words barely write, so c does not fill up with noise
    /// </code>
    /// The default forget bias of 1 learns this task only for some seeds at L = 50; these two biases make it learn
    /// for almost all (a form of the "chrono" initialisation of Tallec and Ollivier, 2018).
    /// </remarks>
    public SequenceModel CreateLstm(int hiddenSize = 16, int seed = 0, double forgetBias = 3, double inputBias = -3)
    {
        if (!double.IsFinite(inputBias)) throw new ArgumentException($"inputBias must be finite, got {inputBias}.", nameof(inputBias));
        var model = SequenceModel.Lstm(VocabularySize, hiddenSize, Dishes, 1, seed, forgetBias);
        var b = model.Parameters["layer0.b"].Value.Data;                    // rows [i | f | g | o]
        for (int k = 0; k < hiddenSize; k++) b[k] = inputBias;               // input-gate bias
        return model;
    }

    /// <summary>A final-state plain tanh RNN for this task.</summary>
    public SequenceModel CreateRnn(int hiddenSize = 16, int seed = 0) =>
        SequenceModel.Rnn(VocabularySize, hiddenSize, Dishes, 1, seed);

    /// <summary>A plain RNN encoder read by attention over every h_t: it looks the dish up instead of carrying it.</summary>
    public AttentionClassifier CreateAttention(int hiddenSize = 16, int seed = 0) =>
        AttentionClassifier.Rnn(VocabularySize, hiddenSize, Dishes, seed);

    /// <summary>Trains <paramref name="model"/> on <paramref name="trainCount"/> fresh examples (seed) and measures
    /// its accuracy on <paramref name="testCount"/> others (seed + 1).</summary>
    public RecallResult Run(IFittable model, int trainCount = 400, int testCount = 200, FitConfig? config = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        var fit = (config ?? Training) with { Seed = seed };
        var history = Fitter.Fit(model, Generate(trainCount, seed), fit);
        return new RecallResult(FillerLength, history, Fitter.Evaluate(model, Generate(testCount, seed + 1)).Accuracy);
    }

    /// <summary>Trains a <see cref="SequenceModel"/>; see <see cref="Run(IFittable, int, int, FitConfig?, int)"/>.</summary>
    public RecallResult Run(SequenceModel model, int trainCount = 400, int testCount = 200, FitConfig? config = null, int seed = 0) =>
        Run(new SequenceModelFit(model), trainCount, testCount, config, seed);

    /// <summary>Test accuracy against the filler length L: for each L a fresh model from <paramref name="createModel"/>
    /// (given the task and the seed) trained with <see cref="Run(IFittable, int, int, FitConfig?, int)"/>.</summary>
    public static IReadOnlyList<RecallResult> AccuracyByLength(IEnumerable<int> fillerLengths, Func<RecallTask, int, IFittable> createModel,
        int dishes = 4, int fillerWords = 8, int trainCount = 400, FitConfig? config = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(createModel);
        return fillerLengths.Select(L =>
        {
            var task = new RecallTask(dishes, L, fillerWords);
            return task.Run(createModel(task, seed), trainCount, 200, config, seed);
        }).ToArray();
    }

    /// <summary><paramref name="count"/> examples with dishes in turn (balanced classes) and random fillers; same seed, same examples.</summary>
    public IReadOnlyList<Example> Generate(int count, int seed)
    {
        if (count <= 0) throw new ArgumentException($"count must be positive, got {count}.", nameof(count));
        var rng = new Rng(seed);
        return Enumerable.Range(0, count).Select(n => ToExample(Tokens(n % Dishes, rng))).ToArray();
    }
}

/// <summary>One recall run: the filler length, the training history and the accuracy on unseen sequences.</summary>
public sealed record RecallResult(int FillerLength, FitHistory History, double TestAccuracy);

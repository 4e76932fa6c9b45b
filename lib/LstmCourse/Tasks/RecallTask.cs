using LstmCourse.Attention;
using LstmCourse.Fitting;
using LstmCourse.Models;
using LstmCourse.Numerics;

namespace LstmCourse.Tasks;

/// <summary>The slides' recipe question: "Today I'm making braised spare ribs… (1000 words later)… what dish did we make?"
/// The first token is one of K dishes, then L filler words, then the question; the answer is the dish.</summary>
/// <remarks>
/// <code>
/// tokens:  dish, filler_1 … filler_L, ?          T = L + 2, vocabulary V = K dishes + F fillers + 1 question
/// target:  at the last step only, the dish       chance = 1/K
/// anywhere: the dish at a random step 1..L+1 (fillers around it), the question still last
/// dishFeature: one more input, 1 at every dish (the "this word is a dish" part a word embedding would share)
/// </code>
/// Fillers are drawn uniformly, so nothing but the dish's step says which dish it was: a final-state network has to
/// carry it to the question. With <see cref="Training"/> and H = 16 (K = 4, F = 8), most runs of a plain RNN stay near
/// chance from about L = 80 on (now and then one learns even L = 100), while <see cref="CreateLstm"/> reaches 100 % at
/// L = 100. <see cref="CreateAttention"/> looks the dish
/// up instead of carrying it. Taught in notebooks/01-why-rnns-forget.ipynb and 04-lstm-cell.ipynb.
/// </remarks>
public sealed class RecallTask
{
    private static readonly string[] DishNames =
        ["spare ribs", "braised pork", "fish soup", "fried rice", "dumplings", "noodles", "tofu", "hot pot"];
    private static readonly string[] FillerNames =
        ["then", "add", "stir", "wait", "salt", "heat", "chop", "taste"];

    public RecallTask(int dishes = 4, int fillerLength = 50, int fillerWords = 8, bool anywhere = false, bool dishFeature = false)
    {
        if (dishes < 2) throw new ArgumentException($"dishes must be at least 2 (a choice), got {dishes}.", nameof(dishes));
        if (fillerLength < 0) throw new ArgumentException($"fillerLength must be ≥ 0, got {fillerLength}.", nameof(fillerLength));
        if (fillerWords < 1) throw new ArgumentException($"fillerWords must be at least 1, got {fillerWords}.", nameof(fillerWords));
        Dishes = dishes;
        FillerLength = fillerLength;
        FillerWords = fillerWords;
        Anywhere = anywhere;
        DishFeature = dishFeature;
    }

    /// <summary>K, the number of dishes (classes).</summary>
    public int Dishes { get; }

    /// <summary>L, the filler words between the dish and the question.</summary>
    public int FillerLength { get; }

    /// <summary>F, the distinct filler words.</summary>
    public int FillerWords { get; }

    /// <summary>True when the dish stands at a random step before the question, not always first.</summary>
    public bool Anywhere { get; }

    /// <summary>True when every input has one more entry, 1 at a dish and 0 elsewhere.</summary>
    public bool DishFeature { get; }

    /// <summary>V = K + F + 1, the number of tokens.</summary>
    public int VocabularySize => Dishes + FillerWords + 1;

    /// <summary>D, the input size: V one-hot entries, plus the dish feature when it is on.</summary>
    public int InputSize => VocabularySize + (DishFeature ? 1 : 0);

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

    /// <summary>One sequence's tokens: dish, L fillers, question (with <see cref="Anywhere"/>: L + 1 fillers, one of them
    /// replaced by the dish at a random step).</summary>
    public int[] Tokens(int dish, Rng rng)
    {
        if ((uint)dish >= (uint)Dishes) throw new ArgumentException($"dish {dish} is outside 0..{Dishes - 1}.", nameof(dish));
        ArgumentNullException.ThrowIfNull(rng);
        var tokens = new int[Steps];
        if (Anywhere)
        {
            for (int t = 0; t <= FillerLength; t++) tokens[t] = Dishes + rng.NextInt(FillerWords);
            tokens[rng.NextInt(FillerLength + 1)] = dish;
        }
        else
        {
            tokens[0] = dish;
            for (int t = 1; t <= FillerLength; t++) tokens[t] = Dishes + rng.NextInt(FillerWords);
        }
        tokens[^1] = Question;
        return tokens;
    }

    /// <summary>The example for given tokens: the inputs (<see cref="Encode"/>), the dish as the label at the last step.</summary>
    public Example ToExample(int[] tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Length != Steps) throw new ArgumentException($"tokens has {tokens.Length} steps, expected L + 2 = {Steps}.", nameof(tokens));
        return Example.ManyToOne(Encode(tokens), tokens[DishStep(tokens)]);
    }

    /// <summary>One input per token: one-hot over the V tokens, then 1 or 0 for the dish feature when it is on.</summary>
    public double[][] Encode(IReadOnlyList<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return tokens.Select(token =>
        {
            if ((uint)token >= (uint)VocabularySize) throw new ArgumentException($"token {token} is outside 0..{VocabularySize - 1}.", nameof(tokens));
            var x = new double[InputSize];
            x[token] = 1;
            if (DishFeature && token < Dishes) x[^1] = 1;                  // shared by every dish
            return x;
        }).ToArray();
    }

    /// <summary>The step (0-based) at which the sequence names its dish.</summary>
    public int DishStep(IReadOnlyList<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        for (int t = 0; t < tokens.Count; t++)
            if ((uint)tokens[t] < (uint)Dishes) return t;
        throw new ArgumentException("the sequence names no dish.", nameof(tokens));
    }

    /// <summary>The step (0-based) at which an example of this task names its dish.</summary>
    public int DishStep(Example example)
    {
        ArgumentNullException.ThrowIfNull(example);
        return DishStep(example.Xs.Select(x => Array.IndexOf(x, 1.0)).ToArray());
    }

    /// <summary>The fit the lessons use: Adam, η = 0.005, minibatches of 8, 10 epochs (of 400 examples).</summary>
    public static FitConfig Training => new() { Epochs = 10, BatchSize = 8, LearningRate = 0.005, Optimizer = OptimizerKind.Adam };

    /// <summary>A final-state LSTM for this task, its gates biased to "keep by default, write rarely".</summary>
    /// <remarks>
    /// <code>
    /// b_f = 6   →  f ≈ σ(6) ≈ 0.9975  a stored value keeps 0.9975¹⁰⁰ ≈ 78 % over 100 steps  (at b_f = 1: 0.73¹⁰⁰ ≈ 10⁻¹⁴)
    /// b_i = −4  →  i ≈ σ(−4) ≈ 0.018  filler words barely write, so c does not fill up with noise
    /// </code>
    /// With the default forget bias of 1 (or even 3) this task is learned only for some seeds at L = 50-100; these two
    /// biases make it learn for almost all (a form of the "chrono" initialisation of Tallec and Ollivier, 2018).
    /// </remarks>
    public SequenceModel CreateLstm(int hiddenSize = 16, int seed = 0, double forgetBias = 6, double inputBias = -4)
    {
        if (!double.IsFinite(inputBias)) throw new ArgumentException($"inputBias must be finite, got {inputBias}.", nameof(inputBias));
        var model = SequenceModel.Lstm(InputSize, hiddenSize, Dishes, 1, seed, forgetBias);
        var b = model.Parameters["layer0.b"].Value.Data;                    // rows [i | f | g | o]
        for (int k = 0; k < hiddenSize; k++) b[k] = inputBias;               // input-gate bias
        return model;
    }

    /// <summary>A final-state plain tanh RNN for this task.</summary>
    public SequenceModel CreateRnn(int hiddenSize = 16, int seed = 0) =>
        SequenceModel.Rnn(InputSize, hiddenSize, Dishes, 1, seed);

    /// <summary>A plain RNN encoder read by attention over every h_t: it looks the dish up instead of carrying it.</summary>
    public AttentionClassifier CreateAttention(int hiddenSize = 16, int seed = 0) =>
        AttentionClassifier.Rnn(InputSize, hiddenSize, Dishes, seed);

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

    /// <summary>Test accuracy against the filler length L: for each L, <paramref name="repeats"/> fresh models from
    /// <paramref name="createModel"/> (given the task and a seed: seed, seed + 1000, seed + 2000, …) trained with
    /// <see cref="Run(IFittable, int, int, FitConfig?, int)"/>, their mean and each one.</summary>
    /// <remarks>One run can stall on a plateau (two dishes not yet told apart, 50 % or 75 %) even where the model
    /// usually succeeds, and now and then one learns where the model usually fails; several seeds show the trend. The
    /// seeds are 1000 apart, so the runs of <c>seed</c> and of <c>seed + 1</c> share no training data.</remarks>
    public static IReadOnlyList<RecallCurvePoint> AccuracyByLength(IEnumerable<int> fillerLengths, Func<RecallTask, int, IFittable> createModel,
        int repeats = 1, int dishes = 4, int fillerWords = 8, int trainCount = 400, FitConfig? config = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(createModel);
        if (repeats < 1) throw new ArgumentException($"repeats must be at least 1, got {repeats}.", nameof(repeats));
        return fillerLengths.Select(L =>
        {
            var task = new RecallTask(dishes, L, fillerWords);
            var accuracies = Enumerable.Range(0, repeats).Select(k => seed + 1000 * k)
                .Select(s => task.Run(createModel(task, s), trainCount, 200, config, s).TestAccuracy)
                .ToArray();
            return new RecallCurvePoint(L, accuracies.Average(), accuracies);
        }).ToArray();
    }

    /// <summary>The same curve for final-state models, e.g. <c>(task, seed) =&gt; task.CreateRnn(16, seed)</c>.</summary>
    public static IReadOnlyList<RecallCurvePoint> AccuracyByLength(IEnumerable<int> fillerLengths, Func<RecallTask, int, SequenceModel> createModel,
        int repeats = 1, int dishes = 4, int fillerWords = 8, int trainCount = 400, FitConfig? config = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(createModel);
        return AccuracyByLength(fillerLengths, (task, s) => new SequenceModelFit(createModel(task, s)), repeats, dishes, fillerWords, trainCount, config, seed);
    }

    /// <summary><paramref name="count"/> examples with dishes in turn (balanced classes) and random fillers; same seed, same examples.</summary>
    public IReadOnlyList<Example> Generate(int count, int seed)
    {
        if (count <= 0) throw new ArgumentException($"count must be positive, got {count}.", nameof(count));
        var rng = new Rng(seed);
        return Enumerable.Range(0, count).Select(n => ToExample(Tokens(n % Dishes, rng))).ToArray();
    }
}

/// <summary>One point of an accuracy-against-length curve: the mean test accuracy over the seeds, and each one.</summary>
public sealed record RecallCurvePoint(int FillerLength, double MeanAccuracy, double[] Accuracies)
{
    /// <summary>The median run's accuracy (the mean of the two middle runs for an even count): one lucky or stuck run
    /// does not move it.</summary>
    public double MedianAccuracy
    {
        get
        {
            var a = Accuracies.Order().ToArray();
            return a.Length % 2 == 1 ? a[a.Length / 2] : (a[a.Length / 2 - 1] + a[a.Length / 2]) / 2;
        }
    }
}

/// <summary>One recall run: the filler length, the training history and the accuracy on unseen sequences.</summary>
public sealed record RecallResult(int FillerLength, FitHistory History, double TestAccuracy);

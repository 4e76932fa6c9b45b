using LstmCourse.Fitting;
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
/// across L steps. Taught in notebooks/01-why-rnns-forget.ipynb and 04-lstm-cell.ipynb.
/// </remarks>
public sealed class RecallTask
{
    private static readonly string[] DishNames =
        ["spare ribs", "braised pork", "fish soup", "fried rice", "dumplings", "noodles", "tofu", "hot pot"];
    private static readonly string[] FillerNames =
        ["then", "add", "stir", "wait", "salt", "heat", "chop", "taste"];

    public RecallTask(int dishes = 4, int fillerLength = 20, int fillerWords = 4)
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

    /// <summary><paramref name="count"/> examples with dishes in turn (balanced classes) and random fillers; same seed, same examples.</summary>
    public IReadOnlyList<Example> Generate(int count, int seed)
    {
        if (count <= 0) throw new ArgumentException($"count must be positive, got {count}.", nameof(count));
        var rng = new Rng(seed);
        return Enumerable.Range(0, count).Select(n => ToExample(Tokens(n % Dishes, rng))).ToArray();
    }
}

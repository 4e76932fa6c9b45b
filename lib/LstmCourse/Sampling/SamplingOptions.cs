using System.Globalization;

namespace LstmCourse.Sampling;

/// <summary>How the next character is chosen from the logits z: greedy argmax, or a draw from softmax(z / τ)
/// restricted to the k most likely characters.</summary>
/// <param name="Temperature">τ &gt; 0: below 1 sharper and safer, above 1 flatter and wilder.</param>
/// <param name="TopK">Draw only among the k largest logits (null = all characters).</param>
/// <param name="Greedy">Always take the largest logit (τ and k are then unused).</param>
public sealed record SamplingOptions(double Temperature = 1.0, int? TopK = null, bool Greedy = false)
{
    /// <summary>Argmax at every step: deterministic, and prone to loops.</summary>
    public static SamplingOptions Argmax { get; } = new(Greedy: true);

    /// <summary>Throws an <see cref="ArgumentException"/> naming a bad temperature or top-k.</summary>
    public SamplingOptions Validate()
    {
        if (!(Temperature > 0) || !double.IsFinite(Temperature))
            throw new ArgumentException($"Temperature is {Temperature.ToString(CultureInfo.InvariantCulture)}; it must be a positive finite number "
                                      + "(1 samples the model as trained, 0.5 is sharper). For temperature → 0 use Greedy = true.", nameof(Temperature));
        if (TopK is < 1)
            throw new ArgumentException($"TopK is {TopK}; it must be at least 1 (1 is greedy), or null to draw among all characters.", nameof(TopK));
        return this;
    }
}

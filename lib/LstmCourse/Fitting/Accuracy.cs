namespace LstmCourse.Fitting;

/// <summary>How often a classifier is right: per step with a target, or per whole sequence.</summary>
/// <remarks>For many-to-one examples (one label per sequence) the two are the same number.</remarks>
public static class Accuracy
{
    /// <summary>Correct steps / steps with a target, over all examples.</summary>
    public static double PerStep(IFittable model, IReadOnlyList<Example> examples)
    {
        long correct = 0, counted = 0;
        foreach (var o in Outcomes(model, examples))
        {
            correct += o.Correct;
            counted += o.Counted;
        }
        return (double)correct / counted;
    }

    /// <summary>Examples whose every target step is right / examples.</summary>
    public static double PerSequence(IFittable model, IReadOnlyList<Example> examples) =>
        Outcomes(model, examples).Count(o => o.Correct == o.Counted) / (double)examples.Count;

    /// <summary>The index of the largest entry (the first one on ties).</summary>
    public static int ArgMax(ReadOnlySpan<double> z)
    {
        if (z.Length == 0) throw new ArgumentException("z is empty.", nameof(z));
        int best = 0;
        for (int k = 1; k < z.Length; k++)
            if (z[k] > z[best]) best = k;
        return best;
    }

    private static List<ExampleOutcome> Outcomes(IFittable model, IReadOnlyList<Example> examples)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (examples.Count == 0) throw new ArgumentException("examples is empty; accuracy needs at least one example.", nameof(examples));
        if (!examples[0].IsClassification)
            throw new ArgumentException("these examples have real-valued targets; accuracy needs class labels.", nameof(examples));
        return examples.Select(e => model.Evaluate(e, backward: false)).ToList();
    }
}

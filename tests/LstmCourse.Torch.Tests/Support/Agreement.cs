namespace LstmCourse.Torch.Tests.Support;

/// <summary>How far two computations of the same numbers are apart, entry by entry, with the worst entry remembered.</summary>
/// <remarks>
/// <code>
/// relative error of entry k:  |a_k − b_k| / max(|a_k|, |b_k|, floor)
/// </code>
/// The floor keeps entries that are nearly zero — where both sides are rounding noise of larger terms that cancel — from
/// counting as large relative errors; it is stated beside each tolerance.
/// </remarks>
internal sealed class Agreement(double floor)
{
    public double Floor { get; } = floor;
    public double Worst { get; private set; }
    public string WorstAt { get; private set; } = "(nothing compared)";
    public long Compared { get; private set; }

    public void Add(string what, IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        Assert.True(a.Count == b.Count, $"{what}: {a.Count} values against {b.Count}");
        for (int k = 0; k < a.Count; k++)
        {
            Assert.True(double.IsFinite(a[k]) && double.IsFinite(b[k]), $"{what}[{k}]: {a[k]} against {b[k]}");
            double e = Math.Abs(a[k] - b[k]) / Math.Max(Math.Max(Math.Abs(a[k]), Math.Abs(b[k])), Floor);
            Compared++;
            if (e > Worst || Compared == 1)
            {
                Worst = e;
                WorstAt = $"{what}[{k}]: {a[k]:R} against {b[k]:R}";
            }
        }
    }

    public void Add(string what, double a, double b) => Add(what, [a], [b]);

    /// <summary>Fails naming the worst entry when it reaches <paramref name="tolerance"/>.</summary>
    public void Below(double tolerance) =>
        Assert.True(Worst < tolerance, $"worst relative error {Worst:e2} (floor {Floor:g}) is not below {tolerance:g}, at {WorstAt}");

    public override string ToString() => $"{Compared} entries, worst relative error {Worst:e2} (floor {Floor:g}) at {WorstAt}";
}

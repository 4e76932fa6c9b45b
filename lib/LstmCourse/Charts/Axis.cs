using System.Globalization;

namespace LstmCourse.Charts;

/// <summary>A labelled position on an axis; a log axis labels 2·10^k and 5·10^k as non-major ticks when it has room.</summary>
internal readonly record struct Tick(double Value, string Label, bool Major = true);

/// <summary>An axis range [Min, Max] with labelled ticks: linear (1-2-5 steps), log (decades) or bands (categories).</summary>
internal sealed class Axis
{
    private Axis(double min, double max, bool isLog, bool isBands, IReadOnlyList<Tick> ticks, IReadOnlyList<double> minor)
    {
        Min = min;
        Max = max;
        IsLog = isLog;
        IsBands = isBands;
        Ticks = ticks;
        MinorTicks = minor;
    }

    public double Min { get; }
    public double Max { get; }
    public bool IsLog { get; }

    /// <summary>True for a categorical axis: band k spans [k, k + 1] and its tick sits at k + 0.5.</summary>
    public bool IsBands { get; }

    public IReadOnlyList<Tick> Ticks { get; }

    /// <summary>Unlabelled grid positions (2·10^k … 9·10^k on a log axis).</summary>
    public IReadOnlyList<double> MinorTicks { get; }

    /// <summary>Where <paramref name="v"/> falls: 0 at Min, 1 at Max (outside [0, 1] when out of range).</summary>
    public double Fraction(double v) => IsLog
        ? (Math.Log10(v) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min))
        : (v - Min) / (Max - Min);

    /// <summary>A linear axis. Automatic: widened to whole steps so the ticks cover [lo, hi]. Fixed: exactly [lo, hi], ticks inside.</summary>
    public static Axis Linear(double lo, double hi, int targetTicks, bool fixedRange)
    {
        if (hi - lo <= Math.Max(Math.Abs(lo), Math.Abs(hi)) * 1e-12)
        {
            double pad = lo == 0 ? 1 : Math.Abs(lo) * 0.1;         // a constant series: pad so its line is visible
            (lo, hi) = (lo - pad, hi + pad);
        }
        double step = NiceStep(hi - lo, targetTicks);
        long first = fixedRange ? (long)Math.Ceiling(lo / step - 1e-9) : (long)Math.Floor(lo / step + 1e-9);
        long last = fixedRange ? (long)Math.Floor(hi / step + 1e-9) : (long)Math.Ceiling(hi / step - 1e-9);
        int decimals = Math.Clamp(1 - (int)Math.Floor(Math.Log10(step)), 0, 15);
        var values = new List<double>();
        for (long k = first; k <= last; k++) values.Add(Math.Round(k * step, decimals));
        double min = fixedRange ? lo : values[0], max = fixedRange ? hi : values[^1];
        double maxAbs = values.Max(Math.Abs);
        var ticks = values.Select(v => new Tick(v, Numbers.Tick(v, step, maxAbs))).ToArray();
        return new Axis(min, max, false, false, ticks, []);
    }

    /// <summary>A base-10 log axis. Automatic ranges widen to the nearest 1, 2 or 5 times a power of ten; labelled major ticks
    /// are powers of ten, and 2·10^k, 5·10^k are labelled too when the axis spans few decades.</summary>
    public static Axis Log(double lo, double hi, int targetTicks, bool fixedRange)
    {
        double min = fixedRange ? lo : LogLadder(lo, hi).Min, max = fixedRange ? hi : LogLadder(lo, hi).Max;
        int kLo = (int)Math.Floor(Math.Log10(min) + 1e-9), kHi = (int)Math.Ceiling(Math.Log10(max) - 1e-9);
        int maxLabels = 2 * Math.Max(2, targetTicks);                // decade labels are short: allow twice the linear density
        int every = Math.Max(1, (int)Math.Ceiling((kHi - kLo + 1) / (double)maxLabels));
        var ticks = new List<Tick>();
        var minor = new List<double>();
        for (int k = kLo; k <= kHi; k++)
        {
            if (Inside(Pow10(k), min, max) && ((k % every) + every) % every == 0) ticks.Add(new Tick(Pow10(k), Numbers.Decade(k)));
            if (kHi - kLo > 6) continue;
            for (int m = 2; m <= 9; m++)
                if (Inside(m * Pow10(k), min, max)) minor.Add(m * Pow10(k));
        }
        bool roomFor25 = Math.Log10(max / min) * 3 + 1 <= maxLabels;
        if (ticks.Count < 2 || roomFor25)                             // few decades: label 2·10^k and 5·10^k too
            foreach (var v in minor.Where(v => Math.Round(v / Pow10((int)Math.Floor(Math.Log10(v) + 1e-9))) is 2 or 5))
                ticks.Add(new Tick(v, Numbers.Short(v), Major: false));
        return new Axis(min, max, true, false, ticks.OrderBy(t => t.Value).ToArray(), minor);
    }

    /// <summary>The widest-in values of the ladder …, 1, 2, 5, 10, 20, … around [lo, hi] (one rung further out each way if they coincide).</summary>
    private static (double Min, double Max) LogLadder(double lo, double hi)
    {
        static double Rung(int i) => new[] { 1.0, 2, 5 }[((i % 3) + 3) % 3] * Pow10((int)Math.Floor(i / 3.0));
        int iLo = 3 * (int)Math.Floor(Math.Log10(lo) + 1e-9) + 2, iHi = 3 * ((int)Math.Floor(Math.Log10(hi) - 1e-9) - 1);
        while (Rung(iLo) > lo * (1 + 1e-9)) iLo--;
        while (Rung(iHi) < hi * (1 - 1e-9)) iHi++;
        if (iLo == iHi) (iLo, iHi) = (iLo - 1, iHi + 1);
        return (Rung(iLo), Rung(iHi));
    }

    /// <summary>A categorical axis over [0, n]: band k holds category k, labelled at its centre.</summary>
    public static Axis Bands(IReadOnlyList<string> labels) =>
        new(0, Math.Max(1, labels.Count), false, true, labels.Select((l, k) => new Tick(k + 0.5, l)).ToArray(), []);

    /// <summary>The 1-2-5 step nearest to <paramref name="range"/> / <paramref name="targetTicks"/>: 1, 2 or 5 times a power of ten
    /// (Heckbert's thresholds 1.5, 3, 7 between them, so the tick count is within about 1.5x of the target).</summary>
    public static double NiceStep(double range, int targetTicks)
    {
        double raw = range / Math.Max(1, targetTicks);
        double mag = Pow10((int)Math.Floor(Math.Log10(raw)));
        double f = raw / mag;
        return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
    }

    /// <summary>10^k exactly as the decimal literal "1e{k}" parses.</summary>
    public static double Pow10(int k) => double.Parse("1e" + k.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static bool Inside(double v, double min, double max) => v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9);
}

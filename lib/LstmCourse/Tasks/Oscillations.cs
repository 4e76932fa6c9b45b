using LstmCourse.Fitting;
using LstmCourse.Models;
using LstmCourse.Numerics;

namespace LstmCourse.Tasks;

/// <summary>The kinds of anomaly <see cref="Oscillations"/> can put into a signal.</summary>
public enum AnomalyKind
{
    /// <summary>From t₀ on every frequency is 2.5 times higher.</summary>
    FrequencyJump,
    /// <summary>For a window from t₀ the amplitude is 3 times larger.</summary>
    AmplitudeBurst,
    /// <summary>For a window from t₀ the signal is stuck at its value at t₀ (a dead sensor).</summary>
    FlatLine,
    /// <summary>From t₀ on every component's phase is shifted by π.</summary>
    PhaseGlitch,
}

/// <summary>Normal oscillations (a sum of sines with random frequencies, amplitudes and phases in a band, plus a little
/// noise) and anomalous ones, for next-step regression and anomaly detection by prediction error.</summary>
/// <remarks>
/// <code>
/// x_t = Σ_j a_j sin(2π f_j t + φ_j) + σ ε_t     j = 1..components, f_j ∈ [fMin, fMax], a_j ∈ [aMin, aMax], ε_t ~ N(0, 1)
/// train:  predict x_{t+1} from x_1..x_t on normal signals (squared error)
/// score:  e_t = (x̂_{t+1} − x_{t+1})²,  score = max over windows of W steps of the mean e_t (after a warm-up)
/// AUC  =  P(score of an anomalous signal &gt; score of a normal one)    1 = perfect, 0.5 = guessing
/// </code>
/// A model that has only seen normal signals predicts them well and anything else badly, so no anomaly needs a label:
/// the same pattern flags odd network traffic or card transactions. Taught in notebooks/06-modeling-sequences.ipynb.
/// </remarks>
public sealed class Oscillations
{
    public Oscillations(int length = 80, int components = 2, double fMin = 0.02, double fMax = 0.06,
        double aMin = 0.3, double aMax = 0.6, double noise = 0.03)
    {
        if (length < 20) throw new ArgumentException($"length must be at least 20 steps, got {length}.", nameof(length));
        if (components < 1) throw new ArgumentException($"components must be at least 1, got {components}.", nameof(components));
        if (!(fMin > 0 && fMax >= fMin && fMax < 0.5))
            throw new ArgumentException($"the frequency band [{fMin}, {fMax}] must satisfy 0 < fMin ≤ fMax < 0.5 cycles per step.", nameof(fMax));
        if (!(aMin > 0 && aMax >= aMin)) throw new ArgumentException($"the amplitude band [{aMin}, {aMax}] must satisfy 0 < aMin ≤ aMax.", nameof(aMax));
        if (!(noise >= 0)) throw new ArgumentException($"noise must be a standard deviation ≥ 0, got {noise}.", nameof(noise));
        Length = length;
        Components = components;
        FMin = fMin; FMax = fMax; AMin = aMin; AMax = aMax; Noise = noise;
    }

    public int Length { get; }
    public int Components { get; }
    public double FMin { get; }
    public double FMax { get; }
    public double AMin { get; }
    public double AMax { get; }
    public double Noise { get; }

    /// <summary>Steps at the start whose prediction errors the score ignores: the model has seen too little yet.</summary>
    public int WarmUp => Length / 8;

    /// <summary>The fit the lessons use with an LSTM of H = 16 on 200 signals: Adam, η = 0.01, minibatches of 8, 15 epochs.</summary>
    public static FitConfig Training => new() { Epochs = 15, BatchSize = 8, LearningRate = 0.01, Optimizer = OptimizerKind.Adam };

    /// <summary><paramref name="count"/> normal signals of <see cref="Length"/> samples.</summary>
    public IReadOnlyList<double[]> Normal(int count, int seed)
    {
        if (count <= 0) throw new ArgumentException($"count must be positive, got {count}.", nameof(count));
        var rng = new Rng(seed);
        return Enumerable.Range(0, count).Select(_ => Signal(rng, null, 0)).ToArray();
    }

    /// <summary><paramref name="count"/> anomalous signals, the kinds in turn, each starting at a random t₀ in the middle third.</summary>
    public IReadOnlyList<AnomalousSignal> Anomalous(int count, int seed)
    {
        if (count <= 0) throw new ArgumentException($"count must be positive, got {count}.", nameof(count));
        var rng = new Rng(seed);
        var kinds = Enum.GetValues<AnomalyKind>();
        return Enumerable.Range(0, count).Select(n =>
        {
            var kind = kinds[n % kinds.Length];
            int t0 = Length / 3 + rng.NextInt(Length / 3);
            return new AnomalousSignal(Signal(rng, kind, t0), kind, t0);
        }).ToArray();
    }

    /// <summary>One signal; with <paramref name="kind"/> the anomaly starts at <paramref name="t0"/>.</summary>
    public double[] Signal(Rng rng, AnomalyKind? kind, int t0)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var f = new double[Components];
        var a = new double[Components];
        var phi = new double[Components];
        for (int j = 0; j < Components; j++)
        {
            f[j] = FMin + (FMax - FMin) * rng.NextDouble();
            a[j] = AMin + (AMax - AMin) * rng.NextDouble();
            phi[j] = 2 * Math.PI * rng.NextDouble();
        }
        int window = Length / 6;
        var x = new double[Length];
        for (int t = 0; t < Length; t++)
        {
            bool after = kind is not null && t >= t0, inWindow = after && t < t0 + window;
            double v = 0;
            for (int j = 0; j < Components; j++)
            {
                double freq = after && kind == AnomalyKind.FrequencyJump ? 2.5 * f[j] : f[j];
                double angle = after && kind == AnomalyKind.FrequencyJump
                    ? 2 * Math.PI * (f[j] * t0 + freq * (t - t0)) + phi[j]             // continuous phase at t₀
                    : 2 * Math.PI * f[j] * t + phi[j];
                if (after && kind == AnomalyKind.PhaseGlitch) angle += Math.PI;
                double amp = inWindow && kind == AnomalyKind.AmplitudeBurst ? 3 * a[j] : a[j];
                v += amp * Math.Sin(angle);
            }
            x[t] = v + Noise * rng.NextGaussian();
            if (inWindow && kind == AnomalyKind.FlatLine) x[t] = x[t0 - 1];
        }
        return x;
    }

    /// <summary>Next-step regression: inputs x_1..x_{T−1}, targets x_2..x_T.</summary>
    public static Example ToExample(double[] signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (signal.Length < 2) throw new ArgumentException($"a signal needs at least 2 samples, got {signal.Length}.", nameof(signal));
        var xs = signal[..^1].Select(v => new[] { v }).ToArray();
        var targets = signal[1..].Select(v => (double[]?)[v]).ToArray();
        return Example.Regress(xs, targets);
    }

    public static IReadOnlyList<Example> Examples(IEnumerable<double[]> signals) => signals.Select(ToExample).ToArray();

    /// <summary>The model's prediction x̂_{t+1} after each sample x_1..x_{T−1}.</summary>
    public static double[] Predictions(SequenceModel model, double[] signal) =>
        model.Forward(ToExample(signal).Xs).Zs.Select(z => z[0]).ToArray();

    /// <summary>e_t = (x̂_{t+1} − x_{t+1})² for t = 1..T−1.</summary>
    public static double[] Errors(SequenceModel model, double[] signal)
    {
        var p = Predictions(model, signal);
        return p.Select((v, t) => (v - signal[t + 1]) * (v - signal[t + 1])).ToArray();
    }

    /// <summary>The anomaly score: the largest mean squared error over any <paramref name="window"/> consecutive steps
    /// after the warm-up.</summary>
    public double Score(SequenceModel model, double[] signal, int window = 8)
    {
        if (signal.Length != Length) throw new ArgumentException($"the signal has {signal.Length} samples, this generator makes {Length}.", nameof(signal));
        if (window < 1 || window > Length - 1 - WarmUp)
            throw new ArgumentException($"window must be between 1 and {Length - 1 - WarmUp} steps, got {window}.", nameof(window));
        var e = Errors(model, signal);
        double best = 0;
        for (int s = WarmUp; s + window <= e.Length; s++)
        {
            double mean = 0;
            for (int t = s; t < s + window; t++) mean += e[t] / window;
            best = Math.Max(best, mean);
        }
        return best;
    }

    /// <summary>Area under the ROC curve: the chance that a random anomalous score exceeds a random normal one (ties count half).</summary>
    public static double Auc(IReadOnlyList<double> normalScores, IReadOnlyList<double> anomalousScores)
    {
        if (normalScores.Count == 0 || anomalousScores.Count == 0)
            throw new ArgumentException("both score lists need at least one score.", normalScores.Count == 0 ? nameof(normalScores) : nameof(anomalousScores));
        double wins = 0;
        foreach (var a in anomalousScores)
            foreach (var n in normalScores)
                wins += a > n ? 1 : a == n ? 0.5 : 0;
        return wins / ((double)normalScores.Count * anomalousScores.Count);
    }
}

/// <summary>An anomalous signal, its kind and the step t₀ where the anomaly starts.</summary>
public sealed record AnomalousSignal(double[] Signal, AnomalyKind Kind, int Start);

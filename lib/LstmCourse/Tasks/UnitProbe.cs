using LstmCourse.Models;

namespace LstmCourse.Tasks;

/// <summary>Finds the memory cell that tracks a property of the text: the unit k whose state c_t[k] correlates most
/// with a per-step label (the subject's gender, the nesting depth, inside a quote), by Pearson's r over many steps.</summary>
/// <remarks>
/// <code>
/// r_k = Σ_t (c_t[k] − c̄_k)(y_t − ȳ) / √(Σ_t (c_t[k] − c̄_k)² Σ_t (y_t − ȳ)²)     over the steps with a label (y_t ≥ 0)
/// best unit = argmax_k |r_k|
/// </code>
/// Reads the cell state c of an LSTM layer (h for a plain RNN). Karpathy, Johnson and Fei-Fei (2015) found such
/// cells in character models: quote detectors, line-length counters, bracket-depth cells.
/// Taught in notebooks/04-lstm-cell.ipynb, 06-modeling-sequences.ipynb and 08-weather-forecasts.ipynb.
/// </remarks>
public static class UnitProbe
{
    /// <summary>Every unit's r with the labels, and the unit with the largest |r|.</summary>
    /// <param name="sequences">Inputs (T x D) and a label per step (−1 = skip that step).</param>
    public static ProbeResult MostCorrelatedUnit(SequenceModel model, IEnumerable<(double[][] xs, int[] labels)> sequences, int layer = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckLayer(model, layer);
        int H = model.Layers[layer].Cell.HiddenSize;
        var sx = new double[H];
        var sxx = new double[H];
        var sxy = new double[H];
        double sy = 0, syy = 0;
        long n = 0;
        foreach (var (xs, labels) in sequences)
        {
            if (labels.Length != xs.Length)
                throw new ArgumentException($"a sequence has {xs.Length} steps but {labels.Length} labels; give one label per step (−1 = skip).", nameof(sequences));
            var states = States(model, xs, layer);
            for (int t = 0; t < xs.Length; t++)
            {
                if (labels[t] < 0) continue;
                double y = labels[t];
                n++;
                sy += y;
                syy += y * y;
                for (int k = 0; k < H; k++)
                {
                    double c = states[t][k];
                    sx[k] += c;
                    sxx[k] += c * c;
                    sxy[k] += c * y;
                }
            }
        }
        if (n < 2) throw new ArgumentException($"only {n} steps carry a label; a correlation needs at least 2.", nameof(sequences));
        double varY = syy - sy * sy / n;
        if (!(varY > 0)) throw new ArgumentException("every labelled step has the same label; a correlation needs at least two different values.", nameof(sequences));
        var r = new double[H];
        for (int k = 0; k < H; k++)
        {
            double varC = sxx[k] - sx[k] * sx[k] / n;
            double cov = sxy[k] - sx[k] * sy / n;
            r[k] = varC > 0 ? cov / Math.Sqrt(varC * varY) : 0;
        }
        int best = 0;
        for (int k = 1; k < H; k++)
            if (Math.Abs(r[k]) > Math.Abs(r[best])) best = k;
        return new ProbeResult(best, r[best], r);
    }

    /// <summary>Pearson's r of every unit with a per-step feature, in one pass: r_k between states[t][k] and feature[t]
    /// over all t (0 for a unit or a feature that never changes). For states recorded from any model, such as the fast
    /// engine's <c>InferenceState</c> after each character.</summary>
    public static double[] Correlations(IReadOnlyList<float[]> states, IReadOnlyList<double> feature)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(feature);
        if (states.Count != feature.Count)
            throw new ArgumentException($"there are {states.Count} states but {feature.Count} feature values; give one value per step.", nameof(feature));
        if (states.Count < 2) throw new ArgumentException($"only {states.Count} steps; a correlation needs at least 2.", nameof(states));
        int K = states[0].Length, T = states.Count;
        var sx = new double[K];
        var sxx = new double[K];
        var sxy = new double[K];
        double sy = 0, syy = 0;
        for (int t = 0; t < T; t++)
        {
            var c = states[t];
            if (c.Length != K) throw new ArgumentException($"states[{t}] has {c.Length} units, states[0] has {K}; record the same units at every step.", nameof(states));
            double y = feature[t];
            sy += y;
            syy += y * y;
            for (int k = 0; k < K; k++)
            {
                sx[k] += c[k];
                sxx[k] += (double)c[k] * c[k];
                sxy[k] += c[k] * y;
            }
        }
        double varY = syy - sy * sy / T;
        var r = new double[K];
        for (int k = 0; k < K; k++)
        {
            double varC = sxx[k] - sx[k] * sx[k] / T, cov = sxy[k] - sx[k] * sy / T;
            r[k] = varC > 1e-12 * Math.Max(1, sxx[k]) && varY > 1e-12 * Math.Max(1, syy) ? cov / Math.Sqrt(varC * varY) : 0;
        }
        return r;
    }

    /// <summary>c_t[unit] for t = 1..T over one input sequence (h_t[unit] for a plain RNN): one heatmap row.</summary>
    public static double[] Trace(SequenceModel model, double[][] xs, int unit, int layer = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckLayer(model, layer);
        int H = model.Layers[layer].Cell.HiddenSize;
        if ((uint)unit >= (uint)H) throw new ArgumentException($"unit {unit} is outside 0..{H - 1}.", nameof(unit));
        return States(model, xs, layer).Select(c => c[unit]).ToArray();
    }

    private static IReadOnlyList<double[]> States(SequenceModel model, double[][] xs, int layer)
    {
        var trace = model.Forward(xs).Layers[layer];
        return model.Layers[layer].Cell.HasCellState ? trace.Cs : trace.Hs;
    }

    private static void CheckLayer(SequenceModel model, int layer)
    {
        if ((uint)layer >= (uint)model.Layers.Count)
            throw new ArgumentException($"layer {layer} is outside 0..{model.Layers.Count - 1}.", nameof(layer));
    }
}

/// <summary>The unit whose state correlates most with the label, its r (sign included), and every unit's r.</summary>
public sealed record ProbeResult(int Unit, double Correlation, double[] Correlations);

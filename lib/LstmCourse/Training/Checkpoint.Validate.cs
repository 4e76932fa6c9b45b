using System.Globalization;
using LstmCourse.Training.Optimizers;

namespace LstmCourse.Training;

public sealed partial class Checkpoint
{
    /// <summary>The first way this checkpoint's parts disagree, naming the field, or null when they fit together: the
    /// stored config is valid; the weights are exactly the model's (<c>layer{l}.Wx</c> 4H x D, <c>layer{l}.Wh</c> 4H x H,
    /// <c>layer{l}.b</c> 4H x 1, <c>Wy</c> V x H, <c>by</c> V x 1, with V from the vocabulary and H, L from the config) and
    /// finite; the optimizer state is the config's optimizer, its buffers shaped like their parameters and finite; the
    /// carried state is <c>layer{l}.h</c>, <c>layer{l}.c</c>, BatchSize x H each, finite, h in [-1, 1]; the random state is 4 words, not
    /// all zero; the position is in range; the metrics' steps increase up to the position's and their numbers are finite,
    /// not negative, and losses at most 1e4 nats.</summary>
    /// <remarks>Nothing is allocated here, so a checkpoint that declares a huge model fails before any model is built.</remarks>
    private const double MaxElapsedSeconds = 1e9;          // 31 years; TimeSpan overflows near 9e11 s
    private const double MaxLoss = 1e4;                    // nats per character: ln V ≈ 4 at the start, and float logits cannot give 200

    public string? Problem()
    {
        if (Config is null || Vocabulary is null || Weights is null || Optimizer is null || RngState is null || Position is null || CarriedState is null || History is null)
            return "a part is null";
        try { Config.Validate(); }
        catch (ArgumentException e) { return $"the stored config is invalid: {e.Message}"; }
        int V = Vocabulary.Size, H = Config.HiddenSize, L = Config.Layers, N = Config.BatchSize;

        var shapes = new Dictionary<string, (int Rows, int Cols)>(StringComparer.Ordinal);
        for (int l = 0; l < L; l++)
        {
            shapes[$"layer{l}.Wx"] = (4 * H, l == 0 ? V : H);
            shapes[$"layer{l}.Wh"] = (4 * H, H);
            shapes[$"layer{l}.b"] = (4 * H, 1);
        }
        shapes["Wy"] = (V, H);
        shapes["by"] = (V, 1);
        string model = string.Create(CultureInfo.InvariantCulture, $"V = {V} characters in the vocabulary, HiddenSize = {H}, Layers = {L} in the config");
        if (Tensors("weights", Weights, name => shapes.TryGetValue(name, out var s) ? s : null,
                $"the model's parameters ({string.Join(", ", shapes.Keys)})", model) is { } weights) return weights;
        var missing = shapes.Keys.Where(k => !Weights.Any(w => w.Name == k)).ToList();
        if (missing.Count > 0) return $"weights lack {string.Join(", ", missing)}, which a model of {model} has";

        var p = Position;
        if (p.Step < 0 || p.Step > int.MaxValue) return $"position: step {p.Step} is outside 0..{int.MaxValue}";
        if (p.Epoch < 0) return $"position: epoch {p.Epoch} is negative";
        if (p.Batch < 0) return $"position: batch {p.Batch} is negative";
        if (!(p.ElapsedSeconds >= 0 && p.ElapsedSeconds <= MaxElapsedSeconds))
            return $"position: elapsed time {p.ElapsedSeconds.ToString(CultureInfo.InvariantCulture)} s is not a time of training, 0 to {MaxElapsedSeconds:0e0} s";
        if (p.Step > 0 ? !(p.InitialLoss >= 0 && double.IsFinite(p.InitialLoss)) : !(double.IsNaN(p.InitialLoss) || p.InitialLoss >= 0 && double.IsFinite(p.InitialLoss)))
            return $"position: the first loss {p.InitialLoss} is not a finite loss ≥ 0";
        if (!(p.BestValidationLoss >= 0)) return $"position: the best validation loss {p.BestValidationLoss} is not a loss ≥ 0 (or +∞ before the first)";
        if (p.BestStep < -1 || p.BestStep > p.Step) return $"position: the best step {p.BestStep} is outside -1..{p.Step}";
        if (p.BadEvaluations < 0) return $"position: {p.BadEvaluations} evaluations without improvement is negative";

        string optimizer;
        try { optimizer = IOptimizer.From(Config).Name; }
        catch (ArgumentException e) { return $"the stored config's optimizer: {e.Message}"; }
        if (Optimizer.Optimizer != optimizer)
            return $"optimizer: the state is {Optimizer.Optimizer}'s but the config trains with {optimizer}";
        if (Optimizer.Steps < 0 || Optimizer.Steps > Position.Step)
            return $"optimizer: {Optimizer.Steps} steps, outside 0..{Position.Step} (the position's step)";
        if (Tensors("optimizer", Optimizer.Buffers, name =>
                name.LastIndexOf('.') is > 0 and var dot && shapes.TryGetValue(name[..dot], out var s) ? s : null,
                "the buffers of a parameter (layer0.Wx.m, ...)", "the parameter's shape") is { } buffers) return buffers;

        if (RngState.Length != 4) return $"rng: {RngState.Length} state words, expected 4";
        if ((RngState[0] | RngState[1] | RngState[2] | RngState[3]) == 0) return "rng: the state is all zeros, which xoshiro256** never reaches";

        if (Tensors("state", CarriedState, name => name.StartsWith("layer", StringComparison.Ordinal) && (name.EndsWith(".h", StringComparison.Ordinal) || name.EndsWith(".c", StringComparison.Ordinal))
                && int.TryParse(name.AsSpan(5, name.Length - 7), NumberStyles.None, CultureInfo.InvariantCulture, out int l) && l < L && name == $"layer{l}{name[^2..]}"
                ? (N, H) : null, $"layer{{l}}.h and layer{{l}}.c for l < Layers = {L}", $"BatchSize = {N} and HiddenSize = {H} in the config") is { } state) return state;
        if (CarriedState.Count != 2 * L) return $"state: {CarriedState.Count} tensors, but a model of {L} layer(s) carries {2 * L} (h and c of each layer)";
        foreach (var h in CarriedState.Where(t => t.Name.EndsWith(".h", StringComparison.Ordinal)))
            if (Array.FindIndex(h.Data, v => Math.Abs(v) > 1) is var k and >= 0)
                return $"state: tensor '{h.Name}'[{k}] is {h.Data[k].ToString(CultureInfo.InvariantCulture)}, but h = o ⊙ tanh(c) lies in [-1, 1]";

        long last = 0;
        for (int k = 0; k < History.Count; k++)
        {
            var row = History[k];
            if (row is null) return $"metrics: row {k} is null";
            if (row.Step <= last || row.Step > p.Step) return $"metrics: row {k} is step {row.Step}, not between the previous row's {last} and the position's {p.Step}";
            last = row.Step;
            foreach (var (name, value, max) in new (string, double, double)[]
                     {
                         ("train loss", row.TrainLoss, MaxLoss), ("validation loss", row.ValidationLoss ?? 0, MaxLoss), ("penalty", row.Penalty, double.MaxValue),
                         ("epoch", row.Epoch, double.MaxValue), ("elapsed time", row.ElapsedSeconds, MaxElapsedSeconds), ("gradient norm", row.GradientNorm, double.MaxValue),
                         ("learning rate", row.LearningRate, double.MaxValue), ("speed", row.CharsPerSecond, double.MaxValue),
                     })
                if (!(value >= 0 && value <= max))
                    return $"metrics: row {k} (step {row.Step}) has a {name} of {value.ToString(CultureInfo.InvariantCulture)}, not a number in [0, {max.ToString("G3", CultureInfo.InvariantCulture)}]";
        }
        return null;
    }

    /// <summary>A tensor list's first problem: a null, a name <paramref name="expected"/> does not know (<paramref name="known"/>)
    /// or given twice, another shape than <paramref name="source"/> gives, a length that is not rows x cols, or a value
    /// that is not finite.</summary>
    private static string? Tensors(string section, IReadOnlyList<TensorSnapshot> tensors, Func<string, (int Rows, int Cols)?> expected, string known, string source)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in tensors)
        {
            if (t?.Name is null || t.Data is null) return $"{section}: a tensor is null";
            if (expected(t.Name) is not { } shape) return $"{section}: tensor '{t.Name}' is not one of {known}";
            if (!seen.Add(t.Name)) return $"{section}: tensor '{t.Name}' appears twice";
            if (t.Rows != shape.Rows || t.Cols != shape.Cols)
                return $"{section}: tensor '{t.Name}' is {t.Rows}x{t.Cols}, but {source} make it {shape.Rows}x{shape.Cols}";
            if (t.Data.LongLength != (long)t.Rows * t.Cols) return $"{section}: tensor '{t.Name}' is {t.Rows}x{t.Cols} but holds {t.Data.LongLength} values";
            int bad = Array.FindIndex(t.Data, v => !float.IsFinite(v));
            if (bad >= 0) return $"{section}: tensor '{t.Name}'[{bad}] is {t.Data[bad].ToString(CultureInfo.InvariantCulture)}, not a finite number";
        }
        return null;
    }
}

using System.Globalization;
using LstmCourse.Fast;
using LstmCourse.Notebooks.IO;
using LstmCourse.Numerics;
using LstmCourse.Sampling;
using LstmCourse.Text;
using LstmCourse.Training;
using LstmCourse.Training.Optimizers;
using LstmCourse.Weather;

namespace LstmCourse.Runner.Lab;

/// <summary>How one training run ended, as the train and sweep verbs report it.</summary>
/// <param name="ValidationBpc">The last validation loss in bits per character (null without validation).</param>
/// <param name="SampleScores">ForecastValidator on the samples, or null when they hold no forecast product.</param>
public sealed record LabRunResult(
    string Folder, string CheckpointPath, TrainingResult Result, double TrainBpc, double? ValidationBpc,
    long Parameters, string Samples, ForecastReport? SampleScores);

/// <summary>One training run into a run folder: config.json, metrics.csv, samples.txt, summary.txt and
/// checkpoint-val&lt;bpc&gt;.ckpt (named with its validation bits per character).</summary>
public static class LabRun
{
    /// <summary>Temperature of the samples written to samples.txt.</summary>
    public const double SampleTemperature = 0.8;

    /// <summary>Products sampled and scored at the end of a run on forecasts (headers spread over the validation text).</summary>
    public const int ScoredProducts = 20;

    public static LabRunResult Train(TrainingConfig config, TextSplit data, string folder, TextWriter output,
        bool weightsOnly = false, int sampleLength = 3000, string progressPrefix = "", CharLstm? init = null)
    {
        Directory.CreateDirectory(folder);
        string working = Path.Combine(folder, "checkpoint.ckpt.partial");
        var saved = config with { CheckpointPath = null };
        saved.Save(Path.Combine(folder, "config.json"));
        var run = config with { CheckpointPath = working };
        var trainer = new Trainer(run, data, init);
        long parameters = trainer.Model.Parameters.Sum(p => (long)p.Value.Length);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{progressPrefix}model: {config.Layers} x {config.HiddenSize} LSTM, V = {data.Vocabulary.Size}, {parameters:N0} parameters; "
            + $"text: {data.Train.Length:N0} training and {data.Validation.Length:N0} validation characters; {run.EffectiveThreads} thread(s)"));
        output.Flush();
        var progress = new ProgressLog(p => { output.WriteLine(progressPrefix + p); output.Flush(); });
        TrainingResult result;
        try
        {
            result = trainer.Run(progress);
        }
        finally
        {
            trainer.WriteMetricsCsv(Path.Combine(folder, "metrics.csv"));
        }
        output.WriteLine(progressPrefix + result);

        var full = trainer.ToCheckpoint();
        var checkpoint = new Checkpoint
        {
            Config = full.Config with { CheckpointPath = null },
            Vocabulary = full.Vocabulary,
            Weights = full.Weights,
            Optimizer = weightsOnly ? new OptimizerState(full.Optimizer.Optimizer, full.Optimizer.Steps, []) : full.Optimizer,   // weights only: no moments
            RngState = full.RngState,
            Position = full.Position,
            CarriedState = full.CarriedState,
            History = full.History,
        };
        double? validationBpc = result.ValidationLoss is { } v ? TrainingMetrics.BitsPerChar(v) : null;
        double trainBpc = TrainingMetrics.BitsPerChar(result.TrainLoss);
        string name = validationBpc is { } vb
            ? string.Create(CultureInfo.InvariantCulture, $"checkpoint-val{vb:0.000}.ckpt")
            : string.Create(CultureInfo.InvariantCulture, $"checkpoint-train{trainBpc:0.000}.ckpt");
        string checkpointPath = Path.Combine(folder, name);
        checkpoint.Save(checkpointPath);                                                   // first, so a failed save loses nothing
        foreach (string old in Directory.GetFiles(folder, "checkpoint-*.ckpt"))
            if (!string.Equals(Path.GetFullPath(old), Path.GetFullPath(checkpointPath), StringComparison.Ordinal)) File.Delete(old);
        if (File.Exists(working)) File.Delete(working);

        var sampler = new Sampler(trainer.Model, trainer.Vocabulary);
        var (samples, scores, described) = Samples(sampler, data, config.Seed, sampleLength);
        AtomicFile.WriteAllText(Path.Combine(folder, "samples.txt"), samples);

        var summary = new List<string>
        {
            result.ToString(),
            string.Create(CultureInfo.InvariantCulture, $"parameters {parameters}, training time {result.Elapsed.TotalSeconds:0.0} s, steps {result.Steps}"),
            validationBpc is { } bpc ? string.Create(CultureInfo.InvariantCulture, $"validation {bpc:0.0000} bits/char") : "no validation text",
            $"checkpoint {name}{(weightsOnly ? " (weights only: samples and fine-tunes, cannot resume the optimizer)" : "")}",
            described + (scores is null ? "" : $"; validator: {scores}"),
        };
        AtomicFile.WriteAllText(Path.Combine(folder, "summary.txt"), string.Join("\n", summary) + "\n");
        foreach (string line in summary.Skip(1)) output.WriteLine(progressPrefix + line);
        return new LabRunResult(folder, checkpointPath, result, trainBpc, validationBpc, parameters, samples, scores);
    }

    /// <summary>Products sampled from the model each primed with one of <see cref="ScoredProducts"/> headers of the
    /// validation text, and their validator scores, when the validation text is forecasts; otherwise
    /// <paramref name="sampleLength"/> characters from a newline, scored only if they hold a product.</summary>
    private static (string Text, ForecastReport? Scores, string Described) Samples(Sampler sampler, TextSplit data, int seed, int sampleLength)
    {
        var options = new SamplingOptions(SampleTemperature);
        string tau = SampleTemperature.ToString(CultureInfo.InvariantCulture);
        string validation = data.Vocabulary.Decode(data.Validation);
        var products = ForecastSampling.Products(validation).Where(p => ForecastValidator.Validate(p).ParsedCount == 1).ToList();
        if (products.Count > 0)
        {
            var headers = ForecastSampling.SpreadHeaders(products, Math.Min(ScoredProducts, products.Count));
            int count = headers.Count;
            var rng = new Rng(seed);
            string text = string.Concat(headers.Select(h => ForecastSampling.SampleProduct(sampler, h, rng, options) + "\n"));
            return (text, ForecastValidator.Validate(text), $"samples.txt: {count} products at temperature {tau}, seed {seed}, each primed with a header of the validation text");
        }
        string sample = sampler.Sample(sampleLength, new Rng(seed), "", options);
        var report = ForecastValidator.Validate(sample);
        return (sample, sample.Contains("$$", StringComparison.Ordinal) ? report : null,    // forecasts end with a $$ line
                $"samples.txt: {sampleLength} characters at temperature {tau}, seed {seed}");
    }
}

using LstmCourse.Experiments.Runs;
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

/// <summary>One training run into a run folder (see <see cref="RunFolder"/>): config.json, metrics.csv (appended as the run
/// goes), checkpoint-latest.ckpt while it trains, then checkpoint-val&lt;bpc&gt;.ckpt (named with its validation bits per
/// character), samples.txt and summary.txt; a killed run is continued with <see cref="Resume"/>.</summary>
public static class LabRun
{
    /// <summary>Temperature of the samples written to samples.txt.</summary>
    public const double SampleTemperature = 0.8;

    /// <summary>Products sampled and scored at the end of a run on forecasts (headers spread over the validation text).</summary>
    public const int ScoredProducts = 20;

    /// <summary>A new run into <paramref name="folder"/> (the files of a previous run there are replaced). The config is
    /// checked against the data before anything is written.</summary>
    public static LabRunResult Train(TrainingConfig config, TextSplit data, string folder, TextWriter output,
        bool weightsOnly = false, int sampleLength = 3000, string progressPrefix = "", CharLstm? init = null)
    {
        var trainer = Engines.Create(config with { CheckpointPath = Path.Combine(Path.GetFullPath(folder), RunFolder.LatestCheckpoint) }, data, init);
        try
        {
            using var owner = RunFolder.Lock(folder);
            RunFolder.Clean(folder, previousRun: true);
            return Finish(trainer, data, folder, output, weightsOnly, sampleLength, progressPrefix);
        }
        finally
        {
            (trainer as IDisposable)?.Dispose();
        }
    }

    /// <summary>Continues the run in <paramref name="folder"/> from its newest complete checkpoint, exactly as if it had
    /// not stopped, with <paramref name="adjust"/> applied to the checkpoint's config (a longer MaxSteps, say; knobs that
    /// shape the model, the data or the optimizer state cannot change).</summary>
    /// <exception cref="ArgumentException">No checkpoint to resume, another text, or a config the checkpoint cannot continue with.</exception>
    public static LabRunResult Resume(string folder, TextSplit data, Func<TrainingConfig, TrainingConfig> adjust, TextWriter output,
        bool weightsOnly = false, int sampleLength = 3000, string progressPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(adjust);
        using var owner = RunFolder.Lock(folder);
        var (path, checkpoint) = RunFolder.NewestCheckpoint(folder, output)
            ?? throw new ArgumentException($"run folder '{Path.GetFullPath(folder)}' holds no checkpoint to resume (a run saves its first at its first evaluation); start it again with --out.");
        var config = adjust(checkpoint.Config with { CheckpointPath = null }).Validate();
        if (checkpoint.Config.Engine != TrainingEngine.Ours || config.Engine != TrainingEngine.Ours)
            throw new ArgumentException($"--resume continues runs of our engine; this run is Engine {checkpoint.Config.Engine}, whose checkpoint holds no optimizer state to continue from: start a new run instead (it may --init from this checkpoint's weights).");
        var trainer = Trainer.Resume(checkpoint, data, config with { CheckpointPath = Path.Combine(Path.GetFullPath(folder), RunFolder.LatestCheckpoint) });
        RunFolder.Clean(folder, previousRun: false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{progressPrefix}resuming from {Path.GetFileName(path)} at step {trainer.Step} of {config.MaxSteps}"));
        if (checkpoint.Optimizer.Buffers.Count == 0 && checkpoint.Optimizer.Steps > 0 && config.Optimizer != OptimizerKind.Sgd)
            output.WriteLine($"{progressPrefix}note: {Path.GetFileName(path)} holds the weights only (--weights-only): the optimizer's moments restart from zero, so the run does not continue exactly.");
        return Finish(trainer, data, folder, output, weightsOnly, sampleLength, progressPrefix);
    }

    /// <summary>Trains to the end, appending metrics.csv as it goes, then writes the final checkpoint, samples.txt and summary.txt.</summary>
    private static LabRunResult Finish(ITrainer trainer, TextSplit data, string folder, TextWriter output, bool weightsOnly, int sampleLength, string progressPrefix)
    {
        var config = trainer.Config with { CheckpointPath = null };
        config.Save(Path.Combine(folder, RunFolder.ConfigFile));
        long parameters = trainer.ToCharLstm().Parameters.Sum(p => (long)p.Value.Length);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{progressPrefix}model: {config.Layers} x {config.HiddenSize} LSTM{(config.Engine == TrainingEngine.Ours ? "" : $" trained by {config.Engine}")}, V = {data.Vocabulary.Size}, {parameters:N0} parameters; "
            + $"text: {data.Train.Length:N0} training and {data.Validation.Length:N0} validation characters; {config.EffectiveThreads} thread(s)"));
        output.Flush();
        var progress = new ProgressLog(p => { output.WriteLine(progressPrefix + p); output.Flush(); });
        string metricsPath = Path.Combine(folder, RunFolder.MetricsFile);
        TrainingResult result;
        try
        {
            using var metrics = new MetricsCsvLog(metricsPath, trainer.History);
            result = trainer.Run(progress, onStep: metrics.Append);
        }
        finally
        {
            trainer.WriteMetricsCsv(metricsPath);                                          // whole, with the validation of a last cancelled step
        }
        output.WriteLine(progressPrefix + result);

        var full = trainer.ToCheckpoint();
        var checkpoint = new Checkpoint
        {
            Config = config,
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
        foreach (string old in RunFolder.Checkpoints(folder))
            if (!string.Equals(Path.GetFullPath(old), Path.GetFullPath(checkpointPath), StringComparison.Ordinal)) File.Delete(old);

        var sampler = new Sampler(trainer.ToCharLstm(), trainer.Vocabulary);
        var (samples, scores, described) = Samples(sampler, data, config.Seed, sampleLength);
        AtomicFile.WriteAllText(Path.Combine(folder, RunFolder.SamplesFile), samples);

        var summary = new List<string>
        {
            result.ToString(),
            string.Create(CultureInfo.InvariantCulture, $"parameters {parameters}, training time {result.Elapsed.TotalSeconds:0.0} s, steps {result.Steps}"),
            validationBpc is { } bpc ? string.Create(CultureInfo.InvariantCulture, $"validation {bpc:0.0000} bits/char") : "no validation text",
            $"checkpoint {name}{(weightsOnly ? " (weights only: samples and fine-tunes, cannot resume the optimizer)" : "")}",
            described + (scores is null ? "" : $"; validator: {scores}"),
        };
        AtomicFile.WriteAllText(Path.Combine(folder, RunFolder.SummaryFile), string.Join("\n", summary) + "\n");
        foreach (string line in summary.Skip(1)) output.WriteLine(progressPrefix + line);
        return new LabRunResult(folder, checkpointPath, result, trainBpc, validationBpc, parameters, samples, scores);
    }

    /// <summary>Products sampled from the model each primed with one of <see cref="ScoredProducts"/> headers of the
    /// validation text, and their validator scores, when the corpus is forecasts: when its validation text holds a product
    /// that ForecastValidator parses whole (zone line, header, periods, $$ line). Otherwise <paramref name="sampleLength"/>
    /// characters from a newline, not validated (a $$ of LaTeX is not a forecast).</summary>
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
        return (sample, null, $"samples.txt: {sampleLength} characters at temperature {tau}, seed {seed}");   // not forecasts: nothing to validate
    }
}

using System.Globalization;
using LstmCourse.Fast;
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

        var checkpoint = trainer.ToCheckpoint();
        if (weightsOnly)
        {
            checkpoint = new Checkpoint
            {
                Config = checkpoint.Config with { CheckpointPath = null },
                Vocabulary = checkpoint.Vocabulary,
                Weights = checkpoint.Weights,
                Optimizer = new OptimizerState(checkpoint.Optimizer.Optimizer, checkpoint.Optimizer.Steps, []),
                RngState = checkpoint.RngState,
                Position = checkpoint.Position,
                CarriedState = checkpoint.CarriedState,
                History = checkpoint.History,
            };
        }
        else
        {
            checkpoint = new Checkpoint
            {
                Config = checkpoint.Config with { CheckpointPath = null },
                Vocabulary = checkpoint.Vocabulary, Weights = checkpoint.Weights, Optimizer = checkpoint.Optimizer,
                RngState = checkpoint.RngState, Position = checkpoint.Position, CarriedState = checkpoint.CarriedState, History = checkpoint.History,
            };
        }
        double? validationBpc = result.ValidationLoss is { } v ? TrainingMetrics.BitsPerChar(v) : null;
        double trainBpc = TrainingMetrics.BitsPerChar(result.TrainLoss);
        string name = validationBpc is { } vb
            ? string.Create(CultureInfo.InvariantCulture, $"checkpoint-val{vb:0.000}.ckpt")
            : string.Create(CultureInfo.InvariantCulture, $"checkpoint-train{trainBpc:0.000}.ckpt");
        string checkpointPath = Path.Combine(folder, name);
        foreach (string old in Directory.GetFiles(folder, "checkpoint-*.ckpt")) File.Delete(old);
        checkpoint.Save(checkpointPath);
        if (File.Exists(working)) File.Delete(working);

        var sampler = new Sampler(trainer.Model, trainer.Vocabulary);
        string samples = sampler.Sample(sampleLength, new Rng(config.Seed), "", new SamplingOptions(SampleTemperature));
        File.WriteAllText(Path.Combine(folder, "samples.txt"), samples);
        var report = ForecastValidator.Validate(samples);
        ForecastReport? scores = samples.Contains("$$", StringComparison.Ordinal) ? report : null;   // forecasts end with a $$ line

        var summary = new List<string>
        {
            result.ToString(),
            string.Create(CultureInfo.InvariantCulture, $"parameters {parameters}, training time {result.Elapsed.TotalSeconds:0.0} s, steps {result.Steps}"),
            validationBpc is { } bpc ? string.Create(CultureInfo.InvariantCulture, $"validation {bpc:0.0000} bits/char") : "no validation text",
            $"checkpoint {name}{(weightsOnly ? " (weights only: samples and fine-tunes, cannot resume the optimizer)" : "")}",
            $"samples.txt: {sampleLength} characters at temperature {SampleTemperature.ToString(CultureInfo.InvariantCulture)}, seed {config.Seed}"
            + (scores is null ? "" : $"; validator: {scores}"),
        };
        File.WriteAllLines(Path.Combine(folder, "summary.txt"), summary);
        foreach (string line in summary.Skip(1)) output.WriteLine(progressPrefix + line);
        return new LabRunResult(folder, checkpointPath, result, trainBpc, validationBpc, parameters, samples, scores);
    }
}

using LstmCourse.Experiments.Runs;
using System.Globalization;
using LstmCourse.Fast;
using LstmCourse.Runner.Lab;
using LstmCourse.Training;

namespace LstmCourse.Runner.Commands;

/// <summary><c>lstm-course train</c>: trains the fast character LSTM on a corpus and writes a run folder.</summary>
public sealed class TrainCommand : ICommand
{
    public string Name => "train";

    public string Summary => "train a character LSTM on a corpus and save a run folder (config, metrics, samples, checkpoint)";

    public string Usage => """
        lstm-course train --config FILE|NAME [--set name=value]... [--corpus DIR|FILE] [--out DIR] [--time-budget TIME] [--weights-only] [--init CHECKPOINT] [--engine ours|torchsharp]
        lstm-course train --resume DIR [--set name=value]... [--corpus DIR|FILE] [--time-budget TIME] [--weights-only]

        Trains the fast character LSTM (LstmCourse.Training.Trainer) and writes a run folder:
          config.json                the config used (give it back to --config to repeat the run)
          metrics.csv                one row per step, appended as the run goes: losses in nats and bits/char,
                                     gradient norm, rate, speed
          checkpoint-latest.ckpt     while it trains: the newest checkpoint, saved at every evaluation
          checkpoint-val<bpc>.ckpt   at the end, in its place: named with its validation loss in bits per character
          samples.txt                sampled at temperature 0.8: on forecasts (a validation text with products that
                                     ForecastValidator parses), 20 products each primed with a header of the validation
                                     text; on other text, 3000 characters
          summary.txt                how the run ended; ForecastValidator's scores of the samples if they are forecasts
        A progress line is printed every LogEvery steps and at every evaluation. A killed run keeps its newest
        checkpoint and its metrics: sample it with --checkpoint DIR, or continue it with --resume DIR.

          --config FILE|NAME  a JSON config (configs/weather.json) or a built-in one: default, tiny
          --set name=value    change one config field (repeatable), e.g. --set HiddenSize=256 --set LearningRate=3e-3;
                              names as in TrainingConfig, case-insensitive; every value is checked before training
                              starts (CheckpointPath is refused: checkpoints go into the run folder)
          --corpus DIR|FILE   a folder with train.txt and valid.txt (default datasets/weather), or a text file whose
                              last ValidationFraction validates
          --out DIR           the run folder (default runs/train-<UTC time>); one that holds a run is refused
          --resume DIR        continue the run in DIR from its newest checkpoint, exactly as if it had not stopped
                              (same numbers): same corpus; --set may change knobs such as MaxSteps or LearningRate, not
                              the model, the batch shape or the optimizer
          --time-budget TIME  stop after this much training, e.g. 90s, 2m, 1.5h (sets TimeBudget)
          --init CHECKPOINT   start from a checkpoint's weights (fine-tuning): its vocabulary, HiddenSize and Layers
                              must match the corpus and config; the optimizer starts fresh
          --weights-only      save the final checkpoint without the optimizer's moments (a third of the size; it samples
                              and fine-tunes but cannot resume the run exactly)
          --engine ours|torchsharp  which engine trains (sets Engine): ours, the fast float32 CharLstm, or the same model
                              as TorchSharp's nn.LSTM + nn.Linear (LstmCourse.Torch, built with
                              dotnet build lib/LstmCourse.Torch -c Release); both write the same run folder, and the
                              sampler reads either checkpoint; a TorchSharp run cannot be resumed (its checkpoint holds
                              no optimizer state) and takes no Dropout, L1, L2 or ClipValue

        Exit codes: 0 trained; 1 usage error (unknown option, bad config value, missing file, a folder that holds a
        run, a checkpoint that does not fit); 2 training diverged (the newest good checkpoint stays: --resume DIR
        with a lower LearningRate), a file could not be read or written (disk full, no permission, folder in use),
        or the TorchSharp engine cannot run here (the message says what to build).
        """;

    public int Execute(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var parsed = Arguments.Parse(Name, args, ["--weights-only"], ["--config", "--set", "--corpus", "--out", "--time-budget", "--init", "--resume", "--engine"]);
        if (parsed.Positionals.Count > 0)
            throw new UsageException($"train takes no positional arguments, got '{parsed.Positionals[0]}'; name the config with --config.");
        if (parsed.Value("--resume") is string resume) return Resume(resume, parsed, output, error);
        var sets = parsed.Values("--set").ToList();
        if (parsed.Value("--engine") is string engine)
        {
            if (engine.ToLowerInvariant() is not ("ours" or "torchsharp"))
                throw new UsageException($"--engine takes ours or torchsharp, got '{engine}'.");
            sets.Add($"Engine={engine}");
        }
        var config = LabInputs.Config(parsed.Value("--config"), sets, parsed.Value("--time-budget"));
        var data = LabInputs.Corpus(parsed.Value("--corpus"), config);
        CharLstm? init = null;
        if (parsed.Value("--init") is string initPath)
        {
            if (!File.Exists(initPath)) throw new UsageException($"--init: no checkpoint at '{initPath}'.");
            Checkpoint start;
            try { start = Checkpoint.Load(initPath); }
            catch (CheckpointFormatException e) { throw new UsageException($"--init: {e.Message}"); }
            if (!start.Vocabulary.Equals(data.Vocabulary))
                throw new UsageException($"--init: the checkpoint's vocabulary ({start.Vocabulary.Size} characters) differs from the corpus's ({data.Vocabulary.Size}); fine-tune on the corpus it was trained on.");
            init = start.CreateModel();
        }
        string folder = Path.GetFullPath(parsed.Value("--out") ?? Path.Combine("runs", "train-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)));
        if (RunFolder.HoldsRun(folder))
            throw new UsageException($"--out '{folder}' already holds a run; continue it with --resume {folder}, or choose another --out (or delete the folder).");
        return Train(() => LabRun.Train(config, data, folder, output, parsed.Flag("--weights-only"), init: init), folder, $"training into {folder}", output, error);
    }

    /// <summary>--resume DIR: the newest checkpoint's config with --set and --time-budget applied, on the corpus it was trained on.</summary>
    private static int Resume(string folder, Arguments parsed, TextWriter output, TextWriter error)
    {
        foreach (string option in new[] { "--config", "--init", "--out", "--engine" })
            if (parsed.Value(option) is not null)
                throw new UsageException($"--resume continues the run with the config of its checkpoint, in its own folder; drop {option} (change knobs with --set).");
        if (!Directory.Exists(folder)) throw new UsageException($"--resume: run folder '{Path.GetFullPath(folder)}' does not exist.");
        (string Path, Checkpoint Checkpoint)? found;
        try { found = RunFolder.NewestCheckpoint(folder); }
        catch (CheckpointFormatException e) { throw new UsageException($"--resume: {e.Message}"); }
        var newest = found
                     ?? throw new UsageException($"--resume: run folder '{Path.GetFullPath(folder)}' holds no checkpoint (a run saves its first at its first evaluation); start it again with --out.");
        TrainingConfig Adjust(TrainingConfig saved) => LabInputs.Apply(saved, parsed.Values("--set"), parsed.Value("--time-budget"));
        var data = LabInputs.Corpus(parsed.Value("--corpus"), Adjust(newest.Checkpoint.Config with { CheckpointPath = null }));
        string full = Path.GetFullPath(folder);
        return Train(() => LabRun.Resume(full, data, Adjust, output, parsed.Flag("--weights-only")), full, $"resuming {full}", output, error);
    }

    private static int Train(Func<LabRunResult> train, string folder, string heading, TextWriter output, TextWriter error)
    {
        output.WriteLine(heading);
        try
        {
            var run = train();
            output.WriteLine($"wrote {run.CheckpointPath}");
            return ExitCodes.Ok;
        }
        catch (TrainingDivergedException diverged)
        {
            error.WriteLine($"lstm-course train: {diverged.Message}");
            error.WriteLine($"metrics so far are in {Path.Combine(folder, RunFolder.MetricsFile)}; continue with lstm-course train --resume {folder} --set LearningRate=...");
            return ExitCodes.Failed;
        }
        catch (EngineUnavailableException unavailable)
        {
            error.WriteLine($"lstm-course train: {unavailable.Message}");
            return ExitCodes.Failed;
        }
        catch (ArgumentException e)
        {
            throw new UsageException(System.Text.RegularExpressions.Regex.Replace(e.Message, @" \(Parameter '[^']*'\)", ""));
        }
    }
}

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
        lstm-course train --config FILE|NAME [--set name=value]... [--corpus DIR|FILE] [--out DIR] [--time-budget TIME] [--weights-only] [--init CHECKPOINT]

        Trains the fast character LSTM (LstmCourse.Training.Trainer) and writes a run folder:
          config.json                the config used (give it back to --config to repeat the run)
          metrics.csv                one row per step: losses in nats and bits/char, gradient norm, rate, speed
          samples.txt                sampled at temperature 0.8: on forecasts, 20 products each primed with a header of
                                     the validation text; on other text, 3000 characters
          summary.txt                how the run ended; ForecastValidator's scores of the samples if they are forecasts
          checkpoint-val<bpc>.ckpt   the checkpoint, named with its validation loss in bits per character
        A progress line is printed every LogEvery steps and at every evaluation.

          --config FILE|NAME  a JSON config (configs/weather.json) or a built-in one: default, tiny
          --set name=value    change one config field (repeatable), e.g. --set HiddenSize=256 --set LearningRate=3e-3;
                              names as in TrainingConfig, case-insensitive
          --corpus DIR|FILE   a folder with train.txt and valid.txt (default datasets/weather), or a text file whose
                              last ValidationFraction validates
          --out DIR           the run folder (default runs/train-<UTC time>)
          --time-budget TIME  stop after this much training, e.g. 90s, 2m, 1.5h (sets TimeBudget)
          --init CHECKPOINT   start from a checkpoint's weights (fine-tuning): its vocabulary, HiddenSize and Layers
                              must match the corpus and config; the optimizer starts fresh
          --weights-only      save the checkpoint without the optimizer's moments (a third of the size; it samples and
                              fine-tunes but cannot resume the run exactly)

        Exit codes: 0 trained; 1 usage error (unknown option or config field, missing file); 2 training diverged.
        """;

    public int Execute(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var parsed = Arguments.Parse(Name, args, ["--weights-only"], ["--config", "--set", "--corpus", "--out", "--time-budget", "--init"]);
        if (parsed.Positionals.Count > 0)
            throw new UsageException($"train takes no positional arguments, got '{parsed.Positionals[0]}'; name the config with --config.");
        var config = LabInputs.Config(parsed.Value("--config"), parsed.Values("--set"), parsed.Value("--time-budget"));
        var data = LabInputs.Corpus(parsed.Value("--corpus"), config);
        CharLstm? init = null;
        if (parsed.Value("--init") is string initPath)
        {
            if (!File.Exists(initPath)) throw new UsageException($"--init: no checkpoint at '{initPath}'.");
            var start = Checkpoint.Load(initPath);
            if (!start.Vocabulary.Equals(data.Vocabulary))
                throw new UsageException($"--init: the checkpoint's vocabulary ({start.Vocabulary.Size} characters) differs from the corpus's ({data.Vocabulary.Size}); fine-tune on the corpus it was trained on.");
            init = start.CreateModel();
        }
        string folder = Path.GetFullPath(parsed.Value("--out") ?? Path.Combine("runs", "train-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)));
        output.WriteLine($"training into {folder}");
        try
        {
            var run = LabRun.Train(config, data, folder, output, parsed.Flag("--weights-only"), init: init);
            output.WriteLine($"wrote {run.CheckpointPath}");
            return ExitCodes.Ok;
        }
        catch (TrainingDivergedException diverged)
        {
            error.WriteLine($"lstm-course train: {diverged.Message}");
            error.WriteLine($"metrics so far are in {Path.Combine(folder, "metrics.csv")}.");
            return ExitCodes.Failed;
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }
}

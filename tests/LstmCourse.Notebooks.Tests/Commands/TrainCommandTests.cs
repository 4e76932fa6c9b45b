using System.Text.RegularExpressions;
using LstmCourse.Notebooks.Tests.Support;
using LstmCourse.Runner.Commands;
using LstmCourse.Training;
using LstmCourse.Weather;

namespace LstmCourse.Notebooks.Tests.Commands;

public class TrainCommandTests
{
    [Fact]
    public void Training_writes_a_run_folder_with_config_metrics_samples_and_a_checkpoint_named_by_its_validation_loss()
    {
        using var temp = new TempFolder();
        string run = Path.Combine(temp.Root, "run");

        var result = Cli.Run("train", "--config", "tiny", "--set", "MaxSteps=60", "--set", "hiddensize=12", "--corpus", LabFixture.TinyWeather, "--out", run);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error + result.Output);
        Assert.Contains("step 10/60", result.Output);
        Assert.Contains("stopped (MaxSteps) after 60 steps", result.Output);
        var config = TrainingConfig.Load(Path.Combine(run, "config.json"));
        Assert.Equal(12, config.HiddenSize);
        Assert.Equal(60, config.MaxSteps);
        string[] metrics = File.ReadAllLines(Path.Combine(run, "metrics.csv"));
        Assert.Equal(TrainingMetrics.CsvHeader, metrics[0]);
        Assert.Equal(61, metrics.Length);
        var validHeaders = ForecastSampling.Products(File.ReadAllText(Path.Combine(LabFixture.TinyWeather, "valid.txt"))).Select(ForecastSampling.Header).ToList();
        string samples = File.ReadAllText(Path.Combine(run, "samples.txt"));
        Assert.StartsWith(validHeaders[0], samples);                                 // forecasts: products primed with validation headers
        Assert.Equal(Math.Min(20, validHeaders.Count), validHeaders.Distinct().Count(h => samples.Contains(h, StringComparison.Ordinal)));
        Assert.Contains("each primed with a header of the validation text; validator: ", File.ReadAllText(Path.Combine(run, "summary.txt")));
        string checkpoint = Assert.Single(Directory.GetFiles(run, "*.ckpt"));
        var match = Regex.Match(Path.GetFileName(checkpoint), @"^checkpoint-val(\d+\.\d{3})\.ckpt$");
        Assert.True(match.Success, checkpoint);
        var loaded = Checkpoint.Load(checkpoint);
        double bpc = TrainingMetrics.BitsPerChar(loaded.History.Last(h => h.ValidationLoss is not null).ValidationLoss!.Value);
        Assert.Equal(match.Groups[1].Value, bpc.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEmpty(loaded.Optimizer.Buffers);
        Assert.Empty(Directory.GetFiles(run, "*.partial"));
    }

    [Fact]
    public void Weights_only_drops_the_optimizer_state_and_a_time_budget_stops_the_run()
    {
        using var temp = new TempFolder();
        string run = Path.Combine(temp.Root, "run");

        var result = Cli.Run("train", "--config", "tiny", "--set", "MaxSteps=100000", "--time-budget", "1s", "--weights-only",
            "--corpus", LabFixture.TinyWeather, "--out", run);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.Contains("stopped (TimeBudget)", result.Output);
        var loaded = Checkpoint.Load(Assert.Single(Directory.GetFiles(run, "checkpoint-val*.ckpt")));
        Assert.Empty(loaded.Optimizer.Buffers);
        Assert.Equal(TimeSpan.FromSeconds(1), TrainingConfig.Load(Path.Combine(run, "config.json")).TimeBudget);
    }

    [Fact]
    public void Init_starts_from_a_checkpoints_weights_and_rejects_a_different_vocabulary()
    {
        using var temp = new TempFolder();
        string first = Path.Combine(temp.Root, "first"), second = Path.Combine(temp.Root, "second");
        Assert.Equal(ExitCodes.Ok, Cli.Run("train", "--config", "tiny", "--set", "MaxSteps=200", "--set", "hiddensize=12",
            "--set", "LearningRate=0.02", "--corpus", LabFixture.TinyWeather, "--out", first).ExitCode);
        string checkpoint = Assert.Single(Directory.GetFiles(first, "checkpoint-val*.ckpt"));

        var tuned = Cli.Run("train", "--config", "tiny", "--set", "MaxSteps=5", "--set", "hiddensize=12", "--init", checkpoint,
            "--corpus", LabFixture.TinyWeather, "--out", second);

        Assert.True(tuned.ExitCode == ExitCodes.Ok, tuned.Error + tuned.Output);
        static double TrainLoss(string run, int row) =>
            double.Parse(File.ReadAllLines(Path.Combine(run, "metrics.csv"))[row].Split(',')[3], System.Globalization.CultureInfo.InvariantCulture);
        double fresh = TrainLoss(first, 1), trained = TrainLoss(first, 200), fineTuned = TrainLoss(second, 1);
        Assert.True(trained < fresh - 1, $"the first run did not learn ({fresh} -> {trained} nats), so this test cannot tell");
        Assert.True(fineTuned < fresh - 1, $"fine-tuning started at {fineTuned} nats, a fresh model at {fresh}: --init did not load the weights");

        string other = temp.Write("other.txt", string.Concat(Enumerable.Repeat("lower case text only, no forecast here. ", 200)));
        var mismatch = Cli.Run("train", "--config", "tiny", "--set", "MaxSteps=5", "--init", checkpoint, "--corpus", other, "--out", Path.Combine(temp.Root, "x"));
        Assert.Equal(ExitCodes.Usage, mismatch.ExitCode);
        Assert.Contains("vocabulary", mismatch.Error);
    }

    [Fact]
    public void A_config_file_is_read_and_a_single_text_file_is_split_by_ValidationFraction()
    {
        using var temp = new TempFolder();
        string config = temp.Write("c.json", TrainingConfig.Tiny.With("MaxSteps", "20").ToJson());
        string text = temp.Write("abc.txt", string.Concat(Enumerable.Repeat("abcabd\n", 300)));

        var result = Cli.Run("train", "--config", config, "--corpus", text, "--out", temp.PathOf("run"));

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.Contains("1,890 training and 210 validation characters", result.Output);
        Assert.Equal(3000, File.ReadAllText(temp.PathOf("run", "samples.txt")).Length);      // not forecasts: 3000 characters from a newline
    }

    [Theory]
    [InlineData("unknown config field \"HiddenSise\"; known fields: HiddenSize, Layers", "--config", "tiny", "--set", "HiddenSise=3")]
    [InlineData("config field LearningRate cannot be set to \"fast\"", "--config", "tiny", "--set", "LearningRate=fast")]
    [InlineData("override \"Layers\" is not of the form name=value", "--config", "tiny", "--set", "Layers")]
    [InlineData("HiddenSize", "--config", "tiny", "--set", "HiddenSize=0")]
    [InlineData("built-in configs: default, tiny", "--config", "nosuch")]
    [InlineData("--config is required", "--set", "Layers=1")]
    [InlineData("config field TimeBudget cannot be set to \"soon\"", "--config", "tiny", "--time-budget", "soon")]
    [InlineData("unknown option '--epochs' for 'train'", "--config", "tiny", "--epochs", "3")]
    [InlineData("does not exist", "--config", "tiny", "--corpus", "/no/such/corpus.txt")]
    public void Mistakes_are_usage_errors_that_say_what_to_write(string message, params string[] args)
    {
        var result = Cli.Run(["train", .. args]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Contains("usage: lstm-course train", result.Error);
    }

    [Fact]
    public void A_corpus_folder_without_valid_txt_is_named()
    {
        using var temp = new TempFolder();
        temp.Write("corpus/train.txt", "abcdefgh\n");

        var result = Cli.Run("train", "--config", "tiny", "--corpus", temp.PathOf("corpus"));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("needs train.txt and valid.txt", result.Error);
    }

    [Theory]
    [InlineData("train.txt", "", "is empty (0 bytes)")]
    [InlineData("valid.txt", "abc\0def\n", "looks binary: it has a NUL byte at offset 3")]
    public void An_empty_or_binary_file_in_a_corpus_folder_is_a_usage_error_that_names_it(string file, string content, string message)
    {
        using var temp = new TempFolder();
        temp.Write("corpus/train.txt", "abcdefgh\n");
        temp.Write("corpus/valid.txt", "abcdefgh\n");
        temp.Write("corpus/" + file, content);

        var result = Cli.Run("train", "--config", "tiny", "--corpus", temp.PathOf("corpus"));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Contains(file, result.Error);
    }

    [Fact]
    public void A_diverging_run_exits_2_and_keeps_its_metrics()
    {
        using var temp = new TempFolder();
        string run = temp.PathOf("run");

        var result = Cli.Run("train", "--config", "tiny", "--set", "LearningRate=1000", "--set", "ClipNorm=0", "--set", "Optimizer=Sgd",
            "--corpus", LabFixture.TinyWeather, "--out", run);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("Training diverged", result.Error);
        Assert.True(File.Exists(Path.Combine(run, "metrics.csv")));
    }

    [Theory]
    [InlineData("LearningRate=1e308", "TrainingConfig.LearningRate is 1E+308; it must be in [1e-12, 1000]")]
    [InlineData("Beta2=0.99999999", "in float, values closer to 1 round to 1")]
    [InlineData("CheckpointPath=mine.ckpt", "train and sweep write their checkpoints into the run folder")]
    [InlineData("WindowsStartAfter=QQQ", "WindowsStartAfter contains 1 character not in the vocabulary")]
    [InlineData("BatchSize=4096", "too few for 4096 streams")]
    public void A_bad_value_is_refused_before_anything_is_written(string assignment, string message)
    {
        using var temp = new TempFolder();
        string run = Path.Combine(temp.Root, "run");

        var result = Cli.Run("train", "--config", "tiny", "--set", assignment, "--corpus", LabFixture.TinyWeather, "--out", run);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.False(Directory.Exists(run), "a refused run left a folder");
    }

    [Fact]
    public void An_out_folder_that_holds_a_run_is_refused_and_resume_continues_it_exactly()
    {
        using var temp = new TempFolder();
        string straight = temp.PathOf("straight"), stopped = temp.PathOf("stopped");
        string[] tiny = ["train", "--config", "tiny", "--set", "EvaluateEvery=50", "--corpus", LabFixture.TinyWeather];
        Assert.Equal(ExitCodes.Ok, Cli.Run([.. tiny, "--set", "MaxSteps=200", "--out", straight]).ExitCode);
        Assert.Equal(ExitCodes.Ok, Cli.Run([.. tiny, "--set", "MaxSteps=100", "--out", stopped]).ExitCode);

        var again = Cli.Run([.. tiny, "--set", "MaxSteps=200", "--out", stopped]);
        Assert.Equal(ExitCodes.Usage, again.ExitCode);
        Assert.Contains($"already holds a run; continue it with --resume {stopped}", again.Error);

        var resumed = Cli.Run("train", "--resume", stopped, "--set", "MaxSteps=200", "--corpus", LabFixture.TinyWeather);
        Assert.True(resumed.ExitCode == ExitCodes.Ok, resumed.Error);
        Assert.Contains("resuming from checkpoint-val", resumed.Output);
        Assert.Null(RunComparison.Difference(straight, stopped));
    }

    [Theory]
    [InlineData("holds no checkpoint", "--resume", "EMPTY")]
    [InlineData("drop --config", "--resume", "EMPTY", "--config", "tiny")]
    [InlineData("cannot resume with HiddenSize = 8", "--resume", "RUN", "--set", "HiddenSize=8")]
    [InlineData("the text differs from the one the checkpoint was trained on", "--resume", "RUN", "--corpus", "OTHER")]
    public void A_resume_that_cannot_continue_exactly_is_a_usage_error_that_says_why(string message, params string[] args)
    {
        using var temp = new TempFolder();
        string empty = temp.PathOf("empty"), run = temp.PathOf("run"), other = temp.PathOf("other");
        Directory.CreateDirectory(empty);
        Directory.CreateDirectory(other);
        foreach (string file in new[] { "train.txt", "valid.txt" })
            File.WriteAllText(Path.Combine(other, file), File.ReadAllText(Path.Combine(LabFixture.TinyWeather, file)).Replace("RAIN", "SNOW"));
        Assert.Equal(ExitCodes.Ok, Cli.Run("train", "--config", "tiny", "--set", "MaxSteps=20", "--corpus", LabFixture.TinyWeather, "--out", run).ExitCode);

        var result = Cli.Run(["train", .. args.Select(a => a switch { "EMPTY" => empty, "RUN" => run, "OTHER" => other, _ => a }),
            .. args.Contains("--corpus") ? Array.Empty<string>() : ["--corpus", LabFixture.TinyWeather]]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void A_corpus_with_LaTeX_dollar_signs_is_not_validated_as_forecasts()
    {
        using var temp = new TempFolder();
        string text = temp.Write("slides.txt", string.Concat(Enumerable.Repeat("The gate is $$ f_t = \\sigma(W_f x_t + b_f) $$\n$$\n", 80)));

        var result = Cli.Run("train", "--config", "tiny", "--set", "MaxSteps=20", "--corpus", text, "--out", temp.PathOf("run"));

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.DoesNotContain("validator", result.Output);
        Assert.DoesNotContain("validator", File.ReadAllText(temp.PathOf("run", "summary.txt")));
    }
}

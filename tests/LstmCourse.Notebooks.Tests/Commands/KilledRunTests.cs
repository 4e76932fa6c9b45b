using LstmCourse.Experiments.Runs;
using LstmCourse.Notebooks.Tests.Support;
using LstmCourse.Runner.Commands;
using LstmCourse.Runner.Lab;
using LstmCourse.Training;

namespace LstmCourse.Notebooks.Tests.Commands;

/// <summary>A run killed at any moment leaves a folder that samples, keeps its metrics, and resumes to the numbers of a
/// run that was never stopped. (tests/LstmCourse.Fuzz kills many runs at random moments; this is one.)</summary>
public class KilledRunTests
{
    private static readonly string[] Run = ["train", "--config", "tiny", "--set", "MaxSteps=800", "--set", "EvaluateEvery=50", "--corpus", LabFixture.TinyWeather];

    private static readonly Lazy<string> Uninterrupted = new(() =>
    {
        string folder = Path.Combine(Directory.CreateTempSubdirectory("lstm-course-uninterrupted-").FullName, "run");
        var result = Cli.Run([.. Run, "--out", folder]);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        return folder;
    });

    [Fact]
    public void A_run_killed_with_SIGKILL_mid_training_samples_keeps_its_metrics_and_resumes_to_the_same_numbers()
    {
        using var temp = new TempFolder();
        string folder = temp.PathOf("killed");
        using (var child = RunComparison.Start([.. Run, "--out", folder]))
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!(File.Exists(Path.Combine(folder, RunFolder.LatestCheckpoint)) && File.Exists(Path.Combine(folder, "metrics.csv"))
                     && File.ReadAllText(Path.Combine(folder, "metrics.csv")).Count(c => c == '\n') > 300))
            {
                Assert.False(child.HasExited, "the run ended before it could be killed");
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "the run wrote no checkpoint in 60 s");
                Thread.Sleep(10);
            }
            child.Kill();                                                                   // SIGKILL: no cleanup runs
            child.WaitForExit();
        }

        var sample = Cli.Run("sample", "--checkpoint", folder, "--length", "40");
        Assert.True(sample.ExitCode == ExitCodes.Ok, sample.Error);
        Assert.True(TrainingMetrics.ReadCsv(Path.Combine(folder, "metrics.csv")).Count >= 300);

        var resumed = Cli.Run("train", "--resume", folder, "--corpus", LabFixture.TinyWeather);
        Assert.True(resumed.ExitCode == ExitCodes.Ok, resumed.Error);
        Assert.Contains("resuming from checkpoint-latest.ckpt at step ", resumed.Output);
        Assert.Null(RunComparison.Difference(Uninterrupted.Value, folder));
        Assert.Empty(Directory.GetFiles(folder, ".*.tmp"));                                // the killed writer's temporary files are gone
    }

    [Fact]
    public void A_folder_holding_only_an_old_working_checkpoint_and_a_stray_temporary_file_still_samples()
    {
        using var temp = new TempFolder();
        string folder = temp.PathOf("old");
        Directory.CreateDirectory(folder);
        File.Copy(Directory.GetFiles(Uninterrupted.Value, "checkpoint-*.ckpt").Single(), Path.Combine(folder, "checkpoint.ckpt.partial"));
        File.WriteAllBytes(Path.Combine(folder, ".checkpoint.ckpt.partial.4242.0123456789abcdef0123456789abcdef.tmp"), new byte[1000]);

        var sample = Cli.Run("sample", "--checkpoint", folder, "--length", "40");

        Assert.True(sample.ExitCode == ExitCodes.Ok, sample.Error);
    }

    [Fact]
    public void Of_several_checkpoints_in_a_folder_the_newest_by_step_is_used_and_named()
    {
        using var temp = new TempFolder();
        string early = temp.PathOf("early"), folder = temp.PathOf("both");
        Assert.Equal(ExitCodes.Ok, Cli.Run([.. Run.Select(a => a == "MaxSteps=800" ? "MaxSteps=100" : a), "--out", early]).ExitCode);
        Directory.CreateDirectory(folder);
        File.Copy(Directory.GetFiles(early, "checkpoint-*.ckpt").Single(), Path.Combine(folder, "checkpoint-val9.999.ckpt"));
        File.Copy(Directory.GetFiles(Uninterrupted.Value, "checkpoint-*.ckpt").Single(), Path.Combine(folder, RunFolder.LatestCheckpoint));

        var sample = Cli.Run("sample", "--checkpoint", folder, "--length", "40");

        Assert.True(sample.ExitCode == ExitCodes.Ok, sample.Error);
        Assert.Contains("using checkpoint-latest.ckpt (step 800), the newest of 2 checkpoints", sample.Error);
    }

    [Fact]
    public void A_second_writer_of_a_run_folder_is_refused_while_the_first_holds_it()
    {
        using var temp = new TempFolder();
        string folder = temp.PathOf("busy");
        using (RunFolder.Lock(folder))
        {
            var second = Cli.Run([.. Run, "--out", folder]);
            Assert.Equal(ExitCodes.Failed, second.ExitCode);
            Assert.Contains("is being written by another lstm-course process", second.Error);
        }
        Assert.Equal(ExitCodes.Ok, Cli.Run([.. Run.Select(a => a == "MaxSteps=800" ? "MaxSteps=20" : a), "--out", folder]).ExitCode);   // released
    }
}

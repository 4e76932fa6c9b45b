using LstmCourse.Experiments.Runs;
using LstmCourse.Experiments.Tests.Support;

namespace LstmCourse.Experiments.Tests.Runs;

public class RunFolderTests
{
    [Fact]
    public void A_finished_run_reads_back_with_the_numbers_training_reported()
    {
        var trained = TrainedRun.Result;

        var run = RunFolder.Read(TrainedRun.Folder);

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Null(run.Problem);
        Assert.Equal("h16", run.Name);
        Assert.Equal("MaxSteps", run.StopReason);
        Assert.Equal(Lab.Config(), run.Config);
        Assert.Equal(trained.Result.Steps, run.Steps);
        Assert.Equal(trained.Result.Elapsed.TotalSeconds, run.Seconds);
        Assert.Equal(trained.TrainBpc, run.TrainBpc);                  // the same doubles, summed in the same order: exact
        Assert.Equal(trained.ValidationBpc, run.ValidationBpc);
        Assert.Equal(trained.Result.Steps, run.Metrics.Count);
        Assert.NotNull(trained.SampleScores);
        Assert.Equal(trained.SampleScores!.Fractions, run.Scores!.Fractions);
        Assert.Equal(run.Metrics.Where(m => m.ValidationLoss is not null).Min(m => m.ValidationBpc), run.BestValidation!.Value.Bpc);
        Assert.True(run.IsFinished);
    }

    [Fact]
    public void A_run_killed_while_writing_its_metrics_is_incomplete_with_what_it_had_done()
    {
        using var temp = new TempFolder();
        string folder = TrainedRun.CopyTo(temp.PathOf("killed"), RunFolder.SummaryFile, RunFolder.SamplesFile);
        string metrics = Path.Combine(folder, RunFolder.MetricsFile);
        string text = File.ReadAllText(metrics);
        int cut = text.IndexOf('\n', text.Length / 2) + 5;                      // mid-row, a few rows in
        File.WriteAllText(metrics, text[..cut]);

        var run = RunFolder.Read(folder);

        Assert.Equal(RunStatus.Incomplete, run.Status);
        Assert.Contains("its last line cut short, no summary.txt", run.Problem);
        Assert.Equal(text[..cut].Count(c => c == '\n') - 1, run.Metrics.Count);
        Assert.False(run.IsFinished);
    }

    [Fact]
    public void A_folder_a_run_was_about_to_start_in_is_incomplete()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.PathOf("empty"));

        var run = RunFolder.Read(temp.PathOf("empty"));

        Assert.Equal(RunStatus.Incomplete, run.Status);
        Assert.Equal("not started: the folder is empty", run.Problem);
    }

    [Fact]
    public void A_run_with_only_its_config_has_no_metrics_yet()
    {
        using var temp = new TempFolder();
        string folder = TrainedRun.CopyTo(temp.PathOf("started"), RunFolder.MetricsFile, RunFolder.SummaryFile, RunFolder.SamplesFile);

        var run = RunFolder.Read(folder);

        Assert.Equal(RunStatus.Incomplete, run.Status);
        Assert.Contains("no metrics.csv yet", run.Problem);
        Assert.Null(run.Steps);
    }

    [Theory]
    [InlineData(RunFolder.ConfigFile, "{ \"HiddenSize\": ", "config.json is unreadable: config is not valid JSON")]
    [InlineData(RunFolder.ConfigFile, "{ \"Hidden\": 8 }", "config.json is unreadable: config has an unknown field \"Hidden\"")]
    [InlineData(RunFolder.MetricsFile, "step,epoch\n", "metrics.csv has no elapsed_seconds column")]
    public void A_damaged_file_makes_the_run_broken_with_the_reason(string file, string content, string problem)
    {
        using var temp = new TempFolder();
        string folder = TrainedRun.CopyTo(temp.PathOf("damaged"));
        File.WriteAllText(Path.Combine(folder, file), content);

        var run = RunFolder.Read(folder);

        Assert.Equal(RunStatus.Broken, run.Status);
        Assert.StartsWith(problem, run.Problem);
    }

    [Fact]
    public void A_run_without_config_is_broken()
    {
        using var temp = new TempFolder();
        string folder = TrainedRun.CopyTo(temp.PathOf("noconfig"), RunFolder.ConfigFile);

        var run = RunFolder.Read(folder);

        Assert.Equal(RunStatus.Broken, run.Status);
        Assert.Equal("no config.json", run.Problem);
        Assert.Null(run.Config);
    }

    [Fact]
    public void A_summary_without_metrics_is_broken()
    {
        using var temp = new TempFolder();
        string folder = TrainedRun.CopyTo(temp.PathOf("nometrics"), RunFolder.MetricsFile);

        Assert.Equal("summary.txt but no metrics.csv", RunFolder.Read(folder).Problem);
    }

    [Fact]
    public void A_run_a_sweep_marked_diverged_is_finished_as_diverged()
    {
        using var temp = new TempFolder();
        string folder = TrainedRun.CopyTo(temp.PathOf("diverged"), RunFolder.SummaryFile, RunFolder.SamplesFile);
        File.WriteAllText(Path.Combine(folder, RunFolder.DivergedFile), "loss 9.1 > 3 x the first loss at step 12; lower LearningRate\n");

        var run = RunFolder.Read(folder);

        Assert.Equal(RunStatus.Diverged, run.Status);
        Assert.Equal("diverged: loss 9.1 > 3 x the first loss at step 12; lower LearningRate", run.Problem);
        Assert.True(run.IsFinished);
    }
}

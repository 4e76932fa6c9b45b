using LstmCourse.Experiments.Sweeps;
using LstmCourse.Experiments.Tests.Support;
using LstmCourse.Runner.Lab;
using LstmCourse.Training;

namespace LstmCourse.Experiments.Tests.Sweeps;

public class SweepManifestTests
{
    private static SweepManifest Manifest(TrainingConfig? config = null, string corpus = "ab ab ab\nab ab\n") =>
        new(config ?? Lab.Config(), SweepGrid.Parse(["HiddenSize=8,12", "Seed=1,2"]),
            CorpusFingerprint.Of(LabInputs.Split(corpus, "ab ba")));

    [Fact]
    public void A_manifest_reads_back_as_the_same_sweep()
    {
        var manifest = Manifest(Lab.Config() with { TimeBudget = TimeSpan.FromSeconds(90), WindowsStartAfter = "$$\n" });

        var back = SweepManifest.Parse(manifest.ToJson());

        Assert.Equal(manifest.ToJson(), back.ToJson());
        Assert.Equal(manifest.Corpus, back.Corpus);
        Assert.Equal(manifest.BaseConfig, back.BaseConfig);
        Assert.Equal(["HiddenSize=8 Seed=1", "HiddenSize=8 Seed=2", "HiddenSize=12 Seed=1", "HiddenSize=12 Seed=2"], back.Grid.Points().Select(p => p.Label));
        Assert.Equal(12, back.ConfigOf(3).HiddenSize);
        Assert.Equal(1, back.ConfigOf(3).Seed);
    }

    [Fact]
    public void Another_config_or_corpus_is_another_sweep()
    {
        string json = Manifest().ToJson();

        Assert.Equal(json, Manifest().ToJson());
        Assert.NotEqual(json, Manifest(Lab.Config() with { LearningRate = 0.02 }).ToJson());
        Assert.NotEqual(json, Manifest(corpus: "ab ab ab\nab ba\n").ToJson());
    }

    [Fact]
    public void Threads_are_no_part_of_what_a_sweep_is()
    {
        var one = Manifest(Lab.Config() with { Threads = 1 });
        var two = Manifest(Lab.Config() with { Threads = 2 });

        Assert.NotEqual(one.ToJson(), two.ToJson());                             // each machine records what it used
        Assert.Equal(one.Identity, two.Identity);                               // but they train the same numbers
        Assert.True(one.IsConfigOf(2, two.ConfigOf(2)));
        Assert.False(one.IsConfigOf(2, one.ConfigOf(3)));
        Assert.False(one.IsConfigOf(2, null));
    }

    [Theory]
    [InlineData("[]", "it is not a JSON object")]
    [InlineData("{", "sweep.json is unreadable")]
    [InlineData("{\"Runs\": 2, \"Grid\": [{\"Name\": \"Layers\", \"Values\": [\"1\", \"2\"]}], \"Corpus\": {\"TrainCharacters\": 5, \"ValidationCharacters\": 2, \"Sha256\": \"00\"}}", "it has no \"Config\"")]
    [InlineData("{\"Runs\": 3, \"Grid\": [{\"Name\": \"Layers\", \"Values\": [\"1\", \"2\"]}], \"Corpus\": {\"TrainCharacters\": 5, \"ValidationCharacters\": 2, \"Sha256\": \"00\"}, \"Config\": {}}", "it says 3 runs but its grid has 2")]
    public void A_damaged_manifest_is_an_error_that_says_what_is_wrong(string json, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => SweepManifest.Parse(json));
        Assert.Contains("sweep.json is unreadable", e.Message);
        Assert.Contains(message, e.Message);
    }
}

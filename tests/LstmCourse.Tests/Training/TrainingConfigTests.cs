using LstmCourse.Training;

namespace LstmCourse.Tests.Training;

public sealed class TrainingConfigTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("lstm-config-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>One out-of-range value per knob, set through <see cref="TrainingConfig.With"/> as the command line would.</summary>
    public static readonly TheoryData<string, string> BadValues = new()
    {
        { "HiddenSize", "0" }, { "Layers", "17" }, { "ForgetBias", "NaN" },
        { "SequenceLength", "0" }, { "BatchSize", "-3" }, { "ValidationFraction", "0.75" },
        { "LearningRate", "0" }, { "Momentum", "1" }, { "Beta1", "1" }, { "Beta2", "-0.1" }, { "Alpha", "1.5" }, { "Epsilon", "0" },
        { "WeightDecay", "0.01" },                                   // with the Default's Adam: only AdamW decays
        { "WarmupSteps", "-1" }, { "DecayEvery", "0" }, { "DecayFactor", "0" }, { "MinLearningRate", "0.5" },
        { "ClipNorm", "-1" }, { "ClipValue", "Infinity" },
        { "L1", "-0.001" }, { "L2", "2" }, { "Dropout", "1" },
        { "MaxSteps", "0" }, { "TimeBudget", "-5s" }, { "EvaluateEvery", "0" }, { "ValidationBatches", "-1" }, { "LogEvery", "0" },
        { "Threads", "-1" }, { "Patience", "-2" }, { "MinDelta", "-0.5" }, { "DivergenceFactor", "1" }, { "CheckpointEvery", "-1" },
    };

    /// <summary>Knobs whose bad values cannot be typed: undefined enums, a blank path, Nesterov without momentum.</summary>
    private static readonly Dictionary<string, TrainingConfig> BadByWith = new()
    {
        ["Optimizer"] = TrainingConfig.Default with { Optimizer = (OptimizerKind)99 },
        ["Schedule"] = TrainingConfig.Default with { Schedule = (ScheduleKind)7 },
        ["Engine"] = TrainingConfig.Default with { Engine = (TrainingEngine)5 },
        ["CheckpointPath"] = TrainingConfig.Default with { CheckpointPath = "  " },
        ["WindowsStartAfter"] = TrainingConfig.Default with { WindowsStartAfter = "" },   // With reads "" as null
        ["Nesterov"] = TrainingConfig.Default with { Optimizer = OptimizerKind.Momentum, Nesterov = true, Momentum = 0 },
    };

    /// <summary>Any value is valid.</summary>
    private static readonly string[] AlwaysValid = ["Seed"];

    [Fact]
    public void Both_presets_are_valid()
    {
        TrainingConfig.Default.Validate();
        TrainingConfig.Tiny.Validate();
        Assert.Equal(TrainingConfig.Default, new TrainingConfig());
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Every_out_of_range_value_is_rejected_naming_the_field_the_value_and_the_range(string name, string value)
    {
        var config = TrainingConfig.Default.With(name, value);
        var e = Assert.Throws<ArgumentException>(() => config.Validate());
        Assert.Equal(name, e.ParamName);
        Assert.Contains($"TrainingConfig.{name} is ", e.Message);
        Assert.Contains("must be", e.Message);
    }

    [Fact]
    public void Out_of_range_enums_paths_and_combinations_are_rejected_by_name()
    {
        foreach (var (name, config) in BadByWith)
        {
            var e = Assert.Throws<ArgumentException>(() => config.Validate());
            Assert.Contains(name == "Nesterov" ? "Momentum" : name, e.ParamName);
            Assert.Contains(name, e.Message);
        }
    }

    [Fact]
    public void A_document_separator_typed_with_backslash_n_means_a_newline()
    {
        Assert.Equal("$$\n", TrainingConfig.Default.With("windowsstartafter", "$$\\n").WindowsStartAfter);
        Assert.Null(TrainingConfig.Default.With("WindowsStartAfter", "null").WindowsStartAfter);
        Assert.Equal(@"runs\new.ckpt", TrainingConfig.Default.With("CheckpointPath", @"runs\new.ckpt").CheckpointPath);   // paths stay as typed
    }

    [Fact]
    public void Every_knob_has_a_rejection_test()
    {
        var covered = BadValues.Select(row => (string)row[0]).Concat(BadByWith.Keys).Concat(AlwaysValid).ToHashSet();
        Assert.DoesNotContain(TrainingConfig.KnobNames, n => !covered.Contains(n));
    }

    [Fact]
    public void The_message_states_the_value_and_the_valid_range()
    {
        var e = Assert.Throws<ArgumentException>(() => (TrainingConfig.Default with { Dropout = 1.5 }).Validate());
        Assert.Equal("TrainingConfig.Dropout is 1.5; it must be [0, 0.9], typically 0..0.5 (above 0.9 almost nothing passes, and the kept units are scaled by 1/(1 − p)). (Parameter 'Dropout')", e.Message);
        var w = Assert.Throws<ArgumentException>(() => (TrainingConfig.Default with { WeightDecay = 0.01 }).Validate());
        Assert.Contains("set Optimizer to AdamW, or use L2", w.Message);
    }

    [Fact]
    public void JSON_round_trips_every_knob_with_enums_as_names()
    {
        var config = TrainingConfig.Tiny with
        {
            Optimizer = OptimizerKind.AdamW, WeightDecay = 0.05, Schedule = ScheduleKind.Cosine, TimeBudget = TimeSpan.FromSeconds(90),
            CheckpointPath = "runs/x.ckpt", Nesterov = true, Dropout = 0.25, Seed = -7, MinDelta = 1e-3,
        };
        string json = config.ToJson();
        Assert.Contains("\"Optimizer\": \"AdamW\"", json);
        Assert.Contains("\"Schedule\": \"Cosine\"", json);
        Assert.Equal(config, TrainingConfig.FromJson(json));
        Assert.Equal(TrainingConfig.KnobNames.Count, System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateObject().Count());
    }

    [Fact]
    public void Fields_left_out_of_the_JSON_keep_their_defaults()
    {
        Assert.Equal(TrainingConfig.Default with { HiddenSize = 64 }, TrainingConfig.FromJson("{ \"HiddenSize\": 64 }"));
    }

    [Fact]
    public void An_unknown_JSON_field_is_named_and_the_known_ones_listed()
    {
        var e = Assert.Throws<ArgumentException>(() => TrainingConfig.FromJson("{ \"HiddenSize\": 64, \"Hiden\": 3 }"));
        Assert.Contains("unknown field \"Hiden\"", e.Message);
        Assert.Contains("HiddenSize, Layers, ForgetBias", e.Message);
        Assert.Contains("CheckpointEvery", e.Message);
    }

    [Fact]
    public void A_JSON_value_of_the_wrong_kind_names_the_field()
    {
        var e = Assert.Throws<ArgumentException>(() => TrainingConfig.FromJson("{ \"Optimizer\": \"Adamm\" }"));
        Assert.Contains("Optimizer", e.Message);
    }

    [Fact]
    public void Save_and_Load_round_trip_through_a_file_and_errors_name_the_file()
    {
        string path = Path.Combine(folder, "config.json");
        var config = TrainingConfig.Tiny with { LearningRate = 0.003 };
        config.Save(path);
        Assert.Equal(config, TrainingConfig.Load(path));
        File.WriteAllText(path, "{ \"Nope\": 1 }");
        var e = Assert.Throws<InvalidDataException>(() => TrainingConfig.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("Nope", e.Message);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public void With_matches_names_case_insensitively_and_parses_each_kind()
    {
        var config = TrainingConfig.Default
            .With("learningrate", "2e-4").With("LAYERS", " 3 ").With("optimizer", "adamw").With("nesterov", "yes")
            .With("TimeBudget", "1.5m").With("CheckpointPath", "runs/a.ckpt");
        Assert.Equal(TrainingConfig.Default with
        {
            LearningRate = 2e-4, Layers = 3, Optimizer = OptimizerKind.AdamW, Nesterov = true,
            TimeBudget = TimeSpan.FromSeconds(90), CheckpointPath = "runs/a.ckpt",
        }, config);
        Assert.Equal(TimeSpan.FromMinutes(5), TrainingConfig.Default.With("TimeBudget", "00:05:00").TimeBudget);
        Assert.Equal(TimeSpan.FromMilliseconds(500), TrainingConfig.Default.With("TimeBudget", "500ms").TimeBudget);
        Assert.Null(config.With("TimeBudget", "null").TimeBudget);
        Assert.Null(config.With("CheckpointPath", "none").CheckpointPath);
        Assert.Equal(1e-3, TrainingConfig.Default.WithOverrides(["LearningRate=0.001"]).LearningRate);
    }

    [Fact]
    public void With_names_an_unknown_field_and_lists_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => TrainingConfig.Default.With("hidden", "64"));
        Assert.Contains("unknown config field \"hidden\"", e.Message);
        Assert.Contains("HiddenSize", e.Message);
    }

    [Theory]
    [InlineData("HiddenSize", "12.5", "a whole number")]
    [InlineData("LearningRate", "0,01", "a number such as 0.002")]
    [InlineData("Nesterov", "maybe", "true or false")]
    [InlineData("Optimizer", "Adamax", "one of Sgd, Momentum, Adagrad, RmsProp, Adam, AdamW")]
    [InlineData("TimeBudget", "soon", "a time such as 90s")]
    public void With_explains_a_value_it_cannot_parse(string name, string value, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => TrainingConfig.Default.With(name, value));
        Assert.Contains($"{name} cannot be set to \"{value}\"", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void An_override_without_an_equals_sign_is_explained()
    {
        var e = Assert.Throws<ArgumentException>(() => TrainingConfig.Default.WithOverrides(["LearningRate"]));
        Assert.Contains("name=value", e.Message);
    }

    /// <summary>Values that the old checks let through and that failed later, at the first step or in float.</summary>
    [Theory]
    [InlineData("LearningRate", "1e308", "[1e-12, 1000]")]                    // (float)1e308 is ∞: the optimizer refused it at step 1
    [InlineData("LearningRate", "1e-300", "nothing moves in float")]
    [InlineData("Beta2", "0.99999999", "round to 1")]                          // (float)0.99999999 is 1: Adam's 1 − β₂^t = 0
    [InlineData("Momentum", "0.999999999", "round to 1")]
    [InlineData("Epsilon", "1e-300", "rounds to 0 in float")]
    [InlineData("Dropout", "0.99", "almost nothing passes")]
    [InlineData("ClipNorm", "1e300", "never clips")]
    [InlineData("MinDelta", "1e300", "up to 100")]
    [InlineData("DivergenceFactor", "1e300", "up to 1e6")]
    [InlineData("TimeBudget", "3000000h", "up to 30 days")]
    public void A_value_in_the_old_range_that_fails_later_is_rejected_up_front_with_the_reason(string name, string value, string reason)
    {
        var e = Assert.Throws<ArgumentException>(() => TrainingConfig.Tiny.With(name, value).Validate());
        Assert.Equal(name, e.ParamName);
        Assert.Contains($"TrainingConfig.{name} is ", e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Theory]
    [InlineData(4096, 4, 32, 64, "HiddenSize", "GB for the weights")]              // 4 x 4096² weights: 4.3 GB with gradients and moments
    [InlineData(1024, 2, 4096, 100_000, "SequenceLength", "lower SequenceLength or BatchSize")]   // BPTT activations of 800 GB
    public void A_model_or_batch_too_big_for_memory_is_rejected_before_anything_is_allocated(int hidden, int layers, int batch, int steps, string name, string reason)
    {
        var config = TrainingConfig.Tiny with { HiddenSize = hidden, Layers = layers, BatchSize = batch, SequenceLength = steps };
        var e = Assert.Throws<ArgumentException>(() => config.Validate());
        Assert.Equal(name, e.ParamName);
        Assert.Contains(reason, e.Message);
    }

    [Theory]
    [InlineData("1e300s")]
    [InlineData("1e20h")]
    [InlineData("99999999999:00:00")]
    public void A_time_beyond_what_a_TimeSpan_holds_is_a_parse_error_not_an_overflow(string value)
    {
        var e = Assert.Throws<ArgumentException>(() => TrainingConfig.Tiny.With("TimeBudget", value));
        Assert.Contains("a time such as 90s", e.Message);
    }

    [Fact]
    public void Every_committed_config_and_the_shipped_models_pass_validation()
    {
        string root = LstmCourse.Tests.Weather.RepositoryFiles.Root;
        var files = Directory.GetFiles(Path.Combine(root, "configs"), "*.json").Concat(Directory.GetFiles(Path.Combine(root, "models", "weather"), "config*.json")).ToList();
        Assert.True(files.Count >= 10, $"{files.Count} configs");
        foreach (string file in files) TrainingConfig.Load(file).Validate();
    }
}

using LstmCourse.Experiments.Runs;
using LstmCourse.Training;

namespace LstmCourse.Experiments.Tests.Runs;

public class KnobValuesTests
{
    [Fact]
    public void Knobs_read_as_config_json_writes_them_so_spellings_of_one_value_agree()
    {
        var spelled = TrainingConfig.Tiny.WithOverrides(["LearningRate=3e-3", "TimeBudget=90s", "Optimizer=rmsprop"]);
        var plain = TrainingConfig.Tiny.WithOverrides(["LearningRate=0.003", "TimeBudget=00:01:30", "Optimizer=RmsProp"]);

        var values = KnobValues.Of(spelled);

        Assert.Equal(values, KnobValues.Of(plain));
        Assert.Equal("0.003", values["LearningRate"]);
        Assert.Equal("00:01:30", values["TimeBudget"]);
        Assert.Equal("RmsProp", values["Optimizer"]);
        Assert.Equal("null", values["CheckpointPath"]);
        Assert.Equal(TrainingConfig.KnobNames.Order(StringComparer.Ordinal), values.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Values_are_ordered_as_numbers_when_all_are_numbers_and_as_met_otherwise()
    {
        Assert.Equal(["2", "8", "16", "128"], KnobValues.Ordered(["16", "2", "128", "8", "16"]));
        Assert.Equal(["0.0001", "0.003", "0.01"], KnobValues.Ordered(["0.01", "0.0001", "0.003"]));
        Assert.Equal(["Sgd", "Adam", "AdamW"], KnobValues.Ordered(["Sgd", "Adam", "Sgd", "AdamW"]));
    }
}

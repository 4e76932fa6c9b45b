using LstmCourse.Fitting;
using LstmCourse.Numerics;
using LstmCourse.Parameters;

namespace LstmCourse.Tests.Fitting;

public class AccuracyTests
{
    [Fact]
    public void ArgMax_takes_the_first_of_equal_maxima()
    {
        Assert.Equal(1, Accuracy.ArgMax([0.0, 3.0, 3.0, -1.0]));
        Assert.Equal(0, Accuracy.ArgMax([5.0]));
    }

    [Fact]
    public void Per_step_counts_steps_and_per_sequence_counts_whole_sequences()
    {
        // the fake model gets a step right when x_t[0] > 0
        var model = new SignModel();
        var data = new[]
        {
            Example.Classify([[1.0], [1.0], [-1.0]], [0, 0, 0]),   // 2 of 3 steps right
            Example.Classify([[1.0], [1.0], [1.0]], [0, -1, 0]),   // 2 of 2 right
        };
        Assert.Equal(4.0 / 5, Accuracy.PerStep(model, data), 1e-15);
        Assert.Equal(0.5, Accuracy.PerSequence(model, data), 1e-15);
    }

    [Fact]
    public void Regression_examples_have_no_accuracy()
    {
        var data = new[] { Example.Regress([[1.0]], [[1.0]]) };
        Assert.Throws<ArgumentException>(() => Accuracy.PerStep(new SignModel(), data));
    }

    private sealed class SignModel : IFittable
    {
        public ParameterSet Parameters { get; } = new([new Parameter("w", new Matrix(1, 1))]);

        public ExampleOutcome Evaluate(Example example, bool backward)
        {
            int correct = 0, counted = 0;
            for (int t = 0; t < example.Steps; t++)
            {
                if (example.Labels![t] < 0) continue;
                counted++;
                if (example.Xs[t][0] > 0) correct++;
            }
            return new ExampleOutcome(0, correct, counted);
        }
    }
}

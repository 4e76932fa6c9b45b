using LstmCourse.Parameters;

namespace LstmCourse.Fitting;

/// <summary>A model the fitting loop can train: its parameters, and for one example the loss with, on request, its gradient.</summary>
public interface IFittable
{
    ParameterSet Parameters { get; }

    /// <summary>The example's loss (mean over its steps that have a target) and how many of its classified steps
    /// were right. With <paramref name="backward"/> it also adds dL/dθ of that loss to every parameter's <c>Grad</c>.</summary>
    ExampleOutcome Evaluate(Example example, bool backward);
}

/// <summary>Loss of one example, and its correct / counted classification steps (both 0 for regression).</summary>
public readonly record struct ExampleOutcome(double Loss, int Correct, int Counted);

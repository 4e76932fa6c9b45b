using LstmCourse.Parameters;

namespace LstmCourse.Fitting;

/// <summary>Moves every parameter against its gradient: θ ← θ − (a step computed from Grad).</summary>
public interface IOptimizer
{
    double LearningRate { get; }

    /// <summary>Updates every parameter's <c>Value</c> from its <c>Grad</c> (the gradients are left as they are).</summary>
    void Step(ParameterSet parameters);
}

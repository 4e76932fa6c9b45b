namespace LstmCourse.Training;

/// <summary>The loss or gradient norm became NaN or infinite, or the loss rose above DivergenceFactor x the first loss.
/// The message says what happened at which step and which knob to change.</summary>
public sealed class TrainingDivergedException : Exception
{
    public TrainingDivergedException(string message, long step, double loss, double gradientNorm) : base(message)
    {
        Step = step;
        Loss = loss;
        GradientNorm = gradientNorm;
    }

    /// <summary>The step (1-based) whose update was refused.</summary>
    public long Step { get; }
    public double Loss { get; }
    public double GradientNorm { get; }
}

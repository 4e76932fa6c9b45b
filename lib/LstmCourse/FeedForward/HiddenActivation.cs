namespace LstmCourse.FeedForward;

/// <summary>The function between a hidden node's input a and its output h = φ(a).</summary>
public enum HiddenActivation
{
    /// <summary>h = a: no nonlinearity, so the whole network stays a linear model.</summary>
    Identity,
    /// <summary>h = σ(a) = 1 / (1 + e^(−a)), the slides' choice.</summary>
    Sigmoid,
    /// <summary>h = tanh(a).</summary>
    Tanh,
    /// <summary>h = max(0, a).</summary>
    Relu,
}

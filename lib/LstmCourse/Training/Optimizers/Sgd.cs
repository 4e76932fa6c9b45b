using LstmCourse.Fast;

namespace LstmCourse.Training.Optimizers;

/// <summary>θ ← θ − η dθ: plain stochastic gradient descent.</summary>
/// <remarks>
/// <code>
/// θ ← θ − η · dθ
/// </code>
/// No state. PyTorch: <c>torch.optim.SGD(params, lr)</c>. Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public sealed class Sgd : OptimizerBase
{
    public override string Name => "Sgd";

    protected override void Update(FloatParameter p, float lr, long t)
    {
        float[] theta = p.Value, d = p.Grad;
        for (int i = 0; i < theta.Length; i++) theta[i] -= lr * d[i];
    }
}

using LstmCourse.Fast;

namespace LstmCourse.Training.Optimizers;

/// <summary>Adam with decoupled weight decay: θ ← θ (1 − η λ), then the Adam step.</summary>
/// <remarks>
/// <code>
/// θ ← θ · (1 − η · λ)                 the decay, not part of dθ, so m and v never see it
/// then Adam:  m ← β₁ m + (1 − β₁) dθ,  v ← β₂ v + (1 − β₂) dθ²,  θ ← θ − η m̂ / (√v̂ + ε)
/// </code>
/// Decays every parameter it is given, biases included (PyTorch with one parameter group):
/// <c>torch.optim.AdamW(params, lr, betas=(β₁, β₂), eps=ε, weight_decay=λ)</c>. L2 inside Adam is different:
/// its λθ is divided by √v̂ like any gradient. Taught in notebooks/08-weather-forecasts.ipynb.
/// </remarks>
public sealed class AdamW : Adam
{
    public AdamW(float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0.01f) : base(beta1, beta2, epsilon) =>
        WeightDecay = InRange(nameof(weightDecay), weightDecay, 0, 1.0000001f, "[0, 1]");

    /// <summary>λ.</summary>
    public float WeightDecay { get; }

    public override string Name => "AdamW";

    protected override void Update(FloatParameter p, float lr, long t)
    {
        float keep = 1 - lr * WeightDecay;                                  // 1 − ηλ
        float[] theta = p.Value;
        for (int i = 0; i < theta.Length; i++) theta[i] *= keep;
        base.Update(p, lr, t);
    }
}

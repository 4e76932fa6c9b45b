using LstmCourse.Torch.Tests.Support;
using LstmCourse.Training;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace LstmCourse.Torch.Tests.Conversion;

/// <summary>The shipped weather model (models/weather, 2 x 256) loaded into TorchSharp predicts the same next character as
/// CharLstm.Step — what the Sampler feeds on — at every position of the validation text.</summary>
public class WeatherModelAgainstTorchTests(ITestOutputHelper output)
{
    /// <summary>max |p_ours − p_torch| over every character of the vocabulary at every position. Both sides compute in float32,
    /// in different orders; over the first 40,000 characters the worst seen is 3.4e-5 (one position; 6e-6 elsewhere).</summary>
    private const double Bound = 1e-4;

    [Fact]
    public void Next_character_probabilities_match_CharLstm_Step_over_the_validation_text()
    {
        var checkpoint = Checkpoint.Load(Repository.PathOf("models", "weather", "checkpoint-val0.190.ckpt"));
        var model = checkpoint.CreateModel();
        string text = File.ReadAllText(Repository.PathOf("datasets", "weather", "valid.txt")).Replace("\r\n", "\n");
        text = text[..Math.Min(text.Length, 40_000)];                          // about 40 products, 15 s on one core
        int[] tokens = checkpoint.Vocabulary.Encode(text);
        int V = model.VocabSize, T = tokens.Length;

        var ours = new float[T * V];                                           // softmax of Step's logits at every position
        var state = model.NewInferenceState();
        var z = new float[V];
        for (int t = 0; t < T; t++)
        {
            model.Step(tokens[t], state, z);
            Softmax(z, ours.AsSpan(t * V, V));
        }

        using var module = TorchConversion.ToTorch(model);
        double worst = 0;
        int worstAt = -1, agreeArgmax = 0;
        (Tensor H, Tensor C)? carried = null;
        using (torch.no_grad())
            for (int start = 0; start < T; start += 4000)                      // chunks of the one stream, state carried
            {
                using var scope = torch.NewDisposeScope();
                int len = Math.Min(4000, T - start);
                var x = module.OneHot(torch.tensor(tokens[start..(start + len)].Select(v => (long)v).ToArray(), [1, len]));
                var (logits, next) = module.call(x, carried);
                carried = (next.H.MoveToOuterDisposeScope(), next.C.MoveToOuterDisposeScope());
                var p = TorchConversion.ToDoubles(logits.softmax(-1));         // (1 x len x V)
                for (int k = 0; k < len * V; k++)
                {
                    double d = Math.Abs(p[k] - ours[start * V + k]);
                    if (d > worst) { worst = d; worstAt = start + k / V; }
                }
                for (int t = 0; t < len; t++)
                    if (ArgMax(p.AsSpan(t * V, V)) == ArgMax(ours.AsSpan((start + t) * V, V))) agreeArgmax++;
            }
        output.WriteLine($"{T} positions x {V} characters: max |p_ours − p_torch| = {worst:e2} at position {worstAt}; most likely character agrees at {agreeArgmax}/{T}");
        Assert.True(worst < Bound, $"max probability difference {worst:e2} at position {worstAt} is not below {Bound:g}");
        Assert.True(agreeArgmax >= T - T / 1000, $"the most likely next character differs at {T - agreeArgmax} of {T} positions");
    }

    private static void Softmax(ReadOnlySpan<float> z, Span<float> p)
    {
        float max = float.NegativeInfinity;
        foreach (float v in z) max = Math.Max(max, v);
        double sum = 0;
        for (int k = 0; k < z.Length; k++) sum += Math.Exp(z[k] - max);
        for (int k = 0; k < z.Length; k++) p[k] = (float)(Math.Exp(z[k] - max) / sum);
    }

    private static int ArgMax<T>(ReadOnlySpan<T> v) where T : IComparable<T>
    {
        int best = 0;
        for (int k = 1; k < v.Length; k++) if (v[k].CompareTo(v[best]) > 0) best = k;
        return best;
    }
}

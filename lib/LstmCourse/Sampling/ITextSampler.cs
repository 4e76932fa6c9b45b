using LstmCourse.Numerics;

namespace LstmCourse.Sampling;

/// <summary>A language model that continues a text: the LSTM's <see cref="Sampler"/>, or the n-gram baseline
/// (<see cref="Baselines.CharNGram"/>), so one piece of code can sample and score either.</summary>
public interface ITextSampler
{
    /// <summary>The continuation of <paramref name="prime"/> up to and including the first <paramref name="stop"/> the model
    /// writes, or <paramref name="maxLength"/> characters if it writes none. The prime is not repeated.</summary>
    string SampleUntil(string stop, int maxLength, Rng? rng, string prime = "", SamplingOptions? options = null);
}

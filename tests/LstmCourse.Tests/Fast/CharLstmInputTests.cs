using LstmCourse.Fast;
using LstmCourse.Numerics;

namespace LstmCourse.Tests.Fast;

/// <summary>Bad input fails at once with an ArgumentException that says what is wrong and how to fix it.</summary>
public class CharLstmInputTests
{
    private readonly CharLstm model = new(5, 4, 2, seed: 1);
    private readonly int[] tokens = [0, 1, 2, 3, 4, 0];        // N = 2 streams of T = 3

    private static void Throws(string fragment, Action act)
    {
        var e = Assert.ThrowsAny<ArgumentException>(act);
        Assert.Contains(fragment, e.Message);
    }

    [Fact]
    public void Tokens_outside_the_vocabulary_are_rejected()
    {
        Throws("outside the vocabulary 0..4", () => model.ForwardBackward([0, 1, 5, 3, 4, 0], tokens, 2, 3, model.NewState(2)));
        Throws("outside the vocabulary 0..4", () => model.ForwardBackward(tokens, [0, 1, 2, -1, 4, 0], 2, 3, model.NewState(2)));
        Throws("outside the vocabulary 0..4", () => model.Loss([0, 1, 2, 3, 9, 0], tokens, 2, 3, model.NewState(2)));
        Throws("outside the vocabulary 0..4", () => model.Step(7, model.NewInferenceState(), new float[5]));
    }

    [Fact]
    public void Lengths_that_are_not_N_times_T_are_rejected()
    {
        Throws("N x T = 2 x 3 = 6", () => model.ForwardBackward([0, 1, 2, 3, 4], tokens, 2, 3, model.NewState(2)));
        Throws("targets has 7 tokens", () => model.ForwardBackward(tokens, [0, 1, 2, 3, 4, 0, 1], 2, 3, model.NewState(2)));
        Throws("logits has length 4, expected 5", () => model.Step(1, model.NewInferenceState(), new float[4]));
        Throws("T must be a positive size", () => model.ForwardBackward([], [], 2, 0, model.NewState(2)));
    }

    [Fact]
    public void A_state_for_another_batch_size_or_model_is_rejected()
    {
        Throws("state holds 3 streams but the batch has N = 2", () => model.ForwardBackward(tokens, tokens, 2, 3, model.NewState(3)));
        var other = new CharLstm(5, 6, 1);
        Throws("this model has 2 of 4", () => model.ForwardBackward(tokens, tokens, 2, 3, other.NewState(2)));
        Throws("this model has 2 of 4", () => model.Step(0, other.NewInferenceState(), new float[5]));
    }

    [Theory]
    [InlineData(-0.1f)]
    [InlineData(1f)]
    [InlineData(float.NaN)]
    public void Dropout_outside_zero_to_one_is_rejected(float p)
    {
        Throws("dropout must be in [0, 1)", () => model.ForwardBackward(tokens, tokens, 2, 3, model.NewState(2), p, new Rng(1)));
    }

    [Fact]
    public void Dropout_without_an_rng_is_rejected()
    {
        Throws("needs an rng", () => model.ForwardBackward(tokens, tokens, 2, 3, model.NewState(2), 0.5f));
    }

    [Fact]
    public void Thread_counts_outside_one_to_the_core_count_are_rejected()
    {
        Throws("Threads must be between 1", () => model.Threads = 0);
        Throws("Threads must be between 1", () => model.Threads = Environment.ProcessorCount + 1);
    }

    [Fact]
    public void Import_rejects_unknown_names_wrong_shapes_missing_and_non_finite_values()
    {
        var good = model.Export();
        Throws("Unknown parameter 'layer9.Wx'", () => model.Import([.. good, new("layer9.Wx", 1, 1, [0])]));
        Throws("is 16x4 but the import gives 4x16", () => model.Import(good.Select(t => t.Name == "layer0.Wh" ? t with { Rows = 4, Cols = 16 } : t)));
        Throws("lacks parameters: by", () => model.Import(good.Where(t => t.Name != "by")));
        Throws("not a finite float", () => model.Import(good.Select(t => t.Name == "Wy" ? t with { Data = t.Data.Select(_ => 1e39).ToArray() } : t)));
        Throws("appears twice", () => model.Import([.. good, good[0]]));
    }

    [Fact]
    public void Export_then_import_round_trips_every_weight()
    {
        var copy = new CharLstm(5, 4, 2, seed: 77);
        copy.Import(model.Export());
        for (int p = 0; p < model.Parameters.Count; p++) Assert.Equal(model.Parameters[p].Value, copy.Parameters[p].Value);
    }
}

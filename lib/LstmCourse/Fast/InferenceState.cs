namespace LstmCourse.Fast;

/// <summary>The h and c of every layer for one stream, advanced one character at a time by <see cref="CharLstm.Step"/>.</summary>
public sealed class InferenceState
{
    private readonly BatchState state;

    internal InferenceState(int layers, int hiddenSize) => state = new BatchState(layers, 1, hiddenSize);

    private InferenceState(BatchState state) => this.state = state;

    public int Layers => state.Layers;
    public int HiddenSize => state.HiddenSize;

    /// <summary>Layer <paramref name="layer"/>'s hidden state h (H entries, live).</summary>
    public float[] H(int layer) => state.H(layer);

    /// <summary>Layer <paramref name="layer"/>'s cell state c (H entries, live).</summary>
    public float[] C(int layer) => state.C(layer);

    /// <summary>h = c = 0 in every layer.</summary>
    public void Reset() => state.Reset();

    /// <summary>A deep copy, to branch a sample.</summary>
    public InferenceState Copy() => new(state.Copy());
}

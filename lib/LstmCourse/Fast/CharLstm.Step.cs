using LstmCourse.Numerics;
using static LstmCourse.Kernels.Kernels;

namespace LstmCourse.Fast;

public sealed unsafe partial class CharLstm
{
    private float[] stepZRec = [], stepZIn = [], stepGates = [], stepTanhC = [], stepC = [];

    /// <summary>Feeds one character to a single stream: advances <paramref name="state"/> one step and writes the V
    /// logits y = Wy h + by (no softmax, no caches, no dropout).</summary>
    public void Step(int token, InferenceState state, Span<float> logits)
    {
        int V = VocabSize, H = HiddenSize, G = 4 * H;
        ArgumentNullException.ThrowIfNull(state);
        if ((uint)token >= (uint)V)
            throw new ArgumentException($"token {token} is outside the vocabulary 0..{V - 1}.", nameof(token));
        if (state.Layers != Layers || state.HiddenSize != H)
            throw new ArgumentException($"state is for {state.Layers} layers of {state.HiddenSize} units but this model has {Layers} of {H}; make it with NewInferenceState().", nameof(state));
        Check.Length(nameof(logits), logits.Length, V);
        if (stepZRec.Length != G)
        {
            stepZRec = PinnedFloats(G); stepZIn = PinnedFloats(G); stepGates = PinnedFloats(G);
            stepTanhC = PinnedFloats(H); stepC = PinnedFloats(H);
        }
        float* zRec = Ptr(stepZRec), zIn = Ptr(stepZIn), c = Ptr(stepC);
        for (int l = 0; l < Layers; l++)
        {
            var layer = layers[l];
            float* Wx = Ptr(layer.Wx.Value);
            if (l == 0)
                for (int j = 0; j < G; j++) zIn[j] = Wx[j * V + token];       // Wx onehot(x) = column x of Wx
            else
                Gemv(G, H, Wx, Ptr(state.H(l - 1)), zIn, Path);               // Wx h_below
            float* h = Ptr(state.H(l)), cState = Ptr(state.C(l));
            Gemv(G, H, Ptr(layer.Wh.Value), h, zRec, Path);                  // Wh h_{t−1}
            LstmForward(H, zRec, zIn, Ptr(layer.b.Value), cState, Ptr(stepGates), c, Ptr(stepTanhC), h, Path);
            new Span<float>(c, H).CopyTo(new Span<float>(cState, H));
        }
        fixed (float* y = logits)
        {
            Gemv(V, H, Ptr(Wy.Value), Ptr(state.H(Layers - 1)), y, Path);     // Wy h
            for (int k = 0; k < V; k++) y[k] += by.Value[k];                  // + by
        }
    }
}

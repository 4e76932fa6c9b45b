using static LstmCourse.Kernels.Kernels;

namespace LstmCourse.Fast;

/// <summary>The h and c of every layer for N parallel streams, carried from one training batch to the next.</summary>
/// <remarks><c>H(l)</c> and <c>C(l)</c> are the live N x H arrays (stream n at n * H); the engine reads them at the
/// start of a batch and writes the final state back at its end. Gradients never flow through them (truncated BPTT).</remarks>
public sealed class BatchState
{
    private readonly float[][] h, c;

    internal BatchState(int layers, int batchSize, int hiddenSize)
    {
        Layers = layers;
        BatchSize = batchSize;
        HiddenSize = hiddenSize;
        h = new float[layers][];
        c = new float[layers][];
        for (int l = 0; l < layers; l++)
        {
            h[l] = PinnedFloats(batchSize * hiddenSize);   // pinned: kernels read it by address
            c[l] = PinnedFloats(batchSize * hiddenSize);
        }
    }

    public int BatchSize { get; }
    public int Layers { get; }
    public int HiddenSize { get; }

    /// <summary>Layer <paramref name="layer"/>'s hidden state h (N x H, row-major).</summary>
    public float[] H(int layer) => h[CheckLayer(layer)];

    /// <summary>Layer <paramref name="layer"/>'s cell state c (N x H, row-major).</summary>
    public float[] C(int layer) => c[CheckLayer(layer)];

    /// <summary>h = c = 0 in every layer: the start of new, unrelated streams.</summary>
    public void Reset()
    {
        for (int l = 0; l < Layers; l++)
        {
            Array.Clear(h[l]);
            Array.Clear(c[l]);
        }
    }

    /// <summary>A deep copy.</summary>
    public BatchState Copy()
    {
        var copy = new BatchState(Layers, BatchSize, HiddenSize);
        for (int l = 0; l < Layers; l++)
        {
            h[l].CopyTo(copy.h[l], 0);
            c[l].CopyTo(copy.c[l], 0);
        }
        return copy;
    }

    private int CheckLayer(int layer) =>
        (uint)layer < (uint)Layers
            ? layer
            : throw new ArgumentException($"layer {layer} does not exist; this state has layers 0..{Layers - 1}.", nameof(layer));
}

using LstmCourse.Fast;
using LstmCourse.Models;
using LstmCourse.Numerics;
using LstmCourse.Parameters;
using LstmCourse.Text;
using LstmCourse.Training;
using LstmCourse.Training.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace LstmCourse.Torch;

/// <summary>Our models as a PyTorch <c>state_dict</c> file — what <c>torch.save(model.state_dict(), path)</c> writes and
/// <c>torch.load(path)</c> reads — and back.</summary>
/// <remarks>
/// <code>
/// keys (TorchNames):  lstm.weight_ih_l{l}, lstm.weight_hh_l{l}, lstm.bias_ih_l{l}, lstm.bias_hh_l{l}, readout.weight, readout.bias
/// Python:             model = TorchLstm(D, H, V, L); model.load_state_dict(torch.load(path))     (check_state_dict.py has the class)
/// </code>
/// A CharLstm or checkpoint is written in float32, a SequenceModel in float64; bias_hh is written as zeros (TorchNames says
/// why). The file holds weights only: the vocabulary, config and optimizer state stay in our checkpoint. Files are written
/// to a temporary name and renamed, so a failed save leaves the old file. The format is <see cref="StateDictFile"/>'s.
/// Taught in notebooks/09-from-scratch-to-torchsharp.ipynb.
/// </remarks>
public static class PyTorchStateDict
{
    /// <summary>Writes a CharLstm's weights (float32).</summary>
    public static void Save(CharLstm model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        Write(path, TorchNames.ToTorch(model.Export(), model.Layers).Select(e => (e.Key, new StateTensor(false, e.Shape, e.Data))));
    }

    /// <summary>Writes a checkpoint's model weights (float32).</summary>
    public static void Save(Checkpoint checkpoint, string path)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        Save(checkpoint.CreateModel(), path);
    }

    /// <summary>Writes a reference model's weights (float64).</summary>
    public static void Save(SequenceModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var module = TorchConversion.ToTorch(model);                 // checks that every layer is an LSTM
        Save(module, path);
    }

    /// <summary>Writes a module's state_dict in its dtype.</summary>
    public static void Save(TorchLstm module, string path)
    {
        ArgumentNullException.ThrowIfNull(module);
        Write(path, module.state_dict().Select(kv => (kv.Key, new StateTensor(module.DType == ScalarType.Float64, kv.Value.shape, TorchConversion.ToDoubles(kv.Value)))));
    }

    /// <summary>Reads a state_dict into a new module of the sizes and dtype (float32 or float64) the file holds.</summary>
    /// <exception cref="InvalidDataException">The file is not a state_dict, or its keys or sizes are not an nn.LSTM + nn.Linear's;
    /// the message names the file, the key and the sizes.</exception>
    public static TorchLstm Load(string path)
    {
        var (float64, D, H, V, L, tensors) = ReadChecked(path);
        var module = new TorchLstm(D, H, V, L, float64 ? ScalarType.Float64 : ScalarType.Float32);
        var parameters = module.named_parameters().ToDictionary(p => p.name, p => p.parameter, StringComparer.Ordinal);
        using var _ = torch.no_grad();
        foreach (var (key, t) in tensors)
        {
            using var value = TorchConversion.FromDoubles(t.Data, t.Shape, module.DType);
            parameters[key].copy_(value);
        }
        return module;
    }

    /// <summary>Reads a state_dict as a CharLstm (its input size must equal its output size V; b = bias_ih + bias_hh).</summary>
    public static CharLstm LoadCharLstm(string path)
    {
        var (_, D, H, V, L, tensors) = ReadChecked(path);
        if (D != V)
            throw new ArgumentException($"'{Path.GetFullPath(path)}' holds a model that reads inputs of size {D} but predicts {V} classes; a CharLstm reads one-hot characters of its own vocabulary (D = V).", nameof(path));
        var model = new CharLstm(V, H, L);
        model.Import(TorchNames.FromTorch(tensors.ToDictionary(e => e.Key, e => e.Tensor.Data), D, H, V, L));
        return model;
    }

    /// <summary>Reads a state_dict as a reference model (in double; b = bias_ih + bias_hh).</summary>
    public static SequenceModel LoadSequenceModel(string path)
    {
        var (_, D, H, V, L, tensors) = ReadChecked(path);
        var model = SequenceModel.Lstm(D, H, V, L);
        model.Parameters.Import(TorchNames.FromTorch(tensors.ToDictionary(e => e.Key, e => e.Tensor.Data), D, H, V, L));
        return model;
    }

    /// <summary>A checkpoint holding a state_dict's weights, for <see cref="LstmCourse.Sampling.Sampler"/> or to start a run from
    /// (<c>checkpoint.CreateModel()</c>); it starts at step 0 with no optimizer state and no carried state, so it cannot be resumed.
    /// <paramref name="config"/> (default <see cref="TrainingConfig.Default"/>) gets the file's HiddenSize and Layers.</summary>
    public static Checkpoint LoadCheckpoint(string path, Vocabulary vocabulary, TrainingConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var model = LoadCharLstm(path);
        if (model.VocabSize != vocabulary.Size)
            throw new InvalidDataException($"'{Path.GetFullPath(path)}' predicts {model.VocabSize} characters but the vocabulary has {vocabulary.Size}; give the vocabulary the model was trained with.");
        config = (config ?? TrainingConfig.Default) with { HiddenSize = model.HiddenSize, Layers = model.Layers };
        return new Checkpoint
        {
            Config = config,
            Vocabulary = vocabulary,
            Weights = model.Parameters.Select(p => new TensorSnapshot(p.Name, p.Rows, p.Cols, (float[])p.Value.Clone())).ToList(),
            Optimizer = new OptimizerState(config.Optimizer.ToString(), 0, []),
            RngState = new Rng(config.Seed).GetState(),
            Position = new TrainingPosition(0, 0, 0, 0, double.NaN, double.PositiveInfinity, -1, 0, 0),
            CarriedState = Checkpoint.ZeroState(config),
            History = [],
        };
    }

    private static void Write(string path, IEnumerable<(string Key, StateTensor Tensor)> tensors)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = File.Create(temp)) StateDictFile.Write(stream, tensors);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>The file's tensors after every check: one float dtype, the keys and shapes of an nn.LSTM + nn.Linear.</summary>
    private static (bool Float64, int D, int H, int V, int L, IReadOnlyList<(string Key, StateTensor Tensor)> Tensors) ReadChecked(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"state_dict file '{full}' does not exist.", full);
        IReadOnlyList<(string Key, StateTensor Tensor)> tensors;
        using (var stream = File.OpenRead(full))
            try { tensors = StateDictFile.Read(stream); }
            catch (InvalidDataException e) { throw new InvalidDataException($"'{full}' is not a PyTorch state_dict file: {e.Message}.", e); }
        var dtypes = tensors.Select(t => t.Tensor.Float64).Distinct().ToList();
        if (dtypes.Count > 1) throw new InvalidDataException($"'{full}' mixes Float32 and Float64 tensors; the course's models are all float32 or all float64.");
        try
        {
            var (D, H, V, L) = TorchNames.Sizes(tensors.ToDictionary(t => t.Key, t => t.Tensor.Shape, StringComparer.Ordinal));
            return (dtypes.SingleOrDefault(), D, H, V, L, tensors);
        }
        catch (ArgumentException e) { throw new InvalidDataException($"'{full}': {e.Message}", e); }
    }
}

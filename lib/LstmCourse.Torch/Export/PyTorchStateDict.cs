using System.Collections;
using LstmCourse.Fast;
using LstmCourse.Models;
using LstmCourse.Numerics;
using LstmCourse.Text;
using LstmCourse.Training;
using LstmCourse.Training.Optimizers;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace LstmCourse.Torch;

/// <summary>Our models as a PyTorch <c>state_dict</c> file — the zip that <c>torch.save(model.state_dict(), path)</c> writes
/// and <c>torch.load(path)</c> reads — and back.</summary>
/// <remarks>
/// <code>
/// keys (TorchNames):  lstm.weight_ih_l{l}, lstm.weight_hh_l{l}, lstm.bias_ih_l{l}, lstm.bias_hh_l{l}, readout.weight, readout.bias
/// Python:             model = TorchLstm(D, H, V, L); model.load_state_dict(torch.load(path))     (check_state_dict.py has the class)
/// </code>
/// A CharLstm or checkpoint is written in float32, a SequenceModel in float64; bias_hh is written as zeros (TorchNames says
/// why). The file holds weights only: the vocabulary, config and optimizer state stay in our checkpoint. Files are written
/// to a temporary name and renamed, so a failed save leaves the old file. Writing uses TorchSharp.PyBridge.
/// Taught in notebooks/09-from-scratch-to-torchsharp.ipynb.
/// </remarks>
public static class PyTorchStateDict
{
    /// <summary>Writes a CharLstm's weights (float32).</summary>
    public static void Save(CharLstm model, string path)
    {
        using var module = TorchConversion.ToTorch(model);
        Save(module, path);
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
        using var module = TorchConversion.ToTorch(model);
        Save(module, path);
    }

    /// <summary>Writes a module's state_dict.</summary>
    public static void Save(TorchLstm module, string path)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = File.Create(temp)) module.save_py(stream);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Reads a state_dict into a new module of the sizes and dtype (float32 or float64) the file holds.</summary>
    /// <exception cref="InvalidDataException">The file is not a state_dict, or its keys or sizes are not an nn.LSTM + nn.Linear's;
    /// the message names the key and the sizes.</exception>
    public static TorchLstm Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"state_dict file '{full}' does not exist.", full);
        TorchBridge.EnsureLoaded();
        Hashtable raw;
        try { raw = PyTorchUnpickler.UnpickleStateDict(full); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"'{full}' is not a PyTorch state_dict file (the zip torch.save writes, holding data.pkl): {e.Message}", e);
        }
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            foreach (DictionaryEntry entry in raw)
            {
                if (entry.Value is Tensor t && entry.Key is string key) tensors[key] = t;
                else throw new InvalidDataException($"'{full}': entry '{entry.Key}' holds a {entry.Value?.GetType().Name ?? "null"}, not a tensor; a state_dict maps names to tensors.");
            }
            var dtypes = tensors.Values.Select(t => t.dtype).Distinct().ToList();
            if (dtypes.Count != 1 || dtypes[0] is not (ScalarType.Float32 or ScalarType.Float64))
                throw new InvalidDataException($"'{full}' holds tensors of {string.Join(" and ", dtypes)}; the course's models are all float32 or all float64.");
            int D, H, V, L;
            try { (D, H, V, L) = TorchNames.Sizes(tensors.ToDictionary(kv => kv.Key, kv => kv.Value.shape)); }
            catch (ArgumentException e) { throw new InvalidDataException($"'{full}': {e.Message}", e); }
            var module = new TorchLstm(D, H, V, L, dtypes[0]);
            module.load_state_dict(tensors, strict: true);
            return module;
        }
        finally
        {
            foreach (var value in raw.Values) (value as IDisposable)?.Dispose();
        }
    }

    /// <summary>Reads a state_dict as a CharLstm (its input size must equal its output size V).</summary>
    public static CharLstm LoadCharLstm(string path)
    {
        using var module = Load(path);
        return TorchConversion.ToCharLstm(module);
    }

    /// <summary>Reads a state_dict as a reference model.</summary>
    public static SequenceModel LoadSequenceModel(string path)
    {
        using var module = Load(path);
        return TorchConversion.ToSequenceModel(module);
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
            CarriedState = [],
            History = [],
        };
    }
}

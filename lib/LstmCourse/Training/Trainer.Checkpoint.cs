using LstmCourse.Text;
using LstmCourse.Training.Optimizers;

namespace LstmCourse.Training;

public sealed partial class Trainer
{
    /// <summary>A snapshot of everything needed to continue this run exactly.</summary>
    public Checkpoint ToCheckpoint()
    {
        var carried = new List<TensorSnapshot>();
        for (int l = 0; l < Model.Layers; l++)
        {
            carried.Add(new TensorSnapshot($"layer{l}.h", state.BatchSize, Model.HiddenSize, (float[])state.H(l).Clone()));
            carried.Add(new TensorSnapshot($"layer{l}.c", state.BatchSize, Model.HiddenSize, (float[])state.C(l).Clone()));
        }
        return new Checkpoint
        {
            Config = Config,
            Vocabulary = Vocabulary,
            Weights = Model.Parameters.Select(p => new TensorSnapshot(p.Name, p.Rows, p.Cols, (float[])p.Value.Clone())).ToList(),
            Optimizer = Optimizer.ExportState(),
            RngState = dropoutRng.GetState(),
            Position = new TrainingPosition(Step, train.Epoch, train.Batch, elapsedSeconds, initialLoss,
                EarlyStopping?.Best ?? double.PositiveInfinity, EarlyStopping?.BestStep ?? -1, EarlyStopping?.BadEvaluations ?? 0, fingerprint),
            CarriedState = carried,
            History = history.ToList(),
        };
    }

    /// <summary>Saves <see cref="ToCheckpoint"/> to a file, atomically.</summary>
    public void SaveCheckpoint(string path) => ToCheckpoint().Save(path);

    /// <summary>Continues the run saved in <paramref name="checkpointPath"/> on the same text. Pass <paramref name="config"/>
    /// to change knobs that do not change the model or the data layout (LearningRate, MaxSteps, Dropout, ...).</summary>
    public static Trainer Resume(string checkpointPath, TextCorpus corpus, TrainingConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var checkpoint = Checkpoint.Load(checkpointPath);
        return Resume(checkpoint, corpus.Split((config ?? checkpoint.Config).ValidationFraction), config);
    }

    /// <summary>Continues a checkpointed run on the split it was trained on.</summary>
    public static Trainer Resume(Checkpoint checkpoint, TextSplit data, TrainingConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(data);
        config ??= checkpoint.Config;
        var saved = checkpoint.Config;
        foreach (var (name, was, now) in new (string, object, object)[]
                 {
                     (nameof(saved.HiddenSize), saved.HiddenSize, config.HiddenSize), (nameof(saved.Layers), saved.Layers, config.Layers),
                     (nameof(saved.SequenceLength), saved.SequenceLength, config.SequenceLength), (nameof(saved.BatchSize), saved.BatchSize, config.BatchSize),
                     (nameof(saved.ValidationFraction), saved.ValidationFraction, config.ValidationFraction), (nameof(saved.Optimizer), saved.Optimizer, config.Optimizer),
                     (nameof(saved.Nesterov), saved.Nesterov, config.Nesterov),
                 })
            if (!was.Equals(now))
                throw new ArgumentException($"cannot resume with {name} = {now}: the checkpoint was trained with {name} = {was}, and the model, data position "
                                          + $"or optimizer state depend on it. Keep {name} = {was}, or start a new Trainer from checkpoint.CreateModel().", nameof(config));
        if (!checkpoint.Vocabulary.Equals(data.Vocabulary))
            throw new ArgumentException($"the text's vocabulary ({data.Vocabulary.Size} characters) differs from the checkpoint's ({checkpoint.Vocabulary.Size}); "
                                      + "resume on the text the run was trained on.", nameof(data));
        var trainer = new Trainer(config, data, checkpoint.CreateModel());
        var p = checkpoint.Position;
        if (p.DataFingerprint != trainer.fingerprint)
            throw new ArgumentException($"the text differs from the one the checkpoint was trained on ({data.Train.Length} training characters now); resume on the "
                                      + "same text, or start a new Trainer from checkpoint.CreateModel() to fine-tune on this one.", nameof(data));
        trainer.Optimizer.ImportState(checkpoint.Optimizer);
        trainer.dropoutRng.SetState(checkpoint.RngState);
        if (p.Batch > trainer.train.BatchesPerEpoch)
            throw new ArgumentException($"the checkpoint stands at batch {p.Batch} of epoch {p.Epoch}, but this text and config give {trainer.train.BatchesPerEpoch} "
                                      + "batches per epoch; the checkpoint is damaged or was saved for another layout of the data.", nameof(checkpoint));
        trainer.train.Seek(p.Epoch, p.Batch);
        trainer.Step = p.Step;
        trainer.elapsedSeconds = p.ElapsedSeconds;
        trainer.initialLoss = p.InitialLoss;
        trainer.EarlyStopping?.Restore(p.BestValidationLoss, p.BestStep, p.BadEvaluations);
        var carried = checkpoint.CarriedState.ToDictionary(t => t.Name, StringComparer.Ordinal);
        for (int l = 0; l < trainer.Model.Layers; l++)
            foreach (var (name, target) in new[] { ($"layer{l}.h", trainer.state.H(l)), ($"layer{l}.c", trainer.state.C(l)) })
            {
                if (!carried.TryGetValue(name, out var t) || t.Data.Length != target.Length)
                    throw new ArgumentException($"the checkpoint's carried state lacks {name} with {target.Length} values; it was saved by another model.", nameof(checkpoint));
                t.Data.CopyTo(target, 0);
            }
        trainer.history.AddRange(checkpoint.History);
        return trainer;
    }
}

using System.Reflection;
using LstmCourse.Fast;
using LstmCourse.Text;
using LstmCourse.Training;

namespace LstmCourse.Runner.Lab;

/// <summary>
/// The trainer of a config's <see cref="TrainingConfig.Engine"/>: our <see cref="Trainer"/>, or TorchSharp's, loaded at run
/// time from the bridge's folder (<c>artifacts/torch/LstmCourse.Torch.dll</c>, with TorchSharp and the LibTorch natives
/// beside it), so the command carries no TorchSharp unless a run asks for it.
/// </summary>
public static class Engines
{
    /// <summary>Where the bridge is built, relative to the repository.</summary>
    public const string BridgePath = "artifacts/torch/LstmCourse.Torch.dll";

    /// <summary>The build command that makes the bridge.</summary>
    public const string BuildBridge = "dotnet build lib/LstmCourse.Torch -c Release";

    /// <summary>A trainer for <paramref name="config"/> on <paramref name="data"/>, starting from <paramref name="init"/>'s weights if given.</summary>
    /// <exception cref="ArgumentException">The config cannot be trained by its engine (the message says why).</exception>
    /// <exception cref="EngineUnavailableException">The TorchSharp bridge is not built or LibTorch does not load here.</exception>
    public static ITrainer Create(TrainingConfig config, TextSplit data, CharLstm? init = null) => config.Engine switch
    {
        TrainingEngine.Ours => new Trainer(config, data, init),
        TrainingEngine.TorchSharp => CreateTorch(config, data, init),
        _ => throw new ArgumentException($"Engine {config.Engine} is not one of {string.Join(", ", Enum.GetNames<TrainingEngine>())}."),
    };

    private static ITrainer CreateTorch(TrainingConfig config, TextSplit data, CharLstm? init)
    {
        Assembly bridge = LoadBridge();
        try
        {
            bridge.GetType("LstmCourse.Torch.TorchBridge", throwOnError: true)!.GetMethod("EnsureLoaded")!.Invoke(null, null);
            var trainer = bridge.GetType("LstmCourse.Torch.TorchTrainer", throwOnError: true)!;
            var constructor = trainer.GetConstructor([typeof(TrainingConfig), typeof(TextSplit), typeof(CharLstm)]);
            if (constructor is null || !typeof(ITrainer).IsAssignableFrom(trainer))
                throw new EngineUnavailableException($"{bridge.Location} was built from other sources than this command (its TorchTrainer is not an ITrainer of this library); rebuild it: {BuildBridge}.");
            return (ITrainer)constructor.Invoke([config, data, init]);
        }
        catch (TargetInvocationException e) when (e.InnerException is ArgumentException refused)
        {
            throw refused;   // the config asks for what TorchTrainer does not do (dropout, L1/L2): its message says which
        }
        catch (TargetInvocationException e) when (e.InnerException?.GetType().Name == "TorchUnavailableException")
        {
            throw new EngineUnavailableException(e.InnerException.Message);
        }
    }

    private static Assembly LoadBridge()
    {
        string? path = Candidates().FirstOrDefault(File.Exists);
        if (path is null)
        {
            throw new EngineUnavailableException($"Engine TorchSharp needs the TorchSharp bridge, {BridgePath}, which is not built here; build it " +
                $"from the repository root with: {BuildBridge} (it restores TorchSharp and LibTorch, about 0.8 GB, once).");
        }
        try
        {
            return Assembly.LoadFrom(path);   // its LstmCourse reference binds to the one this process runs; TorchSharp loads from beside it
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException)
        {
            throw new EngineUnavailableException($"{path} does not load ({e.Message}); rebuild it: {BuildBridge}.");
        }
    }

    /// <summary>The bridge under the repository this command was built in, and under the current folder.</summary>
    private static IEnumerable<string> Candidates()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LstmCourse.sln")))
            {
                yield return Path.Combine(dir.FullName, BridgePath);
            }
        }
        yield return Path.GetFullPath(BridgePath);
    }
}

/// <summary>The engine a run asks for cannot run on this machine; the message says what to build or install.</summary>
public sealed class EngineUnavailableException(string message) : Exception(message);

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LstmCourse.Models;
using LstmCourse.Numerics;
using LstmCourse.Torch.Tests.Support;
using LstmCourse.Training;
using Xunit.Abstractions;

namespace LstmCourse.Torch.Tests.Export;

/// <summary>lib/LstmCourse.Torch/Export/check_state_dict.py: PyTorch itself (Debian's python3-torch) loads the exported files
/// strictly and computes the logits our engines computed, and what torch.save writes reads back. Skipped, with the install command, where /usr/bin/python3 has no torch.</summary>
public class PythonStateDictCheckTests(ITestOutputHelper output)
{
    private const string Python = "/usr/bin/python3";
    private static readonly Lazy<bool> HasTorch = new(() => File.Exists(Python) && Run("-c", "import torch").Exit == 0);

    [SkippableFact]
    public void PyTorch_loads_the_weather_checkpoint_and_gives_CharLstm_Steps_logits()
    {
        Skip.IfNot(HasTorch.Value, $"{Python} has no torch module; install it with: apt-get install -y python3-torch");
        using var temp = new TempFolder();
        var checkpoint = Checkpoint.Load(Repository.PathOf("models", "weather", "checkpoint-val0.190.ckpt"));
        var model = checkpoint.CreateModel();
        string text = File.ReadAllText(Repository.PathOf("datasets", "weather", "valid.txt"))[..600];
        int[] tokens = checkpoint.Vocabulary.Encode(text);
        var state = model.NewInferenceState();
        var z = new float[model.VocabSize];
        var logits = new List<double[]>();
        foreach (int token in tokens)
        {
            model.Step(token, state, z);
            logits.Add(z.Select(v => (double)v).ToArray());
        }
        PyTorchStateDict.Save(checkpoint, temp.PathOf("weather.pt"));
        Check(temp, "weather.pt", new { tokens = new[] { tokens }, logits = new[] { logits }, tolerance = 2e-4 }, resave: "resaved.pt");

        // what torch.save itself wrote (with the _metadata PyTorch adds) reads back into the same weights, bit for bit
        var back = PyTorchStateDict.LoadCharLstm(temp.PathOf("resaved.pt"));
        foreach (var (a, b) in model.Parameters.Zip(back.Parameters))
        {
            Assert.Equal(a.Name, b.Name);
            Assert.Equal(a.Value, b.Value);
        }
    }

    [SkippableFact]
    public void PyTorch_loads_a_float64_SequenceModel_and_gives_its_logits()
    {
        Skip.IfNot(HasTorch.Value, $"{Python} has no torch module; install it with: apt-get install -y python3-torch");
        using var temp = new TempFolder();
        var rng = new Rng(4);
        var model = SequenceModel.Lstm(inputSize: 5, hiddenSize: 12, outputSize: 7, layers: 2, seed: 4);
        var xs = Enumerable.Range(0, 30).Select(_ => Enumerable.Range(0, 5).Select(_ => rng.NextGaussian()).ToArray()).ToArray();
        var zs = model.Forward(xs).Zs;
        PyTorchStateDict.Save(model, temp.PathOf("seq.pt"));
        Check(temp, "seq.pt", new { inputs = new[] { xs }, logits = new[] { zs }, tolerance = 1e-12 });
    }

    private void Check(TempFolder temp, string model, object expected, string? resave = null)
    {
        File.WriteAllText(temp.PathOf("expected.json"), JsonSerializer.Serialize(expected));
        string[] args = [Repository.PathOf("lib", "LstmCourse.Torch", "Export", "check_state_dict.py"), temp.PathOf(model), temp.PathOf("expected.json")];
        var (exit, text) = Run(resave is null ? args : [.. args, temp.PathOf(resave)]);
        output.WriteLine(text);
        Assert.True(exit == 0, $"check_state_dict.py exited {exit}:\n{text}");
        Assert.Contains(" ok", text);
    }

    private static (int Exit, string Output) Run(params string[] args)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("OPENBLAS_CORETYPE");                    // leave torch's BLAS settings as the machine has them
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2))) { p.Kill(true); return (-1, "timed out after 2 minutes"); }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}

using LstmCourse.Experiments.Runs;
using System.Diagnostics;
using LstmCourse.Notebooks.Tests.Commands;
using LstmCourse.Runner.Commands;
using LstmCourse.Runner.Lab;
using LstmCourse.Training;

namespace LstmCourse.Fuzz;

internal static class Campaigns
{
    /// <summary>Mutants of the shipped checkpoint given to <c>sample</c>, and mutants of a tiny run's checkpoint given to
    /// <c>sample</c> and to <c>train --resume</c> (in a run folder of their own, with a 5 s budget).</summary>
    public static IEnumerable<Tally> Checkpoints(Workspace workspace, int cases, int seed)
    {
        var mutants = new CheckpointMutants(new Random(seed));
        var shipped = new Tally("sample on mutants of models/weather/checkpoint-val0.190.ckpt (format 1, 2 x 256)");
        var tinySample = new Tally("sample on mutants of a tiny run's checkpoint (format 2, 1 x 16)");
        var tinyResume = new Tally("train --resume on the same tiny mutants");
        var versions = new (byte[] Source, uint Version)[] { (workspace.Shipped, 2), (workspace.Shipped, 0), (workspace.TinyCheckpoint, 1), (workspace.TinyCheckpoint, 3) };
        for (int n = 0; n < cases; n++)
        {
            bool onShipped = n % 2 == 0;
            var (bytes, what) = n < versions.Length
                ? (CheckpointMutants.WithVersion(versions[n].Source, versions[n].Version), $"version {versions[n].Version}")
                : mutants.Next(onShipped ? workspace.Shipped : workspace.TinyCheckpoint);
            string folder = workspace.NewFolder("mutant");
            Directory.CreateDirectory(folder);
            string path = Path.Combine(folder, RunFolder.LatestCheckpoint);
            File.WriteAllBytes(path, bytes);

            var sample = Case.Run("sample", "--checkpoint", path, "--length", "40", "--seed", "3");
            string? failure = sample.Failure(ExitCodes.Ok, ExitCodes.Usage);
            if (failure is null && sample.Exit == ExitCodes.Ok && sample.Output.Length == 0) failure = "exit 0 but nothing printed";
            (onShipped && n >= versions.Length || n is 0 or 1 ? shipped : tinySample).Add(sample.Kind(), failure, $"case {n} ({what})");
            if (onShipped && n >= versions.Length || n is 0 or 1) { Directory.Delete(folder, true); continue; }

            var resume = Case.Run("train", "--resume", folder, "--corpus", workspace.Corpus, "--time-budget", "5s");
            failure = resume.Failure(ExitCodes.Ok, ExitCodes.Usage, ExitCodes.Failed);
            if (failure is null && resume.Exit == ExitCodes.Ok)
                try { Checkpoint.Load(Directory.GetFiles(folder, "checkpoint-*.ckpt").Single()); }
                catch (Exception e) { failure = $"resumed, but the folder's final checkpoint does not load: {e.Message}"; }
            tinyResume.Add(resume.Kind(), failure, $"case {n} ({what})");
            Directory.Delete(folder, true);
            if (n % 50 == 49) Console.WriteLine($"checkpoints: {n + 1} of {cases}");
        }
        return [shipped, tinySample, tinyResume];
    }

    private static readonly string[] Ints = ["0", "-1", "1", "2", "4097", "2147483647", "-2147483648", "99999999999", "1e3", "0x10", "", "null", "abc", "1.5", "+5", " 7 "];
    private static readonly string[] Reals = ["0", "-0", "1", "-1", "0.5", "1e308", "-1e308", "1e-308", "5e-324", "NaN", "Infinity", "-Infinity", "0.99999999", "1e-300", "abc", "", "1,5", "1e", "2e-3", "1000", "1001"];
    private static readonly string[] Bools = ["true", "false", "yes", "maybe", "1", "2", ""];
    private static readonly string[] Enums = ["Adam", "sgd", "ADAMW", "Nesterov", "Momentum", "Cosine", "step", "Constant", "7", "-1", ""];
    private static readonly string[] Texts = ["$$\\n", "", "null", "QQQ", "\uD83D", "mine.ckpt", "/dev/null", "a\\nb", "\0"];
    private static readonly string[] Times = ["-5s", "0s", "1e300s", "NaN", "1e20h", "99999999999:00:00", "soon", "", "null", "1ms", "0.5s", "2s", "31d", "00:00:02", "-00:00:01"];

    /// <summary><c>train</c> with one to three random <c>--set</c> values (or a malformed assignment, or a bad
    /// <c>--time-budget</c>) on the tiny config.</summary>
    public static Tally Overrides(Workspace workspace, int cases, int seed)
    {
        var random = new Random(seed + 1);
        var tally = new Tally("train with random --set values and --time-budget");
        var knobs = typeof(TrainingConfig).GetProperties().Where(p => p.CanWrite).ToDictionary(p => p.Name, p => p.PropertyType);
        for (int n = 0; n < cases; n++)
        {
            var args = new List<string>(workspace.TinyTrain) { "--set", "MaxSteps=60" };
            var said = new List<string>();
            for (int a = random.Next(1, 4); a > 0; a--)
            {
                string assignment;
                if (random.Next(12) == 0) assignment = new[] { "=", "Layers", "=5", "Layers==5", "Unknown=1", "  hiddensize = 3 ", "HIDDENSIZE=8" }[random.Next(7)];
                else
                {
                    var (name, type) = knobs.ElementAt(random.Next(knobs.Count));
                    string[] pool = type == typeof(int) ? Ints : type == typeof(double) ? Reals : type == typeof(bool) ? Bools : type.IsEnum ? Enums : type == typeof(TimeSpan?) ? Times : Texts;
                    assignment = $"{name}={pool[random.Next(pool.Length)]}";
                }
                args.Add("--set");
                args.Add(assignment);
                said.Add(assignment);
            }
            string budget = random.Next(5) == 0 ? Times[random.Next(Times.Length)] : "10s";
            args.AddRange(["--time-budget", budget]);
            string folder = workspace.NewFolder("set");
            args.AddRange(["--out", folder]);

            var run = Case.Run([.. args]);
            string? failure = run.Failure(ExitCodes.Ok, ExitCodes.Usage, ExitCodes.Failed);
            if (failure is null && run.Exit == ExitCodes.Usage && Directory.Exists(folder)) failure = "a refused run left a folder";
            if (failure is null && run.Exit != ExitCodes.Usage)
                try
                {
                    var rows = TrainingMetrics.ReadCsv(Path.Combine(folder, RunFolder.MetricsFile));
                    if (run.Exit == ExitCodes.Ok && Checkpoint.Load(Directory.GetFiles(folder, "checkpoint-*.ckpt").Single()).Position.Step != rows.Count)
                        failure = "the final checkpoint's step is not the number of metrics rows";
                }
                catch (Exception e) { failure = $"exit {run.Exit} but the run folder is not whole: {e.Message}"; }
            tally.Add(run.Kind(), failure, $"case {n} ({string.Join(" ", said)} --time-budget {budget})");
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
            if (n % 50 == 49) Console.WriteLine($"overrides: {n + 1} of {cases}");
        }
        return tally;
    }

    /// <summary>Real <c>lstm-course train</c> child processes (tiny config, 3000 steps, checkpoint every 50) killed with
    /// SIGKILL at a random moment: at a random step (when metrics.csv reaches that row), while it finishes (just after its
    /// final checkpoint appears), or while it starts; every third resume is killed again. The folder must then sample (if
    /// it holds a checkpoint), read back its metrics, and resume (or start again) to the uninterrupted run's numbers exactly.</summary>
    public static IEnumerable<Tally> Kills(Workspace workspace, int trials, int seed)
    {
        var random = new Random(seed + 2);
        string[] run = [.. workspace.TinyTrain, "--set", "MaxSteps=3000"];
        string reference = workspace.NewFolder("uninterrupted");
        var uninterrupted = Case.Run([.. run, "--out", reference]);
        if (uninterrupted.Exit != ExitCodes.Ok) throw new InvalidOperationException(uninterrupted.Error);
        var moments = new Tally("moment of the kill");
        var usable = new Tally("the killed folder: sample and metrics.csv");
        var resumed = new Tally("resumed (or restarted, with no checkpoint yet) against the uninterrupted run");
        for (int n = 0; n < trials; n++)
        {
            string folder = workspace.NewFolder("killed");
            var trigger = Trigger.Random(random);
            string moment = Kill([.. run, "--out", folder], trigger, folder);
            moments.Add(moment, null, $"trial {n}");

            bool holds = RunFolder.HoldsRun(folder);
            var sample = Case.Run("sample", "--checkpoint", folder, "--length", "40");
            string? failure = holds ? sample.Failure(ExitCodes.Ok) : sample.Failure(ExitCodes.Usage);
            if (failure is null && File.Exists(Path.Combine(folder, RunFolder.MetricsFile)))
                try { TrainingMetrics.ReadCsv(Path.Combine(folder, RunFolder.MetricsFile)); }
                catch (Exception e) { failure = $"metrics.csv does not read back: {e.Message}"; }
            usable.Add(holds ? $"held a checkpoint: sample exit {sample.Exit}" : $"no checkpoint yet: sample exit {sample.Exit}", failure, $"trial {n} ({moment}, {trigger})");

            string[] again = holds ? ["train", "--resume", folder, "--corpus", workspace.Corpus] : [.. run, "--out", folder];
            string twice = "";
            if (n % 3 == 2)
            {
                var second = Trigger.Random(random);
                twice = $"; the {(holds ? "resume" : "restart")} killed too, {Kill(again, second, folder)} ({second})";
            }
            bool holdsNow = RunFolder.HoldsRun(folder);
            var finish = Case.Run(holdsNow ? ["train", "--resume", folder, "--corpus", workspace.Corpus] : [.. run, "--out", folder]);
            failure = finish.Failure(ExitCodes.Ok);
            if (failure is null && RunComparison.Difference(reference, folder) is { } difference) failure = "differs from the uninterrupted run in " + difference;
            if (failure is null && Directory.GetFiles(folder, ".*.tmp").Length > 0) failure = "left " + string.Join(", ", Directory.GetFiles(folder, ".*.tmp").Select(Path.GetFileName));
            resumed.Add((failure is null ? "exact: the same numbers as the uninterrupted run" : "not exact") + (twice.Length > 0 ? " (killed twice)" : ""),
                failure, $"trial {n} ({moment}, {trigger}{twice})");
            Directory.Delete(folder, true);
            Console.WriteLine($"kills: trial {n + 1} of {trials}: {moment} ({trigger}){twice}; {(failure is null ? "exact" : failure)}");
        }
        return [moments, usable, resumed];
    }

    /// <summary>When to kill: when metrics.csv reaches a row, a moment after the final checkpoint appears, or a moment after the start.</summary>
    private sealed record Trigger(int? Row, bool Finishing, int DelayMs)
    {
        public static Trigger Random(Random random) => random.Next(20) switch
        {
            < 12 => new Trigger(random.Next(1, 3001), false, 0),
            < 17 => new Trigger(null, true, random.Next(0, 150)),
            _ => new Trigger(null, false, random.Next(0, 500)),
        };

        public bool Due(string folder, TimeSpan since)
        {
            if (Row is { } row)
            {
                string metrics = Path.Combine(folder, RunFolder.MetricsFile);
                try { return File.Exists(metrics) && File.ReadAllText(metrics).Count(c => c == '\n') > row; }
                catch (IOException) { return false; }
            }
            if (Finishing) return Directory.Exists(folder) && Directory.GetFiles(folder, "checkpoint-val*.ckpt").Length > 0;
            return since.TotalMilliseconds >= DelayMs;
        }

        public override string ToString() => Row is { } row ? $"at step {row}" : Finishing ? $"{DelayMs} ms after the final checkpoint appears" : $"{DelayMs} ms after the start";
    }

    /// <summary>Starts the command as a child process and SIGKILLs it when <paramref name="trigger"/> is due; says what the
    /// folder then held.</summary>
    private static string Kill(string[] args, Trigger trigger, string folder)
    {
        using var child = RunComparison.Start(args);
        var clock = Stopwatch.StartNew();
        while (!child.HasExited && !trigger.Due(folder, clock.Elapsed)) Thread.Sleep(2);
        if (trigger.Finishing && !child.HasExited) Thread.Sleep(trigger.DelayMs);
        bool exited = child.HasExited;
        if (!exited) { child.Kill(); child.WaitForExit(); }
        if (exited) return "after it exited";
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder).Select(Path.GetFileName).ToHashSet() : [];
        if (files.Contains(RunFolder.SummaryFile)) return "while finishing: summary written";
        if (files.Contains(RunFolder.SamplesFile)) return "while finishing: samples written";
        if (files.Any(f => f!.StartsWith("checkpoint-val", StringComparison.Ordinal)))
            return files.Contains(RunFolder.LatestCheckpoint) ? "while finishing: final and latest checkpoints both there" : "while finishing: final checkpoint written";
        if (files.Contains(RunFolder.LatestCheckpoint)) return "while training, after a checkpoint";
        if (files.Contains(RunFolder.MetricsFile)) return "while training, before the first checkpoint";
        return "while starting";
    }
}

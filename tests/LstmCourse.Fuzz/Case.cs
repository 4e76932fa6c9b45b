using System.Diagnostics;
using LstmCourse.Runner.Commands;

namespace LstmCourse.Fuzz;

/// <summary>One command line run in-process through the registry, as <c>lstm-course</c> runs it, watched for what must never
/// happen: an exception escaping (a stack trace), a hang, runaway memory, an exit code the verb does not document.</summary>
internal sealed record Case(int Exit, string Output, string Error, Exception? Escaped, bool Hung, long AllocatedBytes, TimeSpan Took)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    public const long MaxAllocatedBytes = 2_000_000_000;

    public static Case Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        long before = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        Exception? escaped = null;
        int exit = -1;
        var thread = new Thread(() =>
        {
            try { exit = CommandRegistry.Dispatch(args, output, error); }
            catch (Exception e) { escaped = e; }
        }, 256 * 1024 * 1024);
        thread.IsBackground = true;
        thread.Start();
        bool hung = !thread.Join(Timeout);
        return new Case(exit, Safe(output), Safe(error), escaped, hung, GC.GetTotalAllocatedBytes() - before, clock.Elapsed);
    }

    private static string Safe(StringWriter writer)
    {
        lock (writer) return writer.ToString();
    }

    /// <summary>Why this case is a failure, or null: <paramref name="documented"/> lists the verb's exit codes.</summary>
    public string? Failure(params int[] documented)
    {
        if (Hung) return $"no answer after {Timeout.TotalSeconds:0} s";
        if (Escaped is not null) return $"an exception escaped (a stack trace for the user): {Escaped.GetType().Name}: {Escaped.Message}";
        if (!documented.Contains(Exit)) return $"exit code {Exit}, not one of the documented {string.Join(", ", documented)}";
        if (Error.Contains("\n   at ", StringComparison.Ordinal) || Output.Contains("\n   at ", StringComparison.Ordinal)) return "a stack trace was printed";
        if (AllocatedBytes > MaxAllocatedBytes) return $"allocated {AllocatedBytes / 1e9:0.0} GB";
        if (Exit != ExitCodes.Ok && Error.Trim().Length == 0) return $"exit {Exit} without a message";
        return null;
    }

    /// <summary>The kind of refusal, for the tally: the first clause of the message, numbers and quoted text left out.</summary>
    public string Kind()
    {
        if (Exit == ExitCodes.Ok) return "ok";
        string line = Error.Split('\n')[0];
        int at = line.IndexOf("cannot be loaded: ", StringComparison.Ordinal);
        if (at >= 0) line = line[(at + "cannot be loaded: ".Length)..];
        else if (line.StartsWith("lstm-course ", StringComparison.Ordinal)) line = line[(line.IndexOf(':') + 1)..];
        line = System.Text.RegularExpressions.Regex.Replace(line, @"(tensor|field|parameter|buffer|character) '[^']*'", "$1 #");
        line = System.Text.RegularExpressions.Regex.Replace(line, @"""[^""]*""|-?\d[\d.,E+-]*|U\+[0-9A-F]+|0x[0-9A-F]+|NaN|-?Infinity|-?∞|/tmp/\S*", "#");
        line = line.Replace("its content is ", "", StringComparison.Ordinal);
        int cut = line.IndexOfAny([';', ',']);
        if (cut > 12) line = line[..cut];
        return $"exit {Exit}: {line.Trim()[..Math.Min(line.Trim().Length, 110)]}";
    }
}

/// <summary>Counts outcomes by kind and keeps every failure.</summary>
internal sealed class Tally(string name)
{
    private readonly SortedDictionary<string, int> kinds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> examples = new(StringComparer.Ordinal);
    public List<string> Failures { get; } = [];
    public int Cases { get; private set; }

    public void Add(string kind, string? failure, string what)
    {
        Cases++;
        kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
        var list = examples.TryGetValue(kind, out var l) ? l : examples[kind] = [];
        if (list.Count < 8) list.Add(what);
        if (failure is not null) Failures.Add($"{what}: {failure}");
    }

    public void Print(TextWriter output, bool detailed)
    {
        output.WriteLine($"== {name}: {Cases} cases, {Failures.Count} failures");
        IEnumerable<KeyValuePair<string, int>> shown = detailed ? kinds : kinds.GroupBy(k => Coarse(k.Key)).ToDictionary(g => g.Key, g => g.Sum(k => k.Value));
        foreach (var (kind, count) in shown.OrderByDescending(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{count,6}  {kind}");
            if (detailed) foreach (string example in examples[kind]) output.WriteLine($"          e.g. {example}");
        }
        foreach (string failure in Failures.Take(50)) output.WriteLine($"  FAIL {failure}");
    }

    /// <summary>The part or field a refusal names: "exit 1: malformed: config", "exit 1: inconsistent: weights".</summary>
    private static string Coarse(string kind)
    {
        var m = System.Text.RegularExpressions.Regex.Match(kind, @"^(exit \d+: )(?:malformed \((?:section '(\w+)'|(sections missing))|inconsistent: (\w+)|the stored config is invalid: TrainingConfig\.(\w+))");
        var field = System.Text.RegularExpressions.Regex.Match(kind, @"^(exit \d+: )(?:config field ([\w#]+) cannot be set|TrainingConfig\.([\w#]+) is)");
        if (field.Success) return field.Groups[2].Success ? $"{field.Groups[1].Value}cannot parse the value of {field.Groups[2].Value}" : $"{field.Groups[1].Value}out of range: {field.Groups[3].Value}";
        if (!m.Success) return kind.Length > 100 ? kind[..100] : kind;
        if (m.Groups[2].Success) return $"{m.Groups[1].Value}malformed: {m.Groups[2].Value}";
        if (m.Groups[3].Success) return $"{m.Groups[1].Value}malformed: a section missing";
        if (m.Groups[4].Success) return $"{m.Groups[1].Value}inconsistent: {m.Groups[4].Value}";
        return $"{m.Groups[1].Value}invalid config field {m.Groups[5].Value}";
    }
}

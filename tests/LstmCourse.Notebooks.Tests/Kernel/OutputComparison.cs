using System.Text.RegularExpressions;
using LstmCourse.Notebooks.Model;

namespace LstmCourse.Notebooks.Tests.Kernel;

/// <summary>
/// Compares a notebook executed by the real kernel through Jupyter with the same notebook executed by our runner:
/// per code cell, the same outputs in the same order, of the same kinds and mime types, with the same text and execution
/// counts. Normalised, because legitimately different: the kernel's bootstrap script in the first cell; durations and
/// speeds printed by a cell; the kernel's own HTML for plain values (its style block); and the content of live
/// displays our runner updated, which the kernel's updates never reach through Jupyter (a bug of the frozen kernel,
/// POLYGLOT.md), so only their kinds and mime types are compared; likewise the content of a cell tagged
/// <see cref="VariesTag"/>, whose numbers change from one run to the next whatever the host: how much it did in a fixed
/// time (a training race), or a framework's kernels that are not bitwise reproducible across processes (LibTorch's MKL).
/// </summary>
internal static partial class OutputComparison
{
    /// <summary>The cell tag that says: this cell's numbers change from run to run (the notebook says why).</summary>
    public const string VariesTag = "varies-between-runs";

    /// <summary>Every difference, one line each; empty when the two agree.</summary>
    public static List<string> Differences(Notebook kernel, Notebook ours, IReadOnlyCollection<(int Cell, int Position)> updated)
    {
        var differences = new List<string>();
        if (kernel.Cells.Count != ours.Cells.Count)
        {
            return [$"the kernel's copy has {kernel.Cells.Count} cells, ours {ours.Cells.Count}"];
        }
        for (int i = 0; i < ours.Cells.Count; i++)
        {
            if (ours.Cells[i].Kind != CellKind.Code)
            {
                continue;
            }
            var k = kernel.Cells[i].Outputs.Where(o => !IsBootstrap(o)).ToList();
            var o = ours.Cells[i].Outputs.ToList();
            string cell = $"cell {i + 1}";
            if (k.Count != o.Count)
            {
                differences.Add($"{cell}: the kernel wrote {k.Count} outputs [{Kinds(k)}], ours {o.Count} [{Kinds(o)}]");
                continue;
            }
            for (int p = 0; p < k.Count; p++)
            {
                bool contentMayDiffer = updated.Contains((i, p)) || ours.Cells[i].HasTag(VariesTag);
                differences.AddRange(Compare(k[p], o[p], contentMayDiffer).Select(d => $"{cell}, output {p + 1}: {d}"));
            }
        }
        return differences;
    }

    /// <summary>The mime types (or stream names) of each output: the comparison table's summary of a cell.</summary>
    public static string Kinds(IEnumerable<Output> outputs) => string.Join(", ", outputs.Select(Kind));

    /// <summary>The kernel's first-cell script that probes local ports and loads require.js.</summary>
    public static bool IsBootstrap(Output output) =>
        output.OutputType == Output.DisplayDataType && output.Data.TryGetValue("text/html", out string? html)
        && html.Contains("dotnet-interactive-this-cell", StringComparison.Ordinal);

    private static string Kind(Output output) => output.OutputType switch
    {
        Output.StreamType => output.StreamName!,
        Output.ErrorType => "error",
        _ => $"{(output.OutputType == Output.ExecuteResultType ? "result" : "display")}({string.Join("+", output.Data.Keys.Order(StringComparer.Ordinal))})",
    };

    private static IEnumerable<string> Compare(Output kernel, Output ours, bool updated)   // updated: the content may differ
    {
        if (Kind(kernel) != Kind(ours))
        {
            yield return $"kind {Kind(kernel)} in the kernel, {Kind(ours)} here";
            yield break;
        }
        if (kernel.OutputType == Output.StreamType && !updated)
        {
            if (Normal(kernel.Text) != Normal(ours.Text))
            {
                yield return $"text differs: kernel \"{Short(kernel.Text)}\", ours \"{Short(ours.Text)}\"";
            }
            yield break;
        }
        if (kernel.OutputType == Output.ErrorType)
        {
            yield return $"both failed: kernel {kernel.ErrorValue}";
            yield break;
        }
        if (kernel.OutputType == Output.ExecuteResultType
            && kernel.Json["execution_count"]?.ToJsonString() != ours.Json["execution_count"]?.ToJsonString())
        {
            yield return $"execution_count {kernel.Json["execution_count"]} in the kernel, {ours.Json["execution_count"]} here";
        }
        if (updated)
        {
            yield break;   // the kernel keeps the first state of a live display; ours has the last
        }
        foreach (var (mime, text) in kernel.Data)
        {
            string mine = ours.Data[mime];
            if (mime == "text/html" && text.Contains("class=\"dni-", StringComparison.Ordinal))
            {
                continue;   // the kernel's own formatter for plain values; ours writes the same value without its style block
            }
            if (Normal(text) != Normal(mine))
            {
                yield return $"{mime} differs: kernel \"{Short(text)}\", ours \"{Short(mine)}\"";
            }
        }
    }

    /// <summary>Durations and speeds replaced by a marker: they differ from run to run, and more so between hosts.</summary>
    public static string Normal(string text) =>
        Speed().Replace(Duration().Replace(text.Replace("\r\n", "\n"), "⟨time⟩"), "⟨speed⟩");

    private static string Short(string text)
    {
        string one = text.Replace("\n", "\\n");
        return one.Length > 160 ? one[..160] + "…" : one;
    }

    [GeneratedRegex(@"\d[\d,]*(\.\d+)?\s?(ms|s|sec|seconds?|min|minutes?)\b")]
    private static partial Regex Duration();

    [GeneratedRegex(@"\d[\d,]*(\.\d+)?\s?(k\s)?(chars?|characters?|steps?|samples?)/s\b")]
    private static partial Regex Speed();
}

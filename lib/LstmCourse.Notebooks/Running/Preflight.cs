using LstmCourse.Notebooks.Execution;
using LstmCourse.Notebooks.Model;

namespace LstmCourse.Notebooks.Running;

/// <summary>
/// What this runner cannot honour, found before any cell runs: non-C# cells, Polyglot magics (<c>#!</c>),
/// NuGet references, and a <c>#r</c> of a library of which the host carries a different build.
/// </summary>
public static class Preflight
{
    /// <summary>
    /// Every problem in the notebook; empty when it can run. <paramref name="inThisProcess"/>: it will run in this
    /// process, so a <c>#r</c> of a library this process carries a different build of is a problem (a kernel process
    /// carries none).
    /// </summary>
    public static IReadOnlyList<NotebookProblem> Check(Notebook notebook, bool inThisProcess = true)
    {
        var problems = new List<NotebookProblem>();
        string? language = notebook.Metadata["kernelspec"]?["language"]?.GetValue<string>();
        if (language is not null && !IsCSharp(language))
        {
            problems.Add(new NotebookProblem(
                "notebook", $"its kernel language is '{language}'; lstm-course runs C# notebooks.",
                "open it in the kernel it was written for, or convert its cells to C#."));
        }
        string folder = notebook.Path is null ? Environment.CurrentDirectory : Path.GetDirectoryName(notebook.Path)!;
        for (int index = 0; index < notebook.Cells.Count; index++)
        {
            Cell cell = notebook.Cells[index];
            if (cell.Kind != CellKind.Code)
            {
                continue;
            }
            string cellLanguage = notebook.LanguageOf(cell);
            if (!IsCSharp(cellLanguage))
            {
                problems.Add(new NotebookProblem(
                    cell.Label(index), $"is a '{cellLanguage}' cell; this runner runs plain C# script only.",
                    "rewrite the cell in C#, or move it to a markdown cell if it is only for reading."));
                continue;
            }
            foreach (var (line, text) in Directives.Lines(cell.Source))
            {
                if (LineProblem(text, folder, inThisProcess) is var (message, fix))
                {
                    problems.Add(new NotebookProblem($"{cell.Label(index)}, line {line}", message, fix));
                }
            }
        }
        return problems;
    }

    private static bool IsCSharp(string language) =>
        language.Equals("csharp", StringComparison.OrdinalIgnoreCase) || language.Equals("C#", StringComparison.OrdinalIgnoreCase);

    private static (string Message, string Fix)? LineProblem(string text, string folder, bool inThisProcess)
    {
        if (Directives.IsMagic(text))
        {
            string magic = text.Split(' ', 2)[0];
            return ($"'{magic}' is a Polyglot magic command; this runner runs plain C# script, without magics.",
                $"remove the magic line: {MagicHint(magic)}");
        }
        if (Directives.PackageSource(text) is not null)
        {
            return ("'#i' adds a NuGet package source; NuGet references are not supported.",
                "remove the line; build the library and #r its DLL instead.");
        }
        if (Directives.Reference(text) is { } reference)
        {
            if (Directives.IsNuGet(reference))
            {
                return ($"'#r \"{reference}\"': NuGet references are not supported.",
                    "build the library and #r its DLL instead, e.g. #r \"../artifacts/lib/Library.dll\".");
            }
            string path = Path.GetFullPath(Path.Combine(folder, reference));
            if (inThisProcess && HostAssemblies.DifferentHostCopy(path) is { } hostCopy)
            {
                return ($"'#r \"{reference}\"' loads {Path.GetFileName(path)}, but the runner carries a different build of the same " +
                    $"assembly ({hostCopy}) and .NET would run the notebook against the runner's copy.",
                    "rebuild so both are the same build (dotnet build of the solution, or of the runner's project), then run again.");
            }
        }
        return null;
    }

    private static string MagicHint(string magic) => magic.ToLowerInvariant() switch
    {
        "#!time" => "to time code, use System.Diagnostics.Stopwatch (var watch = Stopwatch.StartNew(); ...; watch.Elapsed).",
        "#!csharp" or "#!c#" => "cells are C# already.",
        "#!html" or "#!markdown" or "#!mermaid" or "#!javascript" or "#!js" =>
            "produce the content from C#, e.g. display(HTML(\"...\")) or \"...\".DisplayAs(\"text/markdown\").",
        "#!set" or "#!share" or "#!value" => "there is no sharing between kernels; compute the value in C#.",
        "#!r" or "#!i" or "#!nuget" => "build the library and #r its DLL.",
        _ => "do in C# what the magic did.",
    };
}

using LstmCourse.Notebooks.Format;
using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Running;

namespace LstmCourse.Runner.Commands;

/// <summary><c>lstm-course run</c>: runs notebooks headlessly and writes the executed copies.</summary>
public sealed class RunCommand : ICommand
{
    public string Name => "run";

    public string Summary => "run notebooks headlessly and save them with their outputs";

    public string Usage => """
        lstm-course run <notebook-or-folder>... [--output DIR] [--in-place] [-p name=value]... [--cell-timeout SECONDS] [--stop-on-error]

        Runs each notebook's C# cells in order in one script state, as the Polyglot kernel does, with the
        notebook's folder as the current directory, and writes the executed notebook (with its outputs) to DIR
        under the same file name. The source notebook is never changed unless --in-place.
        A folder means the *.ipynb files in it, sorted by name.

          --output DIR            where executed notebooks go (default: artifacts/notebooks under the current directory)
          --in-place              write the outputs into the source notebooks instead
          -p name=value           set a variable of the cell tagged 'parameters' (repeatable); the value must
                                  parse as the variable's declared type (int, long, float, double, decimal, bool, string)
          --cell-timeout SECONDS  abandon a cell that runs longer, and stop that notebook (default 600)
          --stop-on-error         stop a notebook at its first failing cell (default: go on with the next cells)

        Exit codes: 0 every cell of every notebook succeeded; 1 usage error (unknown option, missing file);
        2 a cell failed or timed out, or a notebook is malformed or has something the runner cannot run
        (magics, #r "nuget:...", non-C# cells, a bad -p): those are reported before any of its cells run.
        """;

    public int Execute(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var parsed = Arguments.Parse(Name, args, ["--in-place", "--stop-on-error"], ["--output", "-p", "--cell-timeout"]);
        var notebooks = NotebookPaths.Expand(parsed.Positionals);
        bool inPlace = parsed.Flag("--in-place");
        string? outputOption = parsed.Value("--output");
        if (inPlace && outputOption is not null)
        {
            throw new UsageException("--in-place and --output exclude each other; choose where the executed notebooks go.");
        }
        string outputFolder = Path.GetFullPath(outputOption ?? Path.Combine("artifacts", "notebooks"));
        var options = new NotebookRunOptions
        {
            Parameters = parsed.Values("-p").Select(ParseParameter).ToList(),
            CellTimeout = parsed.Seconds("--cell-timeout", NotebookRunOptions.DefaultCellTimeout),
            StopOnError = parsed.Flag("--stop-on-error"),
        };
        var destinations = notebooks.ToDictionary(path => path, path => inPlace ? path : Path.Combine(outputFolder, Path.GetFileName(path)));
        if (!inPlace && destinations.FirstOrDefault(pair => pair.Key == pair.Value).Key is { } source)
        {
            throw new UsageException($"--output {outputOption} is the folder of {Path.GetFileName(source)}: the source would be overwritten; to mean that, use --in-place.");
        }
        if (destinations.Values.GroupBy(d => d, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new UsageException($"two notebooks would both be written to {clash.Key}; run them separately or use --in-place.");
        }

        var summary = new SummaryTable();
        foreach (string path in notebooks)
        {
            string name = Path.GetFileName(path);
            output.WriteLine($"{NotebookPaths.Show(path)} -> {NotebookPaths.Show(destinations[path])}");
            Notebook notebook;
            try
            {
                notebook = Notebook.Load(path);
            }
            catch (NotebookFormatException malformed)
            {
                error.WriteLine($"  error: {malformed.Message}");
                error.WriteLine("  nothing ran; fix the file (or restore it from version control) and run again.");
                summary.AddMalformed(name);
                continue;
            }
            var result = NotebookRunner.Run(notebook, options, new ProgressPrinter(output));
            foreach (var problem in result.Problems)
            {
                error.WriteLine($"  error: {problem.Where}: {problem.Message}");
                error.WriteLine($"         fix: {problem.Fix}");
            }
            if (result.Executed is { } executed)
            {
                executed.Save(destinations[path]);
            }
            else
            {
                error.WriteLine("  nothing ran and nothing was written.");
            }
            summary.Add(name, result);
        }
        output.WriteLine();
        summary.Write(output);
        return notebooks.Count > 0 && summary.AllSucceeded ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static KeyValuePair<string, string> ParseParameter(string text)
    {
        int equals = text.IndexOf('=');
        string name = equals > 0 ? text[..equals].Trim() : "";
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
        {
            throw new UsageException($"-p takes name=value with a C# variable name, e.g. -p steps=500; got '{text}'.");
        }
        return new KeyValuePair<string, string>(name, text[(equals + 1)..]);
    }
}

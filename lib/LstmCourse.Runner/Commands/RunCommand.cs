using LstmCourse.Notebooks.Format;
using LstmCourse.Notebooks.Hosting;
using LstmCourse.Notebooks.Model;
using LstmCourse.Notebooks.Parameters;
using LstmCourse.Notebooks.Running;

namespace LstmCourse.Runner.Commands;

/// <summary><c>lstm-course run</c>: runs notebooks headlessly, each in its own kernel process, and writes the executed copies.</summary>
public sealed class RunCommand : ICommand
{
    public string Name => "run";

    public string Summary => "run notebooks headlessly and save them with their outputs";

    public string Usage => """
        lstm-course run <notebook-or-folder>... [--output DIR] [--in-place] [-p name=value]... [--cell-timeout SECONDS] [--stop-on-error] [--jobs N] [--output-limit CHARS]

        Runs each notebook's C# cells in order in one script state, as the .NET Interactive kernel does, in a
        kernel process of its own with the notebook's folder as the current directory, and writes the executed
        notebook (with its outputs) to DIR under the same file name. The source notebook is never changed unless
        --in-place. A folder means the *.ipynb files in it, sorted by name.

          --output DIR            where executed notebooks go (default: artifacts/notebooks under the current directory)
          --in-place              write the outputs into the source notebooks instead
          -p name=value           set a variable of the cell tagged 'parameters' (repeatable); the value must
                                  parse as the variable's declared type (int, long, float, double, decimal, bool, string)
          --cell-timeout SECONDS  stop a cell that runs longer, and with it its notebook (default 600)
          --stop-on-error         stop a notebook at its first failing cell (default: go on with the next cells)
          --jobs N                run up to N notebooks at once, each in its own process (default 1; progress is then
                                  printed per notebook when it ends)
          --output-limit CHARS    the most output one cell keeps; past it the rest is dropped with a notice (default 10000000)

        A cell that ends its process (Environment.Exit, FailFast, a stack overflow) fails its own notebook: the notebook
        is saved with every output before it and an error naming the cell, and the other notebooks still run.

        Exit codes: 0 every cell of every notebook succeeded and every notebook was written; 1 usage error (unknown
        option, missing file, a -p the notebook cannot take, an --output that cannot be written), nothing ran;
        2 a cell failed or timed out, a kernel process died, or a notebook is malformed or has something the runner
        cannot run (magics, #r "nuget:...", non-C# cells): those are reported before any of its cells run;
        3 an executed notebook could not be written (the others still were).
        """;

    public int Execute(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var parsed = Arguments.Parse(Name, args, ["--in-place", "--stop-on-error"], ["--output", "-p", "--cell-timeout", "--jobs", "--output-limit"]);
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
            OutputLimit = parsed.PositiveInteger("--output-limit", NotebookRunOptions.DefaultOutputLimit),
        };
        int jobs = (int)parsed.PositiveInteger("--jobs", 1);
        var destinations = notebooks.ToDictionary(path => path, path => inPlace ? path : Path.Combine(outputFolder, Path.GetFileName(path)));
        if (!inPlace && destinations.FirstOrDefault(pair => pair.Key == pair.Value).Key is { } source)
        {
            throw new UsageException($"--output {outputOption} is the folder of {Path.GetFileName(source)}: the source would be overwritten; to mean that, use --in-place.");
        }
        if (destinations.Values.GroupBy(d => d, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new UsageException($"two notebooks would both be written to {clash.Key}; run them separately or use --in-place.");
        }
        if (!inPlace)
        {
            OutputFolder.CheckWritable(outputFolder, outputOption);
        }

        var loaded = notebooks.Select(path => Load(path, options)).ToList();
        var summary = new SummaryTable();
        var printLock = new object();
        var outcomes = new (NotebookRunResult? Result, string? WriteError)[loaded.Count];
        void RunOne(int k)
        {
            var (path, notebook, malformed) = loaded[k];
            var log = jobs == 1 ? output : new StringWriter();
            var errors = jobs == 1 ? error : new StringWriter();
            log.WriteLine($"{NotebookPaths.Show(path)} -> {NotebookPaths.Show(destinations[path])}");
            if (notebook is null)
            {
                errors.WriteLine($"  error: {malformed}");
                errors.WriteLine("  nothing ran; fix the file (or restore it from version control) and run again.");
            }
            else
            {
                var result = NotebookHost.Run(notebook, options, new ProgressPrinter(log));
                foreach (var problem in result.Problems)
                {
                    errors.WriteLine($"  error: {problem.Where}: {problem.Message}");
                    errors.WriteLine($"         fix: {problem.Fix}");
                }
                string? writeError = null;
                if (result.Executed is { } executed)
                {
                    writeError = Write(executed, destinations[path]);
                    if (writeError is not null)
                    {
                        errors.WriteLine($"  error: {writeError}");
                    }
                }
                else
                {
                    errors.WriteLine("  nothing ran and nothing was written.");
                }
                outcomes[k] = (result, writeError);
            }
            if (jobs > 1)
            {
                lock (printLock)
                {
                    output.Write(log.ToString());
                    error.Write(errors.ToString());
                    output.Flush();
                }
            }
        }
        if (jobs == 1)
        {
            for (int k = 0; k < loaded.Count; k++)
            {
                RunOne(k);
            }
        }
        else
        {
            Parallel.For(0, loaded.Count, new ParallelOptions { MaxDegreeOfParallelism = jobs }, RunOne);
        }
        for (int k = 0; k < loaded.Count; k++)
        {
            string name = Path.GetFileName(loaded[k].Path);
            if (outcomes[k].Result is { } result)
            {
                summary.Add(name, result, written: outcomes[k].WriteError is null);
            }
            else
            {
                summary.AddMalformed(name);
            }
        }
        output.WriteLine();
        summary.Write(output);
        return summary.AllSucceeded ? ExitCodes.Ok
            : summary.AnyRunFailed ? ExitCodes.Failed
            : ExitCodes.NotWritten;
    }

    /// <summary>Reads a notebook and checks that it takes the -p values (a usage error if not); a malformed file is reported, not thrown.</summary>
    private static (string Path, Notebook? Notebook, string? Malformed) Load(string path, NotebookRunOptions options)
    {
        Notebook notebook;
        try
        {
            notebook = Notebook.Load(path);
        }
        catch (NotebookFormatException malformed)
        {
            return (path, null, malformed.Message);
        }
        try
        {
            ParameterInjector.Inject(notebook.Clone(), options.Parameters);
        }
        catch (ParameterException problem)
        {
            throw new UsageException($"{NotebookPaths.Show(path)}: {string.Join(" ", problem.Problems)}");
        }
        return (path, notebook, null);
    }

    /// <summary>Writes the executed notebook; returns what went wrong, naming the destination, or null.</summary>
    private static string? Write(Notebook executed, string destination)
    {
        try
        {
            executed.Save(destination);
            return null;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            return $"could not write {destination}: {OutputFolder.Reason(failure)}; the run's outputs are lost for this notebook " +
                "(free space or fix permissions, or choose another --output, and run again).";
        }
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

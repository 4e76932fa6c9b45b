using System.Text;

namespace LstmCourse.Runner.Commands;

/// <summary>
/// Every verb of <c>lstm-course</c>, and the dispatch from a command line to one of them.
/// To add a verb: write a class implementing <see cref="ICommand"/> and add it to <see cref="Commands"/>.
/// </summary>
public static class CommandRegistry
{
    /// <summary>The verbs, in the order help lists them.</summary>
    public static IReadOnlyList<ICommand> Commands { get; } =
    [
        new RunCommand(),
        new ClearCommand(),
        new CheckCommand(),
        new TrainCommand(),
        new SampleCommand(),
        new SweepCommand(),
        new ReportCommand(),
        new MakeDatasetCommand(),
        new HelpCommand(),
    ];

    /// <summary>The verb named <paramref name="name"/>, or null.</summary>
    public static ICommand? Find(string name) => Commands.FirstOrDefault(c => c.Name == name);

    /// <summary>The program's text when run without a verb: what it is and its verbs.</summary>
    public static string Overview()
    {
        var text = new StringBuilder("lstm-course: run and check the course's notebooks without Polyglot Notebooks.\n\nverbs:\n");
        int width = Commands.Max(c => c.Name.Length);
        foreach (var command in Commands)
        {
            text.Append("  ").Append(command.Name.PadRight(width + 2)).Append(command.Summary).Append('\n');
        }
        return text.Append("\nlstm-course <verb> --help shows a verb's options.\n").ToString();
    }

    /// <summary>Runs the verb <c>args[0]</c> with the rest; usage errors print the problem and the verb's synopsis and return 1.</summary>
    public static int Dispatch(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count == 0)
        {
            error.Write(Overview());
            return ExitCodes.Usage;
        }
        if (args[0] is "-h" or "--help")
        {
            output.Write(Overview());
            return ExitCodes.Ok;
        }
        var command = Find(args[0]);
        if (command is null)
        {
            error.WriteLine($"lstm-course: unknown verb '{args[0]}'; verbs: {string.Join(", ", Commands.Select(c => c.Name))}.");
            error.WriteLine("lstm-course help lists what each does.");
            return ExitCodes.Usage;
        }
        var rest = args.Skip(1).ToList();
        if (rest.Contains("-h") || rest.Contains("--help"))
        {
            output.WriteLine(command.Usage);
            return ExitCodes.Ok;
        }
        try
        {
            return command.Execute(rest, output, error);
        }
        catch (UsageException mistake)
        {
            error.WriteLine($"lstm-course {command.Name}: {mistake.Message}");
            error.WriteLine($"usage: {command.Usage.Split('\n')[0].Trim()}");
            return ExitCodes.Usage;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"lstm-course {command.Name}: {failure.Message}");
            error.WriteLine("check that the paths exist and can be written, then run again.");
            return ExitCodes.Failed;
        }
    }
}

namespace LstmCourse.Runner.Commands;

/// <summary><c>lstm-course help [verb]</c>: the verb list, or one verb's usage.</summary>
public sealed class HelpCommand : ICommand
{
    public string Name => "help";

    public string Summary => "show the verbs, or one verb's usage";

    public string Usage => """
        lstm-course help [verb]

        Without a verb, lists the verbs; with one, prints its usage (same as lstm-course <verb> --help).
        """;

    public int Execute(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var parsed = Arguments.Parse(Name, args, [], []);
        if (parsed.Positionals.Count == 0)
        {
            output.Write(CommandRegistry.Overview());
            return ExitCodes.Ok;
        }
        var command = CommandRegistry.Find(parsed.Positionals[0])
            ?? throw new UsageException($"no verb '{parsed.Positionals[0]}'; verbs: {string.Join(", ", CommandRegistry.Commands.Select(c => c.Name))}.");
        output.WriteLine(command.Usage);
        return ExitCodes.Ok;
    }
}

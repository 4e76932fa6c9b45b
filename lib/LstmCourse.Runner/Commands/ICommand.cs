namespace LstmCourse.Runner.Commands;

/// <summary>
/// One verb of <c>lstm-course</c>. A new verb is a new file implementing this plus one line in <see cref="CommandRegistry"/>.
/// </summary>
public interface ICommand
{
    /// <summary>The verb, e.g. <c>run</c>.</summary>
    string Name { get; }

    /// <summary>One line for the verb list.</summary>
    string Summary { get; }

    /// <summary>The full help text: a synopsis line, then what it does, its options and exit codes.</summary>
    string Usage { get; }

    /// <summary>Runs the verb with the arguments after it; returns the exit code (see <see cref="ExitCodes"/>).
    /// Throw <see cref="UsageException"/> for a command-line mistake.</summary>
    int Execute(IReadOnlyList<string> args, TextWriter output, TextWriter error);
}

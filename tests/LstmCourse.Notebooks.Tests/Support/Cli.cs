using LstmCourse.Runner.Commands;

namespace LstmCourse.Notebooks.Tests.Support;

/// <summary>Runs <c>lstm-course</c> in-process through the command registry, capturing what it prints.</summary>
internal static class Cli
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = CommandRegistry.Dispatch(args, output, error);
        return new Result(exit, output.ToString(), error.ToString());
    }
}

using LstmCourse.Runner.Commands;

namespace LstmCourse.Runner;

internal static class Program
{
    private static int Main(string[] args) => CommandRegistry.Dispatch(args, Console.Out, Console.Error);
}

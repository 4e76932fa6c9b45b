using LstmCourse.Notebooks.Hosting;

namespace LstmCourse.Kernel;

internal static class Program
{
    /// <summary>Runs the one notebook the host sends, then ends the process, whatever threads its cells left running.</summary>
    private static void Main(string[] args) => Environment.Exit(KernelServer.Serve(args, Console.In, Console.Error));
}

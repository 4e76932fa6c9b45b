namespace LstmCourse.Runner;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.Error.WriteLine("lstm-course: no verbs yet");
        return 1;
    }
}

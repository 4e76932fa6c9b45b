namespace LstmCourse.Runner.Commands;

/// <summary>A command-line mistake; the message says what is wrong and how to write it instead.</summary>
public sealed class UsageException(string message) : Exception(message);

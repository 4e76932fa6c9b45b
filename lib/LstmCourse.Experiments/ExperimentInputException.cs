namespace LstmCourse.Experiments;

/// <summary>An input the experiment tools cannot use (a folder that is not a run, a bad grid or shard); the message
/// names the problem and what to give instead, and the commands print it as a usage error.</summary>
public sealed class ExperimentInputException(string message) : Exception(message);

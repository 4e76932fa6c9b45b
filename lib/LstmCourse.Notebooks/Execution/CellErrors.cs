using System.Diagnostics;
using System.Reflection;
using LstmCourse.Notebooks.Model;
using Microsoft.CodeAnalysis;

namespace LstmCourse.Notebooks.Execution;

/// <summary>
/// Error outputs that say where: the cell (position and id), the line in it, and what went wrong,
/// for compile errors, exceptions (with their inner exceptions' messages) and timeouts.
/// </summary>
internal static class CellErrors
{
    /// <summary>One error output listing every compile error of the cell, each with its line and column in the cell.</summary>
    public static Output Compile(string cellLabel, IReadOnlyList<Diagnostic> errors)
    {
        var lines = errors.Select(error =>
        {
            var start = error.Location.GetLineSpan().StartLinePosition;
            return $"{cellLabel}, line {start.Line + 1}, column {start.Character + 1}: error {error.Id}: {error.GetMessage()}";
        }).ToList();
        string more = errors.Count > 1 ? $" (and {errors.Count - 1} more)" : "";
        return Output.Error("CompilationError", lines[0] + more, lines);
    }

    /// <summary>An error output for an exception thrown by the cell, naming the line of the cell it came through.</summary>
    public static Output Exception(string cellLabel, int cellIndex, Exception exception, ScriptSession session, Func<int, string> labelOf)
    {
        var frames = new StackTrace(exception, fNeedFileInfo: true).GetFrames()
            .Where(frame => frame.GetMethod() is { } method && !IsPlumbing(method))
            .ToList();
        int? line = frames
            .Where(frame => InNotebook(frame, session))
            .Select(frame => (Cell: CellOf(frame, session), Line: frame.GetFileLineNumber()))
            .FirstOrDefault(f => f.Cell == cellIndex && f.Line > 0).Line;
        string where = line is > 0 ? $"{cellLabel}, line {line}" : cellLabel;
        string messages = Messages(exception);
        var traceback = new List<string> { $"{where}: {exception.GetType().FullName}: {exception.Message}" };
        traceback.AddRange(Inner(exception).Select(inner => $" ---> {inner.GetType().FullName}: {inner.Message}"));
        traceback.AddRange(frames.Select(frame => "   at " + Describe(frame, session, labelOf)));
        return Output.Error(exception.GetType().Name, $"{where}: {messages}", traceback);
    }

    /// <summary>An error output for a cell abandoned after its timeout.</summary>
    public static Output Timeout(string cellLabel, TimeSpan timeout)
    {
        string message =
            $"{cellLabel} did not finish within {timeout.TotalSeconds:0.###} s and was stopped; the cells after it did not run, " +
            "because the notebook's state may be incomplete. Raise the limit with --cell-timeout SECONDS, or make the cell do less.";
        return Output.Error("CellTimeout", message, [message]);
    }

    /// <summary>An error output for a failure of the runner around the cell, such as a formatter that threw.</summary>
    public static Output Failure(string cellLabel, string what, Exception exception) =>
        Output.Error(exception.GetType().Name, $"{cellLabel}: {what}: {Messages(exception)}", [$"{cellLabel}: {what}", exception.ToString()]);

    /// <summary>The exception's message followed by each inner exception's type and message.</summary>
    public static string Messages(Exception exception) =>
        string.Join(" ---> ", new[] { exception.Message }
            .Concat(Inner(exception).Select(inner => $"{inner.GetType().Name}: {inner.Message}")));

    private static IEnumerable<Exception> Inner(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(inner => new[] { inner }.Concat(Inner(inner))),
        { InnerException: { } inner } => new[] { inner }.Concat(Inner(inner)),
        _ => [],
    };

    private static bool IsPlumbing(MethodBase method)
    {
        string space = method.DeclaringType?.Namespace ?? "";
        return space.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
            || space.StartsWith("System.Runtime.CompilerServices", StringComparison.Ordinal)
            || space.StartsWith("System.Runtime.ExceptionServices", StringComparison.Ordinal);
    }

    /// <summary>True unless the frame's code came from a <c>#load</c>ed file rather than a cell.</summary>
    private static bool InNotebook(StackFrame frame, ScriptSession session) =>
        frame.GetFileName() is not { } file || string.Equals(file, session.NotebookPath, StringComparison.Ordinal);

    /// <summary>The cell whose submission (a type named <c>Submission#N</c>) declares the frame's method, or null.</summary>
    private static int? CellOf(StackFrame frame, ScriptSession session)
    {
        Type? type = frame.GetMethod()?.DeclaringType;
        while (type?.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        const string prefix = "Submission#";
        return type is not null && type.Name.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(type.Name.AsSpan(prefix.Length), out int submission)
                ? session.CellOfSubmission(submission)
                : null;
    }

    private static string Describe(StackFrame frame, ScriptSession session, Func<int, string> labelOf)
    {
        MethodBase method = frame.GetMethod()!;
        int line = frame.GetFileLineNumber();
        if (CellOf(frame, session) is int cell && InNotebook(frame, session))
        {
            string at = line > 0 ? $"{labelOf(cell)}, line {line}" : labelOf(cell);
            string name = CellMethodName(method);
            return name.Length == 0 ? at : $"{name} in {at}";
        }
        string file = frame.GetFileName() is { } path && line > 0 ? $" in {path}:line {line}" : "";
        return $"{method.DeclaringType?.FullName}.{method.Name}{file}";
    }

    /// <summary>A user method's name (for an async method, from its state machine's name); empty for the cell's top level.</summary>
    private static string CellMethodName(MethodBase method)
    {
        string typeName = method.DeclaringType?.Name ?? "";
        string name = method.Name == "MoveNext" && typeName.StartsWith('<') ? typeName[1..typeName.IndexOf('>')] : method.Name;
        return name.Contains("Initialize", StringComparison.Ordinal) || name.Length == 0 ? "" : name.TrimStart('<');
    }
}

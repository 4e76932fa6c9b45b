using System.Net;
using LstmCourse.Display;

namespace LstmCourse.Exercises;

/// <summary>The verdict of one exercise check: passed, or the diagnosis of what is wrong and where it shows.</summary>
/// <remarks>
/// <code>
/// ✔ sigmoid: correct on 41 points including x = ±800
/// ✘ sigmoid: your sigmoid is tanh(x) ... (at x = 2: expected 0.8808, got 0.964)
/// </code>
/// A notebook cell ends with <c>Check.Sigmoid(sigmoid).ThrowIfWrong()</c>, so a wrong answer fails the cell loudly.
/// </remarks>
/// <param name="Title">What was checked, e.g. "sigmoid".</param>
/// <param name="Passed">True when the learner's function gave the right answer on every input.</param>
/// <param name="Message">What was verified when passed; the diagnosis when not.</param>
/// <param name="Fault">The key of the recognised typical fault (e.g. "missing-bias"), "threw", "wrong-shape",
/// "overflow", "sign", "factor", or null when passed or when no fault explains the answer.</param>
/// <param name="Evidence">The first input where the answer is wrong: "at x = 2: expected 0.8808, got 0.964".</param>
[TypeFormatterSource(typeof(ExerciseResultFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed record ExerciseResult(string Title, bool Passed, string Message, string? Fault = null, string? Evidence = null)
{
    internal static ExerciseResult Pass(string title, string message) => new(title, true, message);

    internal static ExerciseResult Fail(string title, string? fault, string diagnosis, string? evidence = null) =>
        new(title, false, diagnosis, fault, evidence);

    /// <summary>Returns this result when passed; throws <see cref="ExerciseFailedException"/> with the diagnosis when not.</summary>
    public ExerciseResult ThrowIfWrong() => Passed ? this : throw new ExerciseFailedException(this);

    public override string ToString() =>
        (Passed ? "✔ " : "✘ ") + Title + ": " + Message + (Evidence is null ? "" : " (" + Evidence + ")");

    internal string ToHtml() =>
        $"<div style=\"font-family:monospace;color:{(Passed ? "#1a7f37" : "#cf222e")}\">" +
        $"{(Passed ? "✔" : "✘")} <b>{WebUtility.HtmlEncode(Title)}</b>: {WebUtility.HtmlEncode(Message)}" +
        (Evidence is null ? "" : $"<br/><span style=\"color:#57606a\">{WebUtility.HtmlEncode(Evidence)}</span>") +
        "</div>";
}

/// <summary>Thrown by <see cref="ExerciseResult.ThrowIfWrong"/>: the message is the diagnosis, so a notebook cell fails with it.</summary>
public sealed class ExerciseFailedException(ExerciseResult result) : Exception(result.ToString())
{
    public ExerciseResult Result { get; } = result;
}

/// <summary>Renders an <see cref="ExerciseResult"/> as a green or red line in a notebook.</summary>
internal sealed class ExerciseResultFormatterSource
{
    public System.Collections.IEnumerable CreateTypeFormatters() => new[]
    {
        new MimeFormatter("text/html", o => (o as ExerciseResult)?.ToHtml()),
        new MimeFormatter("text/plain", o => (o as ExerciseResult)?.ToString()),
    };
}

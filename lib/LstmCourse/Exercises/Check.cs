namespace LstmCourse.Exercises;

/// <summary>The course's exercise checks: each runs the learner's function on fixed, seeded inputs, compares it with
/// the right answer and, when wrong, names the typical mistake that explains it.</summary>
/// <remarks>
/// <code>
/// double sigmoid(double x) => 1 / (1 + Math.Exp(-x));     // the learner's cell
/// Check.Sigmoid(sigmoid).ThrowIfWrong()                    // the next cell: ✔ ..., or fails with the diagnosis
/// </code>
/// One file per lesson: Check.Rnn.cs (01), Check.Activations.cs (02), Check.Gates.cs (03), Check.LstmCell.cs (04),
/// Check.Bptt.cs (05), Check.Sequences.cs (06), Check.Regularisation.cs (07).
/// The learner's function always receives copies, so it may overwrite its arguments.
/// </remarks>
public static partial class Check
{
    private static string Test(int k, int n, string sizes) => $"test {k + 1} of {n} ({sizes})";
}

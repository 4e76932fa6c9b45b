using LstmCourse.Diagnostics;
using Xunit.Abstractions;

namespace LstmCourse.Tests.Support;

/// <summary>The house threshold for gradient checks, and a log line per check so the worst error can be read off a run.</summary>
internal static class GradientAssert
{
    /// <summary>Relative error every entry must stay below: a correct model shows ~1e-9, a dropped tanh' ~1e-4.</summary>
    public const double Tolerance = 1e-6;

    /// <summary>Fails naming parameter, index, analytic and numeric when any entry reaches <see cref="Tolerance"/>.</summary>
    public static void Passes(GradientCheckReport report, ITestOutputHelper output)
    {
        output.WriteLine(report.ToString());
        output.WriteLine($"worst relative error {report.WorstRelativeError:e2}");
        report.ThrowIfAbove(Tolerance);
    }
}
